import { parseDeck } from '@quizmark/parser';
import { runTool } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { pdfRenderer } from '../src/index.js';
import { layoutCode } from '../src/layout-code.js';
import { poppler, withPdfFile } from './pdf-tools.js';

// Code copied out of a PDF (or read by pdftotext) is code a student may
// paste and run: its indentation and blank lines are part of it.

const CODE = [
  'def total(items):',
  '    result = 0',
  '',
  '    for item in items:',
  '        result += item',
  '    return result',
];

const SOURCE = `---
id: code-copy
title: Code copy
---

## Python

### What does this function return?

\`\`\`python
${CODE.join('\n')}
\`\`\`

- [x] The sum of the items
- [ ] The last item
`;

async function quizText(args: readonly string[]): Promise<string> {
  const { deck } = parseDeck(SOURCE, { file: 'code-copy.md' });
  const files = await pdfRenderer.render({
    decks: [{ deck: deck!, name: 'deck', assets: new Map() }],
    options: {},
    sourceDateEpoch: 1_700_000_000,
  });
  const quiz = files.find((file) => file.path === 'deck.quiz.pdf')!;
  return withPdfFile(quiz.bytes, (path) => runTool('pdftotext', [...args, path, '-']));
}

describe('the text a code block draws', () => {
  // A viewer copies the glyphs in the page, not the gaps between them: the
  // indentation and the blank line must be drawn as spaces.
  it('should draw each line with its indentation as spaces and a blank line as a space', () => {
    const rows = layoutCode(CODE.join('\n'), 'python', { x: 0, width: 400 });
    expect(rows).toHaveLength(CODE.length);
    const lines = rows.map((row) => {
      const texts = row.ops.flatMap((op) => (op.op === 'text' ? [op] : []));
      expect(texts[0]!.x).toBe(texts.reduce((least, op) => Math.min(least, op.x), Infinity));
      return texts;
    });
    // Every line's first run starts at the box's first column and holds the line's indentation.
    expect(new Set(lines.map((texts) => texts[0]!.x)).size).toBe(1);
    lines.forEach((texts, index) => {
      const line = CODE[index]!;
      expect(texts[0]!.text).toBe(line === '' ? ' ' : line.slice(0, texts[0]!.text.length));
    });
  });
});

describe.skipIf(!poppler.available)('code blocks read back from the PDF', () => {
  it('should keep indentation and the blank line in the page layout (pdftotext -layout)', async () => {
    const lines = (await quizText(['-enc', 'UTF-8', '-layout'])).split('\n');
    const start = lines.findIndex((line) => line.trimEnd().endsWith(CODE[0]!));
    expect(start).toBeGreaterThanOrEqual(0);
    const indent = lines[start]!.indexOf(CODE[0]!);
    const code = lines
      .slice(start, start + CODE.length)
      .map((line) => line.slice(indent).trimEnd());
    expect(code).toEqual(CODE);
  });
});
