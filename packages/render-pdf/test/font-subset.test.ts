import { describe, expect, it } from 'vitest';
import { FontSubset } from '../src/font-subset.js';
import { FONT_NAMES } from '../src/fonts.js';
import { parsedFace } from '../src/shared-fonts.js';

// The subsetter writes pdfkit's font files itself; fontkit's own subset is
// the reference it must match byte for byte.

interface FontkitSubset {
  includeGlyph(glyphId: number): number;
  encode(): Uint8Array;
}

function fontkitSubset(name: (typeof FONT_NAMES)[number]): FontkitSubset {
  const face = parsedFace(name)!;
  return (face.font as unknown as { createSubset(): FontkitSubset }).createSubset();
}

describe('font subsets', () => {
  it('should write the same TrueType file as fontkit, composite glyphs included', () => {
    // Accented capitals are composites (É is E and an acute): their parts join the subset.
    const glyphIds = (name: (typeof FONT_NAMES)[number]) => {
      const { font } = parsedFace(name)!;
      return Array.from('Quiz ÉÅÇñøß ΕΛΛΗΝΙΚΆ Тест ☐☑↪ {}()=>', (char) => {
        return font.glyphForCodePoint(char.codePointAt(0)!).id;
      });
    };
    for (const name of FONT_NAMES) {
      const ours = new FontSubset(name);
      const theirs = fontkitSubset(name);
      for (const glyphId of glyphIds(name))
        expect(ours.includeGlyph(glyphId)).toBe(theirs.includeGlyph(glyphId));
      const bytes = ours.encode();
      expect(Buffer.from(bytes).equals(Buffer.from(theirs.encode()))).toBe(true);
      // Components were added after the glyphs drawn with.
      expect(ours.glyphs.length).toBeGreaterThan(new Set(glyphIds(name)).size + 1);
    }
  });

  it('should leave the font file untouched when it patches composite glyphs', () => {
    const first = new FontSubset('sans');
    const { font } = parsedFace('sans')!;
    first.includeGlyph(font.glyphForCodePoint(0xc9).id);
    const before = Buffer.from(first.encode());
    // Another document whose subset numbers the same components differently.
    const second = new FontSubset('sans');
    for (const char of 'xyzE´É')
      second.includeGlyph(font.glyphForCodePoint(char.codePointAt(0)!).id);
    second.encode();
    const again = new FontSubset('sans');
    again.includeGlyph(font.glyphForCodePoint(0xc9).id);
    expect(Buffer.from(again.encode()).equals(before)).toBe(true);
  });
});
