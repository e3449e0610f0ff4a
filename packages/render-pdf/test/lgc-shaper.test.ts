import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '@quizmark/model';
import { describe, expect, it } from 'vitest';
import { FONT_NAMES } from '../src/fonts.js';
import { lgcTable, shapeLgc } from '../src/lgc-shaper.js';
import { shape, textPieces } from '../src/shaped-text.js';
import { parsedFace } from '../src/shared-fonts.js';

// The table must set text exactly as fontkit does, glyph by glyph and to
// the last bit of every advance: measured lines, drawn glyphs and the PDF's
// bytes all come from it. The generator got each glyph pair from fontkit;
// these tests check whole words and strings against fontkit itself.

const content = join(import.meta.dirname, '../../../content');
const deckPieces = readdirSync(content)
  .filter((name) => name.endsWith('.md'))
  .flatMap((name) => textPieces(readFileSync(join(content, name), 'utf8').replace(/\n/g, ' ')));

function fontkitShape(face: (typeof FONT_NAMES)[number], text: string) {
  const parsed = parsedFace(face)!;
  return shape(parsed.font, parsed.scale, text);
}

/**
 * Random strings of one script's letters and the common characters, heavy
 * in ligature parts, spaces and kerned letters.
 */
function randomStrings(face: (typeof FONT_NAMES)[number], count: number): string[] {
  const table = lgcTable(face)!;
  const chars = [...table.glyphs.keys()].map((code) => String.fromCharCode(code));
  const common = chars.filter((char) => !table.letters.has(char.charCodeAt(0)));
  const random = seededRandom(`lgc-shaper ${face}`);
  const strings: string[] = [];
  for (const script of ['latn', 'grek', 'cyrl', 'other']) {
    const letters = chars.filter((char) => table.letters.get(char.charCodeAt(0)) === script);
    const pool = [...letters, ...common];
    const likely = script === 'latn' ? [...'ffffiilAVTYWLPoaey.,-’” 1'] : [...letters, ' ', '.'];
    for (let n = 0; n < count; n++) {
      let text = '';
      const length = 1 + Math.floor(random() * 12);
      for (let i = 0; i < length; i++) {
        const from = random() < 0.5 ? likely : pool;
        text += from[Math.floor(random() * from.length)];
      }
      strings.push(text);
    }
  }
  return strings;
}

describe('the LGC shaping table', () => {
  it('should be used for every DejaVu face: made from these font files and this fontkit', () => {
    for (const face of FONT_NAMES) expect(lgcTable(face), face).not.toBeNull();
    expect(lgcTable('jp')).toBeNull();
  });

  it('should set every word of the shipped decks it covers as fontkit does', () => {
    for (const face of FONT_NAMES)
      for (const piece of new Set(deckPieces)) {
        const shaped = shapeLgc(face, piece);
        if (shaped)
          expect(shaped, `${face}: ${JSON.stringify(piece)}`).toEqual(fontkitShape(face, piece));
      }
  });

  it('should cover every word of the seed deck', () => {
    const seed = textPieces(readFileSync(join(content, 'mlops.md'), 'utf8').replace(/\n/g, ' '));
    for (const face of FONT_NAMES)
      expect(
        seed.filter((piece) => !shapeLgc(face, piece)),
        face,
      ).toEqual([]);
  });

  it('should set random strings of its characters as fontkit does', () => {
    for (const face of FONT_NAMES)
      for (const text of randomStrings(face, 1500))
        expect(shapeLgc(face, text), `${face}: ${JSON.stringify(text)}`).toEqual(
          fontkitShape(face, text),
        );
  });

  it('should form ligatures and kern pairs the way fontkit does', () => {
    const word = shapeLgc('sans', 'Waffle office AV')!;
    // ffl and ffi are one glyph each, standing for their three characters.
    expect(word.codePoints.filter((codes) => codes.length === 3)).toEqual([
      [102, 102, 108],
      [102, 102, 105],
    ]);
    // A and V are kerned: the A advances less than its width.
    const a = word.glyphIds.length - 2;
    expect(word.xAdvance[a]).toBeLessThan(word.advanceWidth[a]!);
    // Sans Mono neither joins nor kerns.
    const mono = shapeLgc('mono', 'office AV')!;
    expect(mono.glyphIds).toHaveLength(9);
    expect(mono.xAdvance).toEqual(mono.advanceWidth);
  });

  it('should set Greek and Cyrillic words as fontkit does', () => {
    for (const text of ['ΕΛΛΗΝΙΚΆ', 'Тест: ёж', '«Ελληνικά»', '≠ ≥ → ∑'])
      expect(shapeLgc('sans', text), text).toEqual(fontkitShape('sans', text));
  });

  it('should leave to fontkit what it does not cover', () => {
    for (const text of ['aα', 'Тa', 'q̣', '日本', 'a\tb', 'soft\u00adhyphen', '😀'])
      expect(shapeLgc('sans', text), text).toBeNull();
    // In Sans Mono, U+0374 after i makes fontkit draw a dotless i: left out of the table.
    expect(shapeLgc('mono', 'i\u0374')).toBeNull();
  });
});
