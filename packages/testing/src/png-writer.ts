import { deflateSync } from 'node:zlib';

// PNGs written byte by byte, with correct checksums around whatever a test
// puts in them, so that each test can damage exactly one thing.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** The CRC-32 of PNG chunks (and zip entries). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One chunk: length, type, data, CRC of type and data. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

export interface PngSpec {
  width: number;
  height: number;
  /** 0 grey, 2 RGB, 6 RGBA; 2 by default. */
  colour?: number;
  /** The IDAT payload; by default the right number of rows (filter 0, mid grey), compressed. */
  idat?: Buffer;
}

/** An 8-bit PNG: signature, IHDR, one IDAT, IEND. */
export function pngFile({ width, height, colour = 2, idat }: PngSpec): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, colour, 0, 0, 0], 8);
  const channels = colour === 6 ? 4 : colour === 2 ? 3 : 1;
  const rowLength = 1 + width * channels;
  const rows = (): Buffer => {
    const data = Buffer.alloc(height * rowLength, 0x7f);
    for (let row = 0; row < height; row++) data[row * rowLength] = 0;
    return deflateSync(data);
  };
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    pngChunk('IHDR', header),
    pngChunk('IDAT', idat ?? rows()),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
