import type { Asset } from '@quizmark/model';
import { readSvg, type SvgImage } from '@quizmark/pdf-svg';
import { GifReader } from 'omggif';
import { encodePng } from './png-encode.js';
import { imageSize } from './text-width.js';

/** An image as the PDF draws it: pixels pdfkit embeds (PNG or JPEG bytes), or SVG drawn as vectors. */
export type DrawableImage =
  | { kind: 'raster'; bytes: Uint8Array; width: number; height: number }
  | { kind: 'svg'; svg: SvgImage; width: number; height: number };

// Decoded once per process and image bytes: layout measures, drawing embeds.
const decoded = new WeakMap<Uint8Array, DrawableImage | null>();

/** The image ready to draw, with its size in CSS pixels; null when it cannot be drawn. */
export function drawableImage(asset: Asset): DrawableImage | null {
  let image = decoded.get(asset.bytes);
  if (image === undefined) {
    image = decode(asset);
    decoded.set(asset.bytes, image);
  }
  return image;
}

// The media types drawn here are the descriptor's `carries.images`.
function decode(asset: Asset): DrawableImage | null {
  switch (asset.mediaType) {
    case 'image/png':
    case 'image/jpeg':
      return raster(asset.bytes);
    case 'image/gif': {
      const png = gifFirstFrame(asset.bytes);
      return png ? raster(png) : null;
    }
    case 'image/svg+xml': {
      const { image } = readSvg(asset.bytes);
      return image ? { kind: 'svg', svg: image, width: image.width, height: image.height } : null;
    }
    default:
      return null;
  }
}

function raster(bytes: Uint8Array): DrawableImage | null {
  const size = imageSize(bytes);
  if (!size || size.width === 0 || size.height === 0) return null;
  return { kind: 'raster', bytes, ...size };
}

/** A GIF's first frame as PNG bytes, transparency kept; print cannot animate. */
function gifFirstFrame(bytes: Uint8Array): Uint8Array | null {
  try {
    const reader = new GifReader(Buffer.from(bytes));
    const pixels = new Uint8Array(reader.width * reader.height * 4);
    reader.decodeAndBlitFrameRGBA(0, pixels);
    return encodePng(reader.width, reader.height, pixels);
  } catch {
    return null;
  }
}
