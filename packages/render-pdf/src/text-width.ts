import { BoundedCache } from './bounded-cache.js';
import type { FaceName, FontName } from './fonts.js';
import { faceSegments, needsFallback } from './script-faces.js';
import { shapePiece, textPieces } from './shaped-text.js';
import { fontHost } from './shared-fonts.js';

// Layout measures with the same shaping that draws (fontkit, as pdfkit runs
// it), so a measured line is exactly as wide on paper. Widths are cached per
// face at size 1 (width is linear in size), so a text is measured once per
// process however often it appears. Characters DejaVu leaves to another
// face (script-faces.ts) are measured in that face; Han characters with the
// Japanese one, as wide as in every CJK face.

const WIDTHS_PER_FONT = 4_000;
const cache = new Map<FontName, BoundedCache<string, number>>();

/** Width in points of `text` set in `font` at `size`. */
export function textWidth(text: string, font: FontName, size: number): number {
  let widths = cache.get(font);
  if (!widths) {
    widths = new BoundedCache(WIDTHS_PER_FONT);
    cache.set(font, widths);
  }
  let width = widths.get(text);
  if (width === undefined) {
    width = needsFallback(text) ? fallbackWidth(text, font) : baseWidth(text, font);
    widths.set(text, width);
  }
  return width * size;
}

/** Width in points of `text` in one face, without falling back to others. */
export function faceWidth(text: string, face: FaceName, size: number): number {
  return baseWidth(text, face) * size;
}

function baseWidth(text: string, font: FaceName): number {
  return shapedWidth(text, font) ?? fontHost().font(font).fontSize(1).widthOfString(text);
}

function fallbackWidth(text: string, font: FontName): number {
  let width = 0;
  for (const segment of faceSegments(text, font, 'jp'))
    width += baseWidth(segment.text, segment.face);
  return width;
}

/** pdfkit's widthOfString at size 1, computed in the same order from cached pieces. */
function shapedWidth(text: string, font: FaceName): number | null {
  let advance = 0;
  for (const piece of textPieces(text)) {
    const shaped = shapePiece(font, piece);
    if (!shaped) return null;
    advance += shaped.width;
  }
  // pdfkit scales by size / 1000, then applies character spacing (0) and horizontal scaling (100 %).
  return ((advance * (1 / 1000) + 0) * 100) / 100;
}

interface OpenedImage {
  width: number;
  height: number;
  orientation?: number;
}

/** Pixel size of a PNG or JPEG as pdfkit reads it; null when pdfkit cannot place it. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | null {
  try {
    // openImage is public in pdfkit but missing from its types.
    const doc = fontHost() as unknown as { openImage(src: Buffer): OpenedImage };
    const image = doc.openImage(Buffer.from(bytes));
    // EXIF orientations 5-8 rotate by a quarter turn, and pdfkit honours them.
    const turned = (image.orientation ?? 1) > 4;
    return turned
      ? { width: image.height, height: image.width }
      : { width: image.width, height: image.height };
  } catch {
    return null;
  }
}
