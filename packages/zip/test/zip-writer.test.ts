import { crc32 } from 'node:zlib';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeZip } from '../src/index.js';

const text = (value: string) => new TextEncoder().encode(value);

/** The local headers' compression methods, in entry order, read from the bytes. */
function methods(zip: Uint8Array): number[] {
  const view = Buffer.from(zip);
  const found: number[] = [];
  for (let at = 0; view.readUInt32LE(at) === 0x04034b50; ) {
    found.push(view.readUInt16LE(at + 8));
    const size = view.readUInt32LE(at + 18);
    at += 30 + view.readUInt16LE(at + 26) + view.readUInt16LE(at + 28) + size;
  }
  return found;
}

describe('writeZip', () => {
  const entries = [
    { name: 'imsmanifest.xml', bytes: text('<manifest/>'.repeat(200)) },
    { name: 'images/förce.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) },
    { name: 'empty.txt', bytes: new Uint8Array(0) },
  ];

  it('gives archives another reader (fflate) reads back, byte for byte, names in UTF-8', () => {
    const read = unzipSync(writeZip(entries));
    expect(Object.keys(read)).toEqual(entries.map((entry) => entry.name));
    for (const entry of entries) expect(read[entry.name]).toEqual(entry.bytes);
  });

  it('deflates what shrinks and stores what does not', () => {
    expect(methods(writeZip(entries))).toEqual([8, 0, 0]);
  });

  it('gives the same bytes for the same entries, dated 1980-01-01', () => {
    const first = writeZip(entries);
    expect(Buffer.from(writeZip(entries)).equals(Buffer.from(first))).toBe(true);
    const view = Buffer.from(first);
    // Local header: time at 10, date at 12 (DOS format: day 1, month 1, year 1980).
    expect([view.readUInt16LE(10), view.readUInt16LE(12)]).toEqual([0, (1 << 5) | 1]);
    expect(view.readUInt32LE(14)).toBe(crc32(entries[0]!.bytes));
  });

  it('refuses what it cannot write correctly', () => {
    const twice = [entries[0]!, entries[0]!];
    expect(() => writeZip(twice)).toThrow('zip entry `imsmanifest.xml` is given twice');
    const many = Array.from({ length: 0x10000 }, (_, index) => ({
      name: `${index}`,
      bytes: new Uint8Array(0),
    }));
    expect(() => writeZip(many)).toThrow('more than 65535 need zip64');
  });
});
