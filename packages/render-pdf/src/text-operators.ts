import { bidi, levelRuns, visualOrder } from './bidi.js';
import type { FaceName, FontName } from './fonts.js';
import type { PageContent } from './page-content.js';
import { type EmbeddedFont, usePageFont } from './pdfkit-internals.js';
import {
  type FaceSegment,
  faceSegments,
  type HanScript,
  hanScriptFor,
  hasRightToLeft,
  needsFallback,
} from './script-faces.js';
import { type ShapedPiece, shapePiece, textPieces } from './shaped-text.js';
import { documentFace } from './shared-fonts.js';
import { faceWidth } from './text-width.js';

// Writes runs of text as pdfkit's text() would set them (lineBreak false,
// alphabetic baseline: the same glyphs, kerning and positions), from glyphs
// shaped once per process (shaped-text.ts) instead of once per document.
// Layout has measured and placed every run already, so pdfkit's line
// wrapper has nothing left to do. What is specific to a document (which
// glyphs its subset holds, their ids, widths and characters) is worked out
// once per word and document. A run with characters of other scripts is
// drawn face by face (script-faces.ts); a right-to-left stretch is drawn
// from its end, its Arabic and Hebrew glyphs in the visual order fontkit
// shapes them in, its punctuation reversed and mirrored.

/** pdfkit's number format: at most six decimals. */
export function num(value: number): string {
  return `${Math.round(value * 1e6) / 1e6}`;
}

const colorOperators = new Map<string, string | null>();

/** The operator that sets the fill colour of text to `#rrggbb`; null for other notations. */
export function textColorOperator(color: string): string | null {
  let operator = colorOperators.get(color);
  if (operator === undefined) {
    const channels = [1, 3, 5].map((at) => num(Number.parseInt(color.slice(at, at + 2), 16) / 255));
    operator = /^#[0-9a-f]{6}$/i.test(color) ? `${channels.join(' ')} rg` : null;
    colorOperators.set(color, operator);
  }
  return operator;
}

/** Adds the glyph to the document's subset and returns its id there, as four hex digits. */
function includeGlyph(font: EmbeddedFont, piece: ShapedPiece, index: number): string {
  const gid = font.subset.includeGlyph(piece.glyphIds[index]!);
  // The first characters a glyph is drawn for become its ToUnicode entry.
  if (font.widths[gid] == null) font.widths[gid] = piece.advanceWidth[index]!;
  if (font.unicode[gid] == null) font.unicode[gid] = piece.codePoints[index]!;
  return `0000${gid.toString(16)}`.slice(-4);
}

/** Kerning after a glyph, in thousandths of an em (pdfkit's TJ adjustment). */
function kerningAfter(piece: ShapedPiece, index: number): number {
  return piece.xAdvance[index]! - piece.advanceWidth[index]!;
}

function positioned(piece: ShapedPiece): boolean {
  return (
    piece.xOffset.some((offset) => offset !== 0) || piece.yOffset.some((offset) => offset !== 0)
  );
}

/**
 * A piece's glyphs as TJ operands in the document's subset: hex strings,
 * split where kerning moves the next glyph. Null for a piece with positioned
 * marks, which needs text matrices of its own.
 */
function pieceOperands(font: EmbeddedFont, piece: ShapedPiece): string | null {
  if (positioned(piece)) return null;
  const parts: string[] = [];
  let hex = '';
  piece.glyphIds.forEach((_, index) => {
    hex += includeGlyph(font, piece, index);
    const kerning = kerningAfter(piece, index);
    if (kerning !== 0) {
      parts.push(`<${hex}> ${num(-kerning)}`);
      hex = '';
    }
  });
  if (hex) parts.push(`<${hex}>`);
  return parts.join(' ');
}

/** Writes text into the pages of one document. */
export class TextWriter {
  readonly #doc: PDFKit.PDFDocument;
  readonly #content: PageContent;
  /** Per font and piece: its TJ operands in this document (see `pieceOperands`). */
  readonly #operands = new Map<EmbeddedFont, Map<string, string | null>>();

  readonly #han: HanScript;
  /** Inside a span whose actual text is given: no spans of its own. */
  #spanned = false;

  /** `language` (BCP 47, the deck's) chooses the face of Han characters. */
  constructor(doc: PDFKit.PDFDocument, content: PageContent, language = '') {
    this.#doc = doc;
    this.#content = content;
    this.#han = hanScriptFor(language);
  }

  /**
   * Sets `text` with its baseline at (x, baseline), in page coordinates from
   * the top. Returns false, having written nothing, when the document's fonts
   * are not the shared ones or the text needs pdfkit's own handling.
   */
  write(
    text: string,
    x: number,
    baseline: number,
    fontName: FontName,
    size: number,
    actualText?: string,
  ): boolean {
    if (text.includes('\n')) return false;
    if (actualText === undefined) return this.#write(text, x, baseline, fontName, size);
    // What copying gives replaces the glyphs' characters, spans inside it included.
    this.#content.text(`/Span <</ActualText ${utf16Hex(actualText)}>> BDC`);
    this.#spanned = true;
    const written = this.#write(text, x, baseline, fontName, size);
    this.#spanned = false;
    this.#content.text('EMC');
    return written;
  }

  #write(text: string, x: number, baseline: number, fontName: FontName, size: number): boolean {
    if (!needsFallback(text)) return this.#writeFace(text, x, baseline, fontName, size);
    // Layout gives each run of a line one direction (line-break.ts); text set
    // on its own (a footer, a label) is ordered here.
    const runs = hasRightToLeft(text) ? visualOrder(levelRuns(text, 'auto')) : [{ text, level: 0 }];
    const drawn = runs.map((run) => {
      const faces = faceSegments(run.text, fontName, this.#han);
      const rtl = run.level % 2 === 1;
      return { text: run.text, rtl, segments: rtl ? rightToLeft(faces, fontName) : faces };
    });
    for (const run of drawn)
      if (run.segments.some((segment) => !documentFace(this.#doc, segment.face))) return false;
    let penX = x;
    for (const run of drawn) {
      // Arabic letters share glyphs (their dots are marks) and brackets are
      // drawn mirrored, so the glyphs cannot say which characters they are:
      // the span's actual text does, in the visual order of the glyphs it
      // replaces, which text extraction (poppler) reorders as it would them.
      if (run.rtl && !this.#spanned)
        this.#content.text(
          `/Span <</ActualText ${utf16Hex(Array.from(run.text).reverse().join(''))}>> BDC`,
        );
      for (const segment of run.segments) {
        // Devanagari draws some vowel signs before their consonant: the actual text keeps the order.
        const reordered = !this.#spanned && segment.face.startsWith('devanagari');
        if (reordered) this.#content.text(`/Span <</ActualText ${utf16Hex(segment.text)}>> BDC`);
        this.#writeFace(segment.text, penX, baseline, segment.face, size);
        if (reordered) this.#content.text('EMC');
        penX += faceWidth(segment.text, segment.face, size);
      }
      if (run.rtl && !this.#spanned) this.#content.text('EMC');
    }
    return true;
  }

  #writeFace(text: string, x: number, baseline: number, fontName: FaceName, size: number): boolean {
    const font = documentFace(this.#doc, fontName);
    if (!font) return false;
    if (text.length === 0) return true;
    let known = this.#operands.get(font);
    if (!known) {
      known = new Map();
      this.#operands.set(font, known);
    }
    const operands: string[] = [];
    let marks = false;
    for (const piece of textPieces(text)) {
      let next = known.get(piece);
      if (next === undefined) {
        const shaped = shapePiece(fontName, piece);
        if (!shaped) return false;
        next = pieceOperands(font, shaped);
        known.set(piece, next);
      }
      if (next === null) {
        marks = true;
        continue;
      }
      const last = operands.length - 1;
      // Strings that follow each other without kerning between them join into one.
      if (last < 0) operands.push(next);
      else if (operands[last]!.endsWith('>')) {
        operands[last] = operands[last]!.slice(0, -1);
        operands.push(next.slice(1));
      } else operands.push(' ', next);
    }

    usePageFont(this.#doc, font);
    const content = this.#content;
    content.font(`/${font.id} ${num(size)} Tf`);
    // The page's coordinates run down from the top (pdfkit flips them), so
    // the text matrix flips glyphs back upright and y is the baseline itself.
    content.text(`1 0 0 -1 ${num(x)} ${num(baseline)} Tm`);
    if (!marks) content.text(`[${operands.join('')}] TJ`);
    else {
      const pieces = textPieces(text).map((piece) => shapePiece(fontName, piece)!);
      this.#writePositioned(font, pieces, x, baseline, size);
    }
    return true;
  }

  /** Text with positioned marks (combining accents): each such glyph gets its own text matrix. */
  #writePositioned(
    font: EmbeddedFont,
    pieces: readonly ShapedPiece[],
    x: number,
    baseline: number,
    size: number,
  ): void {
    const content = this.#content;
    const scale = size / 1000;
    let penX = x;
    let operands = '';
    let moved = false;
    const flush = () => {
      if (operands) content.text(`[${operands}] TJ`);
      operands = '';
    };
    for (const piece of pieces) {
      piece.glyphIds.forEach((_, index) => {
        const hex = `<${includeGlyph(font, piece, index)}>`;
        const kerning = kerningAfter(piece, index);
        const glyph = kerning === 0 ? hex : `${hex} ${num(-kerning)}`;
        const dx = piece.xOffset[index]!;
        const dy = piece.yOffset[index]!;
        if (dx || dy) {
          flush();
          content.text(`1 0 0 -1 ${num(penX + dx * scale)} ${num(baseline - dy * scale)} Tm`);
          content.text(`[${glyph}] TJ`);
          moved = true;
        } else {
          if (moved) content.text(`1 0 0 -1 ${num(penX)} ${num(baseline)} Tm`);
          moved = false;
          operands += operands ? ` ${glyph}` : glyph;
        }
        penX += piece.xAdvance[index]! * scale;
      });
    }
    flush();
  }
}

/**
 * Segments of a right-to-left stretch from left to right: the last first. The
 * Arabic and Hebrew faces come back from fontkit in visual order already;
 * what the style's own face draws in such a run is neutral (spaces,
 * punctuation: numbers and Latin words are runs of their own), reversed and
 * mirrored here.
 */
function rightToLeft(segments: readonly FaceSegment[], font: FontName): FaceSegment[] {
  return segments
    .map((segment) =>
      // An emoji sequence stays as it is: its face forms it from logical order.
      segment.face !== font
        ? segment
        : {
            face: segment.face,
            text: Array.from(segment.text, (char) => bidi.getMirroredCharacter(char) ?? char)
              .reverse()
              .join(''),
          },
    )
    .reverse();
}

/** A PDF text string in UTF-16BE with its byte order mark, as hex. */
function utf16Hex(text: string): string {
  let hex = '<FEFF';
  for (let index = 0; index < text.length; index++)
    hex += `000${text.charCodeAt(index).toString(16).toUpperCase()}`.slice(-4);
  return `${hex}>`;
}
