import { describe, expect, it } from 'vitest';
import { parseDeck, parseRichText } from '../src/index.js';

const at = { file: 'exams/midterm.exam.yaml', line: 4, column: 15 };

describe('parseRichText', () => {
  it('should read Markdown as the frontmatter reads its instructions', () => {
    const markdown = 'Answer **every** question.\n\n- No notes\n- No phones\n';
    const result = parseRichText(markdown, at);
    expect(result.diagnostics).toEqual([]);
    const deck = parseDeck(
      `---\nid: d\ntitle: D\ninstructions: |\n  Answer **every** question.\n\n  - No notes\n  - No phones\n---\n\n## S\n\n### Q\n\nA\n`,
      { file: 'd.md' },
    ).deck!;
    expect(result.text).toEqual(deck.instructions);
  });

  it('should give nothing for blank text', () => {
    expect(parseRichText('  \n\n', at)).toEqual({ text: null, diagnostics: [], images: [] });
  });

  it('should report problems and images at the given place', () => {
    const result = parseRichText('See ![A box](images/box.svg) and $\\frac{1}{$.', at);
    expect(result.images).toEqual([{ url: 'images/box.svg', line: 4, column: 15 }]);
    expect(result.diagnostics.map((d) => [d.file, d.line, d.column, d.ruleId])).toEqual([
      ['exams/midterm.exam.yaml', 4, 15, 'math-tex-error'],
    ]);
  });
});
