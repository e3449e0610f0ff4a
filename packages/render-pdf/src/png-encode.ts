import { deflateSync } from 'node:zlib';

// A minimal PNG writer for pixels decoded here (a GIF's first frame), so
// pdfkit embeds them as it embeds any PNG: 8-bit RGB, or RGBA when some
// pixel is not opaque (pdfkit then keeps the alpha as a soft mask).

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** PNG bytes of `width` × `height` RGBA pixels (row by row, 4 bytes a pixel). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Uint8Array {
  let opaque = true;
  for (let at = 3; at < rgba.length; at += 4)
    if (rgba[at] !== 255) {
      opaque = false;
      break;
    }
  const channels = opaque ? 3 : 4;
  const stride = width * channels + 1;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    // Filter type 0 (none) on every row: deflate still finds the runs.
    let out = y * stride + 1;
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4;
      raw[out++] = rgba[at]!;
      raw[out++] = rgba[at + 1]!;
      raw[out++] = rgba[at + 2]!;
      if (!opaque) raw[out++] = rgba[at + 3]!;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = opaque ? 2 : 6;
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
