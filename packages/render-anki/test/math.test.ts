import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DeckInput } from '@quizmark/model';
import { parseDeck } from '@quizmark/parser';
import { describe, expect, it } from 'vitest';
import { revealClozes } from '../src/cloze-markers.js';
import {
  ankiDeckContent,
  ankiTextImport,
  buildAnkiPackage,
  cardCss,
  guidFor,
} from '../src/index.js';
import { readAnkiText } from './anki-text-reader.js';
import { openPackage } from './open-package.js';

// test/fixtures/math.md on cards: math in a front, display math, a hint,
// options and feedback, next to cloze blanks, in matching and ordering
// entries, and TeX that does not parse, read back from the .apkg's SQLite.

const EPOCH = 1_700_000_000;

function mathDeck(): DeckInput {
  const file = fileURLToPath(new URL('./fixtures/math.md', import.meta.url));
  const result = parseDeck(readFileSync(file, 'utf8'), { file: 'math.md' });
  if (!result.deck) throw new Error(`${file} does not parse`);
  return { deck: result.deck, name: 'math', assets: new Map() };
}

/** What the card's HTML parser gives MathJax: the text, entities decoded. */
const decoded = (html: string) =>
  html
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The TeX of each `\(…\)` and `\[…\]` in field HTML, as MathJax finds it. */
const formulas = (html: string) =>
  [...decoded(html).matchAll(/\\\(([\s\S]*?)\\\)|\\\[([\s\S]*?)\\\]/g)].map(
    (match) => match[1] ?? match[2]!,
  );

describe('@quizmark/render-anki math', () => {
  it('should write math in every field as MathJax delimiters, HTML-escaped, with no dollar sign', async () => {
    const pkg = await openPackage(await buildAnkiPackage(mathDeck(), EPOCH));
    const notes = pkg.rows<{ guid: string; flds: string }>('SELECT guid, flds FROM notes');
    expect(notes).toHaveLength(6);
    const fields = (itemId: string) =>
      notes.find((note) => note.guid === guidFor('anki-math', itemId))!.flds;
    for (const note of notes) {
      expect(note.flds).not.toContain('$');
      expect(note.flds).not.toContain('<math');
    }
    expect(formulas(fields('rest-energy'))).toEqual(['m', 'E = mc^2', 'v < c', 'p = 0']);
    expect(fields('rest-energy')).toContain('\\[E = mc^2\\]');
    expect(fields('rest-energy')).toContain('\\(v &lt; c\\)');
    expect(formulas(fields('quadratic'))).toEqual([
      // The stem, the options, then the answer and its feedback.
      'x = \\frac{-b \\pm \\sqrt{b^2 - 4ac} }{2a}',
      'x = \\frac{b}{2a}',
      'x = \\frac{-b \\pm \\sqrt{b^2 - 4ac} }{2a}',
      'ax^2 + bx + c = 0',
    ]);
    // Entries show twice: in the lists to match or order, and in the answer.
    expect(new Set(formulas(fields('formulas-match')))).toEqual(new Set(['F = ma', 'p = mv']));
    expect(new Set(formulas(fields('powers')))).toEqual(new Set(['10^{-3}', '10^{3}']));
    pkg.db.close();
  });

  it('should keep math beside cloze blanks from ending or opening a blank', () => {
    const content = ankiDeckContent(mathDeck());
    const note = content.notes.find((n) => n.guid === guidFor('anki-math', 'rms'))!;
    const text = note.fields[0]!;
    const blank = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;
    // `}}` in the TeX would close a blank in Anki: only the blanks' own remain,
    // raw, and none is left once an editor decodes the braces.
    expect(decoded(text.replace(blank, ''))).not.toContain('}}');
    expect(decoded(text).match(/\\\(([\s\S]*?)\\\)/g)).toEqual([
      '\\(A\\)',
      '\\(\\frac{A}{\\sqrt{2} }\\)',
    ]);
    // Anki's own pattern finds exactly the author's two blanks.
    const blanks = [...text.matchAll(blank)];
    expect(blanks.map((blank) => [blank[1], blank[2]])).toEqual([
      ['1', '0.707'],
      ['2', 'peak'],
    ]);
    // On the card asking blank 1, the math is still whole.
    const card = decoded(revealClozes(text, 1, 'question'));
    expect(card).toContain('\\(\\frac{A}{\\sqrt{2} }\\), about <span class="cloze"');
    expect(card).toContain('[...]');
  });

  it('should show TeX that does not render as marked source, not as math', () => {
    const content = ankiDeckContent(mathDeck());
    const note = content.notes.find((n) => n.guid === guidFor('anki-math', 'broken'))!;
    const back = note.fields[1]!;
    expect(back).toMatch(
      /<code class="qm-math-error" title="[^"]*end of input[^"]*">\\frac\{1\}\{<\/code>/,
    );
    expect(formulas(back)).toEqual([]);
    expect(cardCss).toContain('code.qm-math-error');
  });

  it('should carry the same fields in the text import', () => {
    const content = ankiDeckContent(mathDeck());
    const { rows } = readAnkiText(ankiTextImport(content));
    const row = rows.find((cells) => cells[2] === guidFor('anki-math', 'rest-energy'))!;
    expect(row.slice(3, 3 + content.notes[0]!.fields.length)).toEqual(content.notes[0]!.fields);
    expect(row.join('\t')).toContain('\\[E = mc^2\\]');
    expect(row.join('\t')).not.toContain('$');
  });
});
