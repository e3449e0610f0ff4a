import type { FontName } from './fonts.js';
import type { PageContent } from './page-content.js';
import { shapePiece, textPieces } from './shaped-text.js';
import type { EmbeddedFont } from './shared-fonts.js';

// Writes a line of text with the operators pdfkit's text() writes for it
// (lineBreak false, alphabetic baseline), from glyphs shaped once per
// process (shaped-text.ts) instead of once per document. Only what is
// document-specific happens here: which glyphs the subset holds, their
// widths and characters. Layout has measured and placed every run already,
// so pdfkit's line wrapper has nothing left to do.

interface TextInternals {
  _fontFamilies?: Record<string, EmbeddedFont | undefined>;
  page: { height: number; fonts: Record<string, unknown> };
}

/** pdfkit's number format: at most six decimals. */
function num(value: number): string {
  return `${Math.round(value * 1e6) / 1e6}`;
}

function hex4(value: number): string {
  return `0000${value.toString(16)}`.slice(-4);
}

/**
 * Sets `text` with its baseline at (x, baseline), in page coordinates from
 * the top. Returns false, having written nothing, when the document's fonts
 * are not the shared ones or the text needs pdfkit's own handling.
 */
export function writeText(
  doc: PDFKit.PDFDocument,
  content: PageContent,
  text: string,
  x: number,
  baseline: number,
  fontName: FontName,
  size: number,
): boolean {
  const internals = doc as unknown as TextInternals;
  const font = internals._fontFamilies?.[fontName];
  if (!font || typeof font.subset?.includeGlyph !== 'function' || text.includes('\n')) return false;
  const glyphIds: number[] = [];
  const codePoints: number[][] = [];
  const xAdvance: number[] = [];
  const xOffset: number[] = [];
  const yOffset: number[] = [];
  const advanceWidth: number[] = [];
  for (const piece of textPieces(text)) {
    const shaped = shapePiece(fontName, piece);
    if (!shaped) return false;
    glyphIds.push(...shaped.glyphIds);
    codePoints.push(...shaped.codePoints);
    xAdvance.push(...shaped.xAdvance);
    xOffset.push(...shaped.xOffset);
    yOffset.push(...shaped.yOffset);
    advanceWidth.push(...shaped.advanceWidth);
  }
  if (text.length === 0) return true;

  const { page } = internals;
  if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
  const encoded = glyphIds.map((glyphId, index) => {
    const gid = font.subset.includeGlyph(glyphId);
    if (font.widths[gid] == null) font.widths[gid] = advanceWidth[index]!;
    if (font.unicode[gid] == null) font.unicode[gid] = codePoints[index]!;
    return hex4(gid);
  });

  const y = page.height - baseline - 0;
  content.write('q');
  content.write(`1 0 0 -1 0 ${num(page.height)} cm`);
  content.write('BT');
  content.write(`1 0 0 1 ${num(x)} ${num(y)} Tm`);
  content.write(`/${font.id} ${num(size)} Tf`);
  // Glyphs go out in TJ segments; a segment ends where kerning moves the
  // next glyph, and a glyph with an offset (a combining mark) is placed alone.
  const scale = size / 1000;
  const commands: string[] = [];
  let last = 0;
  let hadOffset = false;
  let penX = x;
  const addSegment = (end: number) => {
    if (last < end) {
      const kerning = xAdvance[end - 1]! - advanceWidth[end - 1]!;
      commands.push(`<${encoded.slice(last, end).join('')}> ${num(-kerning)}`);
    }
    last = end;
  };
  const flush = (end: number) => {
    addSegment(end);
    if (commands.length > 0) {
      content.write(`[${commands.join(' ')}] TJ`);
      commands.length = 0;
    }
  };
  for (let index = 0; index < encoded.length; index++) {
    if (xOffset[index] || yOffset[index]) {
      flush(index);
      content.write(
        `1 0 0 1 ${num(penX + xOffset[index]! * scale)} ${num(y + yOffset[index]! * scale)} Tm`,
      );
      flush(index + 1);
      hadOffset = true;
    } else {
      if (hadOffset) {
        content.write(`1 0 0 1 ${num(penX)} ${num(y)} Tm`);
        hadOffset = false;
      }
      if (xAdvance[index]! - advanceWidth[index]! !== 0) addSegment(index + 1);
    }
    penX += xAdvance[index]! * scale;
  }
  flush(encoded.length);
  content.write('ET');
  content.write('Q');
  return true;
}
