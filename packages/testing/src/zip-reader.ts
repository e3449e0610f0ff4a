import { crc32, inflateRawSync } from 'node:zlib';

export interface ZipFile {
  name: string;
  method: number;
  bytes: Uint8Array;
  dosTime: number;
  dosDate: number;
}

/**
 * Reads every entry of a zip (an .apkg) through its central directory, as an
 * importer would, checking sizes and CRCs: a package that reads back here is
 * a well-formed zip.
 */
export function readZip(zip: Uint8Array): ZipFile[] {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip: no end of central directory');
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const files: ZipFile[] = [];
  for (let index = 0; index < count; index++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central header at ${at}`);
    const method = buf.readUInt16LE(at + 10);
    const dosTime = buf.readUInt16LE(at + 12);
    const dosDate = buf.readUInt16LE(at + 14);
    const crc = buf.readUInt32LE(at + 16);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(dataStart, dataStart + compressed);
    const bytes = method === 0 ? data : method === 8 ? inflateRawSync(data) : null;
    if (!bytes) throw new Error(`unsupported method ${method} for ${name}`);
    if (bytes.length !== size) throw new Error(`size mismatch for ${name}`);
    if (crc32(bytes) !== crc) throw new Error(`crc mismatch for ${name}`);
    files.push({ name, method, bytes: new Uint8Array(bytes), dosTime, dosDate });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}
