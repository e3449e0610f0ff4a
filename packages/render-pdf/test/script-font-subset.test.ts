import { describe, expect, it } from 'vitest';
import { FontSubset } from '../src/font-subset.js';
import type { FaceName } from '../src/fonts.js';
import { shapePiece } from '../src/shaped-text.js';
import { parsedFace } from '../src/shared-fonts.js';

// The fallback faces go through the same subsetter as DejaVu: long loca
// offsets (the CJK faces), no hinting programs, astral code points (emoji),
// glyphs only shaping reaches (Arabic joining forms, emoji sequences).

interface FontkitSubset {
  includeGlyph(glyphId: number): number;
  encode(): Uint8Array;
}

const SAMPLES: Array<[FaceName, string]> = [
  ['jp', '日本語のテスト、カタカナ。'],
  ['jp-bold', '漢字'],
  ['kr', '한국어'],
  ['sc', '简体中文'],
  ['arabic', 'مرحبا بالعالم'],
  ['hebrew', 'שלום'],
  ['devanagari', 'नमस्ते'],
  ['emoji', '👍🏽👨‍👩‍👧☀️'],
];

describe('subsets of the fallback faces', () => {
  it('should write the same TrueType file as fontkit', () => {
    for (const [face, text] of SAMPLES) {
      const glyphIds = shapePiece(face, text)!.glyphIds;
      const ours = new FontSubset(face);
      const theirs = (
        parsedFace(face)!.font as unknown as { createSubset(): FontkitSubset }
      ).createSubset();
      for (const glyphId of glyphIds)
        expect(ours.includeGlyph(glyphId)).toBe(theirs.includeGlyph(glyphId));
      expect(Buffer.from(ours.encode()).equals(Buffer.from(theirs.encode()))).toBe(true);
    }
  });
});
