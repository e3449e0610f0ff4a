import type { Block } from '@quizmark/model';
import { deck, flashcard, section } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import type { PdfOptions } from '../src/index.js';
import { renderPair } from './exam-pdfs.js';
import { type PagePixels, pagePixels } from './page-pixels.js';

// Code prints in greyscale by default (R = G = B on the rendered page, so a
// black-and-white printer loses nothing), in colour on request.

const code = [
  'def total(xs):  # the sum',
  '    return sum(x for x in xs if x > 0) + len("done")',
].join('\n');
const blocks: Block[] = [
  { type: 'paragraph', children: [{ type: 'text', value: 'What does this return?' }] },
  { type: 'code', lang: 'python', value: code },
];
const withCode = () =>
  deck({
    sections: [
      section('s', 'S', [
        flashcard('q', {
          front: { markdown: '', children: blocks },
          back: { markdown: '', children: blocks },
        }),
      ]),
    ],
  });

/** Pixels whose channels differ by more than `spread`: colour, not grey. */
function coloured(pixels: PagePixels, spread: number): number {
  let count = 0;
  for (let y = 0; y < pixels.height; y++)
    for (let x = 0; x < pixels.width; x++) {
      const [r, g, b] = pixels.at(x, y);
      if (Math.max(r, g, b) - Math.min(r, g, b) > spread) count++;
    }
  return count;
}

const render = async (options: PdfOptions) => {
  const { quiz, key } = await renderPair(withCode(), { ...options, keyContext: true });
  return [pagePixels(quiz), pagePixels(key)];
};

describe('code in print', () => {
  it('should print code in shades of grey by default, in the quiz and the key', async () => {
    for (const pixels of await render({})) expect(coloured(pixels, 12)).toBe(0);
  });

  it('should print code in colour with codeStyle colour', async () => {
    for (const pixels of await render({ codeStyle: 'colour' }))
      expect(coloured(pixels, 40)).toBeGreaterThan(50);
  });
});
