import type { Block } from '@quizmark/model';
import { choice, deck, section } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { examDeck, layoutPages, renderPair } from './exam-pdfs.js';
import { findInOrder } from './pdf-tools.js';

// `keyContext`: the key repeats the code and context of each question above
// its answer. Read back with pdftotext.

const stem: Block[] = [
  { type: 'paragraph', children: [{ type: 'text', value: 'What does this print?' }] },
  { type: 'code', lang: 'python', value: 'print(len("quiz"))' },
];
const withCode = () =>
  deck({
    sections: [
      section('s', 'S', [
        choice('c', { stem: { markdown: 'What does this print?', children: stem } }),
      ]),
    ],
  });

describe('context in the key', () => {
  it('should repeat a question’s code block above its answer when asked', async () => {
    const { key } = await renderPair(withCode(), { keyContext: true });
    const text = layoutPages(key).join('\n');
    findInOrder(text, ['What does this print?', 'print(len("quiz"))', 'Answer']);
  });

  it('should leave the code out of the key by default', async () => {
    const { quiz, key } = await renderPair(withCode());
    expect(layoutPages(key).join('\n')).not.toContain('print(len(');
    expect(layoutPages(quiz).join('\n')).toContain('print(len("quiz"))');
  });

  it('should repeat a parsed flashcard’s code, not its question line', async () => {
    const { key } = await renderPair(examDeck(), { keyContext: true });
    const text = layoutPages(key).join('\n');
    findInOrder(text, ['What does this loop print?', 'total = 0', 'print(total)', 'It prints 2.']);
    expect(text.match(/What does this loop print\?/g)).toHaveLength(1);
    const off = layoutPages((await renderPair(examDeck())).key).join('\n');
    expect(off).not.toContain('total = 0');
  });
});
