import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type FaceName, FONT_NAMES, type FontName, fontBytes } from './fonts.js';
import { INSTALLED } from './pdfkit-internals.js';
import type { ShapedPiece } from './shaped-text.js';

// fontkit's shaper is most of the cost of printing one deck: the first word
// makes it decode DejaVu's substitution and positioning tables, and every
// new word runs its generic lookup machinery. For plain Latin text in DejaVu
// all that machinery does is map characters to glyphs, join f-ligatures and
// kern glyph pairs, so a word made only of such characters is set here from
// a table of exactly those results (data/latin-shaping.json, which
// scripts/latin-shaping.mjs asks fontkit for, pair by pair). Anything else
// (accents as combining marks, Greek, Cyrillic, other scripts, other fonts)
// goes to fontkit as before. The table is only used with the font files and
// the fontkit version it was made from, so the bytes are always fontkit's.

interface FaceData {
  sha256: string;
  unitsPerEm: number;
  /** [code point, glyph id] of each character the table covers. */
  chars: Array<[number, number]>;
  /** The covered characters of the Latin script (the rest are common to all scripts). */
  latin: number[];
  /** Characters set as one glyph, longest first: [code points, glyph id]. */
  ligatures: Array<[number[], number]>;
  advances: Record<string, number>;
  /** Kerning in `latn` (text with Latin letters) and in the DFLT script fontkit falls back to. */
  kerning: Record<'latn' | 'other', KerningData>;
}

/** Pair kerning by class: `values[left - 1][right - 1]`, 0 for glyphs in no class. */
interface KerningData {
  left: Record<string, number>;
  right: Record<string, number>;
  values: number[][];
}

interface TableData {
  fontkit: string;
  fonts: string;
  faces: Record<FontName, FaceData>;
}

interface Kerning {
  left: Map<number, number>;
  right: Map<number, number>;
  values: number[][];
}

interface FaceTable {
  scale: number;
  glyphs: Map<number, number>;
  latin: Set<number>;
  ligatures: Array<{ codes: number[]; glyph: number }>;
  ligatureStarts: Set<number>;
  advances: Map<number, number>;
  kerning: { latn: Kerning; other: Kerning };
}

let data: TableData | null | undefined;
const tables = new Map<FaceName, FaceTable | null>();

function tableData(): TableData | null {
  if (data === undefined) {
    try {
      const file = new URL('../data/latin-shaping.json', import.meta.url);
      const read = JSON.parse(readFileSync(file, 'utf8')) as TableData;
      data = read.fontkit === INSTALLED.fontkit ? read : null;
    } catch {
      data = null;
    }
  }
  return data;
}

const toMap = (record: Record<string, number>) =>
  new Map(Object.entries(record).map(([key, value]) => [Number(key), value]));

function kerning(source: KerningData): Kerning {
  return { left: toMap(source.left), right: toMap(source.right), values: source.values };
}

/** The face's table, or null when the table was not made from this face's file. */
export function latinTable(face: FaceName): FaceTable | null {
  let table = tables.get(face);
  if (table === undefined) {
    const source = (FONT_NAMES as readonly FaceName[]).includes(face)
      ? tableData()?.faces[face as FontName]
      : undefined;
    table =
      source && createHash('sha256').update(fontBytes(face)).digest('hex') === source.sha256
        ? {
            scale: 1000 / source.unitsPerEm,
            glyphs: new Map(source.chars),
            latin: new Set(source.latin),
            ligatures: source.ligatures.map(([codes, glyph]) => ({ codes, glyph })),
            ligatureStarts: new Set(source.ligatures.map(([codes]) => codes[0]!)),
            advances: toMap(source.advances),
            kerning: { latn: kerning(source.kerning.latn), other: kerning(source.kerning.other) },
          }
        : null;
    tables.set(face, table);
  }
  return table;
}

/** `text` shaped as fontkit shapes it, or null when the table does not cover all of it. */
export function shapeLatin(face: FaceName, text: string): ShapedPiece | null {
  const table = latinTable(face);
  if (!table) return null;
  const codes: number[] = [];
  let latin = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (!table.glyphs.has(code)) return null;
    if (table.latin.has(code)) latin = true;
    codes.push(code);
  }

  const glyphIds: number[] = [];
  const codePoints: number[][] = [];
  for (let index = 0; index < codes.length; ) {
    const ligature =
      latin && table.ligatureStarts.has(codes[index]!)
        ? table.ligatures.find(({ codes: parts }) =>
            parts.every((part, offset) => codes[index + offset] === part),
          )
        : undefined;
    const length = ligature ? ligature.codes.length : 1;
    glyphIds.push(ligature ? ligature.glyph : table.glyphs.get(codes[index]!)!);
    codePoints.push(codes.slice(index, index + length));
    index += length;
  }

  const kerns = latin ? table.kerning.latn : table.kerning.other;
  const { scale } = table;
  const shaped: ShapedPiece = {
    glyphIds,
    codePoints,
    xAdvance: [],
    xOffset: [],
    yOffset: [],
    advanceWidth: [],
    width: 0,
  };
  for (let index = 0; index < glyphIds.length; index++) {
    const advance = table.advances.get(glyphIds[index]!)!;
    const left = kerns.left.get(glyphIds[index]!);
    const right = index + 1 < glyphIds.length ? kerns.right.get(glyphIds[index + 1]!) : undefined;
    const kern = left && right ? kerns.values[left - 1]![right - 1]! : 0;
    // The same operations as shaped-text.ts's on fontkit's positions, so the floats agree.
    const xAdvance = (advance + kern) * scale;
    shaped.xAdvance.push(xAdvance);
    shaped.xOffset.push(0);
    shaped.yOffset.push(0);
    shaped.advanceWidth.push(advance * scale);
    shaped.width += xAdvance;
  }
  return shaped;
}
