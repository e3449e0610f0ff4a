import { type FaceName, fontBytes } from './fonts.js';

// pdfkit embeds a subset of every face a document draws with, and fontkit
// builds it by decoding each glyph and re-encoding every table field by
// field, the hinting programs included, for every document. This subsetter
// writes the same TrueType file (same tables, order and bytes as fontkit's
// TTFSubset) from slices of the font file that are read once per process.

/** Tables fontkit's TTFSubset writes, in its order. */
const TABLE_ORDER = ['head', 'hhea', 'loca', 'maxp', 'cvt ', 'prep', 'glyf', 'hmtx', 'fpgm'];

// Composite glyph flags (OpenType `glyf` table).
const ARGS_ARE_WORDS = 0x0001;
const HAS_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const HAS_X_AND_Y_SCALE = 0x0040;
const HAS_TWO_BY_TWO = 0x0080;

interface Face {
  tables: Map<string, Uint8Array>;
  /** Start of each glyph in `glyf`, and the end of the last. */
  glyphStarts: number[];
  longOffsets: boolean;
  numberOfMetrics: number;
}

const faces = new Map<FaceName, Face>();

function face(name: FaceName): Face {
  let found = faces.get(name);
  if (!found) {
    found = readFace(fontBytes(name));
    faces.set(name, found);
  }
  return found;
}

function readFace(file: Uint8Array): Face {
  // A plain copy: slices of a Buffer share its memory, and patched slices must not.
  const bytes = new Uint8Array(file);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, Uint8Array>();
  const count = view.getUint16(4);
  for (let index = 0; index < count; index++) {
    const entry = 12 + 16 * index;
    const tag = String.fromCharCode(...bytes.subarray(entry, entry + 4));
    const offset = view.getUint32(entry + 8);
    tables.set(tag, bytes.subarray(offset, offset + view.getUint32(entry + 12)));
  }
  const head = tables.get('head')!;
  const longOffsets = new DataView(head.buffer, head.byteOffset).getInt16(50) === 1;
  const loca = tables.get('loca')!;
  const locaView = new DataView(loca.buffer, loca.byteOffset, loca.byteLength);
  const glyphStarts: number[] = [];
  if (longOffsets)
    for (let at = 0; at < loca.length; at += 4) glyphStarts.push(locaView.getUint32(at));
  else for (let at = 0; at < loca.length; at += 2) glyphStarts.push(locaView.getUint16(at) * 2);
  const hhea = tables.get('hhea')!;
  const numberOfMetrics = new DataView(hhea.buffer, hhea.byteOffset).getUint16(34);
  return { tables, glyphStarts, longOffsets, numberOfMetrics };
}

/** Advance and left side bearing of a glyph, as raw hmtx bytes. */
function metricsOf(face: Face, glyphId: number): Uint8Array {
  const hmtx = face.tables.get('hmtx')!;
  const out = new Uint8Array(4);
  const last = face.numberOfMetrics - 1;
  if (glyphId <= last) out.set(hmtx.subarray(4 * glyphId, 4 * glyphId + 4));
  else {
    out.set(hmtx.subarray(4 * last, 4 * last + 2));
    const bearing = 4 * face.numberOfMetrics + 2 * (glyphId - face.numberOfMetrics);
    out.set(hmtx.subarray(bearing, bearing + 2), 2);
  }
  return out;
}

/** Byte positions of the component glyph ids of a composite glyph. */
function componentPositions(glyph: Uint8Array): number[] {
  const view = new DataView(glyph.buffer, glyph.byteOffset, glyph.byteLength);
  const positions: number[] = [];
  let at = 10;
  let flags = MORE_COMPONENTS;
  while (flags & MORE_COMPONENTS) {
    flags = view.getUint16(at);
    positions.push(at + 2);
    at += 4 + (flags & ARGS_ARE_WORDS ? 4 : 2);
    if (flags & HAS_SCALE) at += 2;
    else if (flags & HAS_X_AND_Y_SCALE) at += 4;
    else if (flags & HAS_TWO_BY_TWO) at += 8;
  }
  return positions;
}

/** A document's glyph subset of one face: glyph ids in the order first used, .notdef first. */
export class FontSubset {
  readonly glyphs: number[] = [];
  readonly mapping = new Map<number, number>();
  readonly #face: Face;

  constructor(name: FaceName) {
    this.#face = face(name);
    this.includeGlyph(0);
  }

  /** The glyph's id in the subset, adding it when new. */
  includeGlyph(glyphId: number): number {
    let id = this.mapping.get(glyphId);
    if (id === undefined) {
      id = this.glyphs.length;
      this.glyphs.push(glyphId);
      this.mapping.set(glyphId, id);
    }
    return id;
  }

  /** The subset as a TrueType file. */
  encode(): Buffer {
    const face = this.#face;
    const glyf: Uint8Array[] = [];
    const metrics: Uint8Array[] = [];
    const starts: number[] = [];
    let offset = 0;
    // Components of composite glyphs join the subset as they are met.
    for (let index = 0; index < this.glyphs.length; index++) {
      const glyphId = this.glyphs[index]!;
      const from = face.glyphStarts[glyphId]!;
      const to = face.glyphStarts[glyphId + 1]!;
      let glyph = face.tables.get('glyf')!.subarray(from, to);
      if (glyph.length > 0 && new DataView(glyph.buffer, glyph.byteOffset).getInt16(0) < 0) {
        glyph = glyph.slice();
        const view = new DataView(glyph.buffer);
        for (const at of componentPositions(glyph))
          view.setUint16(at, this.includeGlyph(view.getUint16(at)));
      }
      glyf.push(glyph);
      starts.push(offset);
      metrics.push(metricsOf(face, glyphId));
      offset += glyph.length;
    }
    starts.push(offset);

    const count = glyf.length;
    const loca = new Uint8Array(starts.length * (face.longOffsets ? 4 : 2));
    const locaView = new DataView(loca.buffer);
    starts.forEach((start, index) => {
      if (face.longOffsets) locaView.setUint32(4 * index, start);
      else locaView.setUint16(2 * index, start >>> 1);
    });
    const hhea = face.tables.get('hhea')!.slice();
    new DataView(hhea.buffer).setUint16(34, count);
    const maxp = face.tables.get('maxp')!.slice();
    new DataView(maxp.buffer).setUint16(4, count);
    const cvt = face.tables.get('cvt ');
    const parts: Record<string, Uint8Array[] | undefined> = {
      head: [face.tables.get('head')!],
      hhea: [hhea],
      loca: [loca],
      maxp: [maxp],
      // fontkit reads the control values as 16-bit numbers: an odd last byte is dropped.
      'cvt ': cvt && [cvt.subarray(0, cvt.length & ~1)],
      prep: face.tables.has('prep') ? [face.tables.get('prep')!] : undefined,
      glyf,
      hmtx: metrics,
      fpgm: face.tables.has('fpgm') ? [face.tables.get('fpgm')!] : undefined,
    };
    return tableDirectory(TABLE_ORDER.flatMap((tag) => (parts[tag] ? [[tag, parts[tag]]] : [])));
  }
}

/** A TrueType file of the given tables, written as fontkit writes it: no checksums, no padding. */
function tableDirectory(tables: Array<[string, Uint8Array[]]>): Buffer {
  const count = tables.length;
  const power = 2 ** Math.floor(Math.log2(count));
  const headerSize = 12 + 16 * count;
  const lengths = tables.map(([, parts]) => parts.reduce((sum, part) => sum + part.length, 0));
  const out = Buffer.alloc(headerSize + lengths.reduce((sum, length) => sum + length, 0));
  out.write('true', 0, 'latin1');
  out.writeUInt16BE(count, 4);
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(Math.log2(power), 8);
  out.writeUInt16BE(count * 16 - power * 16, 10);
  let offset = headerSize;
  tables.forEach(([tag, parts], index) => {
    const entry = 12 + 16 * index;
    out.write(tag, entry, 'latin1');
    out.writeUInt32BE(0, entry + 4);
    out.writeUInt32BE(offset, entry + 8);
    out.writeUInt32BE(lengths[index]!, entry + 12);
    for (const part of parts) {
      out.set(part, offset);
      offset += part.length;
    }
  });
  return out;
}
