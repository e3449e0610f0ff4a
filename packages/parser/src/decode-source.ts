import type { Point } from './line-index.js';

export type DecodedSource =
  | { ok: true; text: string }
  | { ok: false; point: Point; message: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenientDecoder = new TextDecoder('utf-8');

/** Byte offset of the first invalid UTF-8 sequence (RFC 3629), or -1. */
function firstInvalidByte(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    let length = 0;
    let min = 0;
    if (byte < 0x80) {
      index++;
      continue;
    }
    if (byte >= 0xc2 && byte <= 0xdf) {
      length = 1;
      min = 0x80;
    } else if (byte >= 0xe0 && byte <= 0xef) {
      length = 2;
      min = 0x800;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      length = 3;
      min = 0x10000;
    } else return index;
    let code = byte & (0x3f >> length);
    for (let next = 1; next <= length; next++) {
      const continuation = bytes[index + next];
      if (continuation === undefined || (continuation & 0xc0) !== 0x80) return index;
      code = (code << 6) | (continuation & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return index;
    index += length + 1;
  }
  return -1;
}

/** Line and column (in characters) of a byte offset in valid UTF-8 bytes. */
function pointOfByte(bytes: Uint8Array, offset: number): Point {
  const before = lenientDecoder.decode(bytes.subarray(0, offset));
  const lineStart = before.lastIndexOf('\n') + 1;
  let line = 1;
  for (let index = before.indexOf('\n'); index !== -1; index = before.indexOf('\n', index + 1)) {
    line++;
  }
  return { line, column: [...before.slice(lineStart)].length + 1 };
}

/**
 * Decodes a file's bytes as UTF-8, refusing anything that is not UTF-8 text
 * instead of guessing, and drops a byte order mark.
 */
export function decodeSource(source: string | Uint8Array): DecodedSource {
  let text: string;
  if (typeof source === 'string') {
    text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  } else {
    if (
      source.length >= 2 &&
      ((source[0] === 0xff && source[1] === 0xfe) || (source[0] === 0xfe && source[1] === 0xff))
    ) {
      return {
        ok: false,
        point: { line: 1, column: 1 },
        message: 'expected UTF-8 text, found a UTF-16 byte order mark: save the file as UTF-8',
      };
    }
    try {
      // The decoder drops a leading BOM itself (ignoreBOM: false).
      text = decoder.decode(source);
    } catch {
      const offset = Math.max(firstInvalidByte(source), 0);
      const byte = source[offset] ?? 0;
      return {
        ok: false,
        point: pointOfByte(source, offset),
        message: `expected UTF-8 text, found the invalid byte 0x${byte.toString(16).padStart(2, '0')}: save the file as UTF-8`,
      };
    }
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    const before = text.slice(0, nul);
    const lineStart = before.lastIndexOf('\n') + 1;
    return {
      ok: false,
      point: { line: before.split('\n').length, column: nul - lineStart + 1 },
      message: 'expected Markdown text, found a NUL byte: this looks like a binary file',
    };
  }
  return { ok: true, text };
}
