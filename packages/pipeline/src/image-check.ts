import { inflateSync } from 'node:zlib';

/**
 * Most pixels an image may have. The PDF output decodes PNGs (pdfkit splits
 * alpha from colour), so a small file that inflates to gigabytes of pixels
 * (a 1.5 MB 20000×20000 PNG took more than 6 GB) would exhaust memory.
 * 50 megapixels is above an 8K screenshot (33 MP) and common camera photos;
 * at the cap, a 7000×7000 RGBA PNG builds the PDF in about 870 MB (pixels,
 * colour and alpha held at once, outside the JavaScript heap), and checking
 * it inflates 200 MB (4 bytes a pixel; 16-bit colour counts more).
 */
export const MAX_IMAGE_PIXELS = 50_000_000;

/** Why an image cannot be used, in words for the author; null when it is fine. */
export type ImageProblem =
  | { ruleId: 'image-unreadable'; reason: string }
  | {
      ruleId: 'image-too-large';
      width: number;
      height: number;
      /** Pixels as the cap counts them: 16-bit colour counts up to twice. */
      counted: number;
    };

const unreadable = (reason: string): ImageProblem => ({ ruleId: 'image-unreadable', reason });
const CUT_SHORT = unreadable('the file is cut short (truncated)');

/**
 * Validates an image's structure and reads its size, without keeping any
 * decoded pixels: PNG chunks, checksums and compressed data (inflated with a
 * bound, so a decompression bomb never allocates), JPEG markers up to the
 * frame header and the end marker, GIF, WebP and SVG headers.
 */
export function checkImage(bytes: Uint8Array, mediaType: string): ImageProblem | null {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (mediaType) {
    case 'image/png':
      return checkPng(data);
    case 'image/jpeg':
      return checkJpeg(data);
    case 'image/gif':
      return checkGif(data);
    case 'image/webp':
      return checkWebp(data);
    case 'image/svg+xml':
      return checkSvg(data);
    default:
      return null;
  }
}

function sized(width: number, height: number): ImageProblem | null {
  if (width === 0 || height === 0) return unreadable('the file says the image has no pixels');
  const pixels = width * height;
  return pixels > MAX_IMAGE_PIXELS
    ? { ruleId: 'image-too-large', width, height, counted: pixels }
    : null;
}

const PNG_SIGNATURE = Buffer.from('89504e470d0a1a0a', 'hex');
// Bit depths allowed for each PNG colour type, and its channels.
const PNG_COLOUR: Record<number, { depths: number[]; channels: number }> = {
  0: { depths: [1, 2, 4, 8, 16], channels: 1 },
  2: { depths: [8, 16], channels: 3 },
  3: { depths: [1, 2, 4, 8], channels: 1 },
  4: { depths: [8, 16], channels: 2 },
  6: { depths: [8, 16], channels: 4 },
};

function checkPng(data: Buffer): ImageProblem | null {
  if (data.length < 8 || !data.subarray(0, 8).equals(PNG_SIGNATURE)) {
    return unreadable('the file is not a PNG image (its first bytes are wrong)');
  }
  let offset = 8;
  let header: { width: number; height: number; bitsPerPixel: number; interlaced: boolean } | null =
    null;
  let palette = false;
  let ended = false;
  const compressed: Buffer[] = [];
  while (!ended) {
    if (offset + 12 > data.length) return CUT_SHORT;
    const length = data.readUInt32BE(offset);
    const type = data.toString('latin1', offset + 4, offset + 8);
    if (offset + 12 + length > data.length) return CUT_SHORT;
    const body = data.subarray(offset + 8, offset + 8 + length);
    if (
      crc32(data.subarray(offset + 4, offset + 8 + length)) !==
      data.readUInt32BE(offset + 8 + length)
    ) {
      return unreadable(
        `the file is damaged (the checksum of its ${JSON.stringify(type)} part is wrong)`,
      );
    }
    offset += 12 + length;
    if (header === null && type !== 'IHDR') return unreadable('the file has no PNG header');
    if (type === 'IHDR') {
      if (header !== null || length !== 13) return unreadable('the file has a broken PNG header');
      const colour = PNG_COLOUR[body[9]!];
      const depth = body[8]!;
      if (!colour?.depths.includes(depth) || body[10] !== 0 || body[11] !== 0 || body[12]! > 1) {
        return unreadable('the file has a PNG header with an unknown colour format');
      }
      const width = body.readUInt32BE(0);
      const height = body.readUInt32BE(4);
      const size = sized(width, height);
      if (size) return size;
      header = { width, height, bitsPerPixel: depth * colour.channels, interlaced: body[12] === 1 };
      palette = body[9] === 3;
    } else if (type === 'PLTE') {
      palette = false;
    } else if (type === 'IDAT') {
      compressed.push(body);
    } else if (type === 'IEND') {
      ended = true;
    }
  }
  if (!header) return CUT_SHORT;
  if (palette) return unreadable('the file has a colour palette image without its palette');
  if (compressed.length === 0) return unreadable('the file has no image data');
  return checkScanlines(Buffer.concat(compressed), header);
}

/**
 * Inflates the image data, refusing to produce more than the header's size
 * needs, and checks that it is exactly that many rows, each starting with a
 * known filter byte (what pdfkit and every viewer decode).
 */
function checkScanlines(
  compressed: Buffer,
  header: { width: number; height: number; bitsPerPixel: number; interlaced: boolean },
): ImageProblem | null {
  const rows = scanlineRows(header);
  const expected = rows.reduce((sum, [count, bytes]) => sum + count * (bytes + 1), 0);
  // More than 4 bytes a pixel (16-bit colour) decodes to more per pixel: it counts more.
  const { width, height, bitsPerPixel } = header;
  const counted = Math.ceil(width * height * Math.max(1, bitsPerPixel / 32));
  if (counted > MAX_IMAGE_PIXELS) return { ruleId: 'image-too-large', width, height, counted };
  let pixels: Buffer;
  try {
    pixels = inflateSync(compressed, { maxOutputLength: expected + 1 });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      return unreadable('its image data is larger than the size the file gives');
    }
    if (code === 'Z_BUF_ERROR') return unreadable('its image data is cut short (truncated)');
    return unreadable(`its image data is damaged (${(error as Error).message})`);
  }
  if (pixels.length !== expected) {
    return unreadable(
      pixels.length < expected
        ? 'its image data is cut short (fewer rows than the size the file gives)'
        : 'its image data is larger than the size the file gives',
    );
  }
  let at = 0;
  for (const [count, bytes] of rows) {
    for (let row = 0; row < count; row++, at += bytes + 1) {
      if (pixels[at]! > 4) return unreadable('its image data is damaged (an unknown row filter)');
    }
  }
  return null;
}

// Adam7: for each pass, its first column and row and its steps.
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/** [rows, bytes per row without the filter byte] of each (Adam7) pass. */
function scanlineRows(header: {
  width: number;
  height: number;
  bitsPerPixel: number;
  interlaced: boolean;
}): Array<[number, number]> {
  const rowBytes = (width: number) => Math.ceil((width * header.bitsPerPixel) / 8);
  if (!header.interlaced) return [[header.height, rowBytes(header.width)]];
  return ADAM7.map(([x, y, dx, dy]): [number, number] => {
    const width = Math.ceil((header.width - x) / dx);
    const height = Math.ceil((header.height - y) / dy);
    return width > 0 && height > 0 ? [height, rowBytes(width)] : [0, 0];
  });
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, index) => {
  let crc = index;
  for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  return crc >>> 0;
});

/** CRC-32 as PNG uses it (zlib.crc32 needs Node 20.15). */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

// Start-of-frame markers (baseline, progressive, lossless, arithmetic): they carry the size.
const JPEG_FRAMES = new Set([
  0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf,
]);

function checkJpeg(data: Buffer): ImageProblem | null {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8) {
    return unreadable('the file is not a JPEG image (its first bytes are wrong)');
  }
  let offset = 2;
  let frame: ImageProblem | null | undefined;
  for (;;) {
    if (offset + 4 > data.length) return CUT_SHORT;
    if (data[offset] !== 0xff) return unreadable('the file is damaged (a JPEG marker is missing)');
    const marker = data[offset + 1]!;
    if (marker === 0xff) {
      offset++; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    const length = data.readUInt16BE(offset + 2);
    if (length < 2 || offset + 2 + length > data.length) return CUT_SHORT;
    if (JPEG_FRAMES.has(marker)) {
      if (length < 8) return unreadable('the file has a broken JPEG frame header');
      frame = sized(data.readUInt16BE(offset + 7), data.readUInt16BE(offset + 5));
      if (frame) return frame;
    }
    if (marker === 0xda) {
      if (frame === undefined) return unreadable('the file has image data before its size');
      // Entropy-coded data never holds FF D9: it is the end of the image.
      const end = data.indexOf(Buffer.from([0xff, 0xd9]), offset + 2 + length);
      return end === -1 ? CUT_SHORT : null;
    }
    if (marker === 0xd9) return unreadable('the file ends before its image data');
    offset += 2 + length;
  }
}

function checkGif(data: Buffer): ImageProblem | null {
  const signature = data.toString('latin1', 0, 6);
  if (signature !== 'GIF87a' && signature !== 'GIF89a') {
    return unreadable('the file is not a GIF image (its first bytes are wrong)');
  }
  if (data.length < 14) return CUT_SHORT;
  const size = sized(data.readUInt16LE(6), data.readUInt16LE(8));
  if (size) return size;
  // A GIF ends with its trailer byte `;` (some tools pad with zeros after it).
  let last = data.length - 1;
  while (last > 13 && data[last] === 0) last--;
  return data[last] === 0x3b ? null : CUT_SHORT;
}

function checkWebp(data: Buffer): ImageProblem | null {
  if (data.toString('latin1', 0, 4) !== 'RIFF' || data.toString('latin1', 8, 12) !== 'WEBP') {
    return unreadable('the file is not a WebP image (its first bytes are wrong)');
  }
  if (data.length < 30 || data.readUInt32LE(4) + 8 > data.length) return CUT_SHORT;
  const chunk = data.toString('latin1', 12, 16);
  if (chunk === 'VP8 ') {
    if (data[23] !== 0x9d || data[24] !== 0x01 || data[25] !== 0x2a) {
      return unreadable('the file has a broken WebP header');
    }
    return sized(data.readUInt16LE(26) & 0x3fff, data.readUInt16LE(28) & 0x3fff);
  }
  if (chunk === 'VP8L') {
    if (data[20] !== 0x2f) return unreadable('the file has a broken WebP header');
    const bits = data.readUInt32LE(21);
    return sized((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (chunk === 'VP8X') {
    return sized(data.readUIntLE(24, 3) + 1, data.readUIntLE(27, 3) + 1);
  }
  return unreadable('the file has an unknown kind of WebP data');
}

/** SVG is drawn by browsers and Anki, never rasterised here: it only has to be SVG text. */
function checkSvg(data: Buffer): ImageProblem | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return unreadable('the file is not SVG text (it is not UTF-8)');
  }
  const start = /<svg[\s>/]/.exec(text);
  if (!start) return unreadable('the file is not an SVG image (it has no `<svg>` element)');
  const rest = text.slice(start.index);
  const selfClosing = /^<svg\b[^>]*\/>/.test(rest);
  return selfClosing || rest.includes('</svg>')
    ? null
    : unreadable('the file is cut short (its `<svg>` element is never closed)');
}
