import { BoundedCache } from './bounded-cache.js';
import type { FaceName } from './fonts.js';
import { shapeLgc } from './lgc-shaper.js';
import { type FontkitFont, forgetGlyph, forgetGlyphs } from './pdfkit-internals.js';
import { parsedFace } from './shared-fonts.js';

// Shaping (fontkit running the font's substitution and kerning tables) is
// the costliest step of setting text, and pdfkit repeats it for every
// document because each document has its own font object. Quizzes repeat
// their words endlessly, so each word is shaped once per process here and
// both measuring and drawing read the result. Latin, Greek and Cyrillic
// words in DejaVu are set from a table of fontkit's results instead
// (lgc-shaper.ts).
//
// pdfkit shapes text in pieces that end after each space or tab ("word ")
// and adds the pieces up; doing the same keeps widths and glyph positions
// exactly as pdfkit computes them, to the last bit of the float.

/** One shaped piece of text, in pdfkit's units (1000 per em). */
export interface ShapedPiece {
  glyphIds: number[];
  /** The characters each glyph stands for, for the document's ToUnicode map. */
  codePoints: number[][];
  /** Advance of each glyph as positioned (kerning included). */
  xAdvance: number[];
  xOffset: number[];
  yOffset: number[];
  /** Natural advance of each glyph (its width in the font's metrics). */
  advanceWidth: number[];
  /** Sum of `xAdvance`, added in order as fontkit's GlyphRun does. */
  width: number;
}

// Words repeat: each is shaped once per face, up to a bound (a shaped word is about 1 KB).
const PIECES_PER_FACE = 4_000;
const pieceCache = new Map<FaceName, BoundedCache<string, ShapedPiece>>();

/** Splits text where pdfkit does: after every space and tab. */
export function textPieces(text: string): string[] {
  const pieces: string[] = [];
  let last = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === 32 || char === 9) {
      pieces.push(text.slice(last, index + 1));
      last = index + 1;
    }
  }
  if (last < text.length) pieces.push(text.slice(last));
  return pieces;
}

/** The shaped piece, or null when the font's internals are not as expected (see shared-fonts.ts). */
export function shapePiece(font: FaceName, piece: string): ShapedPiece | null {
  let pieces = pieceCache.get(font);
  if (!pieces) {
    pieces = new BoundedCache(PIECES_PER_FACE);
    pieceCache.set(font, pieces);
  }
  const cached = pieces.get(piece);
  if (cached) return cached;
  const face = parsedFace(font);
  if (!face) return null;
  const shaped = shapeLgc(font, piece) ?? shape(face.font, face.scale, piece);
  pieces.set(piece, shaped);
  return shaped;
}

/** `text` as fontkit shapes it in `font` (exported for lgc-shaper's tests). */
export function shape(font: FontkitFont, scale: number, text: string): ShapedPiece {
  const run = layoutAsFresh(font, text);
  const shaped: ShapedPiece = {
    glyphIds: [],
    codePoints: [],
    xAdvance: [],
    xOffset: [],
    yOffset: [],
    advanceWidth: [],
    width: 0,
  };
  run.glyphs.forEach((glyph, index) => {
    const position = run.positions[index]!;
    // The same operations as pdfkit's layoutRun, so the floats agree.
    const xAdvance = position.xAdvance * scale;
    shaped.glyphIds.push(glyph.id);
    shaped.codePoints.push(glyph.codePoints.slice());
    shaped.xAdvance.push(xAdvance);
    shaped.xOffset.push(position.xOffset * scale);
    shaped.yOffset.push(position.yOffset * scale);
    shaped.advanceWidth.push(glyph.advanceWidth * scale);
    shaped.width += xAdvance;
  });
  keepEveryCharacter(text, shaped.codePoints);
  return shaped;
}

/**
 * Gives characters no glyph stands for to the glyph of the character before
 * them, so copying the text gives all of it back: a skin tone the emoji face
 * draws as its base emoji, a joiner it has no sequence for. Glyphs may come
 * in another order than the characters (right-to-left text, Indic vowel
 * signs drawn before their consonant), so characters are counted, not matched
 * in order.
 */
function keepEveryCharacter(text: string, codePoints: number[][]): void {
  const drawn = new Map<number, number>();
  for (const glyph of codePoints)
    for (const code of glyph) drawn.set(code, (drawn.get(code) ?? 0) + 1);
  let owner: number[] | null = null;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const left = drawn.get(code) ?? 0;
    if (left > 0) {
      drawn.set(code, left - 1);
      owner = codePoints.find((glyph) => glyph.includes(code)) ?? owner;
    } else owner?.push(code);
  }
}

/**
 * fontkit's layout of `text` as a freshly parsed font gives it, whatever
 * was shaped before. fontkit caches glyph objects, and a glyph remembers
 * the characters it was first created for (E first met as Greek Ε); the
 * shaper reads them (script, marks), and pdfkit maps glyphs back to them.
 * So cached glyphs of this text's characters that remember other characters
 * are dropped first. When shaping substitutes glyphs (ligatures, variation
 * selectors), whose characters cannot be checked up front, the text is
 * shaped again with an empty cache. Keeping the rest of the cache saves
 * decoding every glyph's metrics again for every word.
 */
function layoutAsFresh(font: FontkitFont, text: string): ReturnType<FontkitFont['layout']> {
  const expected: number[] = [];
  const checked = new Set<number>();
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    const glyph = font.glyphForCodePoint(codePoint);
    expected.push(glyph.id);
    if (checked.has(glyph.id)) continue;
    checked.add(glyph.id);
    if (glyph.codePoints.length !== 1 || glyph.codePoints[0] !== codePoint)
      forgetGlyph(font, glyph.id);
  }
  const run = font.layout(text);
  if (
    run.glyphs.length === expected.length &&
    run.glyphs.every((glyph, index) => glyph.id === expected[index])
  )
    return run;
  forgetGlyphs(font);
  return font.layout(text);
}
