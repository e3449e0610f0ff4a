import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type FaceName, FONT_NAMES, type FontName, fontBytes } from './fonts.js';
import { INSTALLED } from './pdfkit-internals.js';
import type { ShapedPiece } from './shaped-text.js';

// fontkit's shaper is most of the cost of printing one deck: the first word
// makes it decode DejaVu's substitution and positioning tables, and every
// new word runs its generic lookup machinery. For plain Latin, Greek and
// Cyrillic text in DejaVu all that machinery does is map characters to
// glyphs, join f-ligatures and kern glyph pairs, so a word made only of such
// characters is set here from a table of exactly those results
// (data/lgc-shaping.json, which scripts/lgc-shaping.mjs asks fontkit
// for, pair by pair). Anything else (combining marks, a word mixing two
// scripts, other scripts and fonts) goes to fontkit as before. The table is
// only used with the font files and the fontkit version it was made from,
// so the bytes are always fontkit's.

/** The OpenType scripts fontkit shapes these characters in; `other` is DFLT (no letters). */
type ScriptTag = 'latn' | 'grek' | 'cyrl' | 'other';
const LETTERED = ['latn', 'grek', 'cyrl'] as const;

interface FaceData {
  sha256: string;
  unitsPerEm: number;
  /** [code point, glyph id] of each character the table covers. */
  chars: Array<[number, number]>;
  advances: Record<string, number>;
  scripts: Record<ScriptTag, ScriptData>;
}

interface ScriptData {
  /** The script's letters (the covered characters in no script list are common to all). */
  chars?: number[];
  /** Characters set as one glyph, longest first: [code points, glyph id]. */
  ligatures: Array<[number[], number]>;
  kerning: KerningData;
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

interface ScriptTable {
  ligatures: Array<{ codes: number[]; glyph: number }>;
  ligatureStarts: Set<number>;
  left: Map<number, number>;
  right: Map<number, number>;
  values: number[][];
}

interface FaceTable {
  scale: number;
  glyphs: Map<number, number>;
  /** The script of each letter; common characters have none. */
  letters: Map<number, ScriptTag>;
  advances: Map<number, number>;
  scripts: Record<ScriptTag, ScriptTable>;
}

let data: TableData | null | undefined;
const tables = new Map<FaceName, FaceTable | null>();

function tableData(): TableData | null {
  if (data === undefined) {
    try {
      const file = new URL('../data/lgc-shaping.json', import.meta.url);
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

function scriptTable({ ligatures, kerning }: ScriptData): ScriptTable {
  return {
    ligatures: ligatures.map(([codes, glyph]) => ({ codes, glyph })),
    ligatureStarts: new Set(ligatures.map(([codes]) => codes[0]!)),
    left: toMap(kerning.left),
    right: toMap(kerning.right),
    values: kerning.values,
  };
}

function faceTable(source: FaceData): FaceTable {
  const letters = new Map<number, ScriptTag>();
  for (const tag of LETTERED)
    for (const code of source.scripts[tag].chars ?? []) letters.set(code, tag);
  return {
    scale: 1000 / source.unitsPerEm,
    glyphs: new Map(source.chars),
    letters,
    advances: toMap(source.advances),
    scripts: {
      latn: scriptTable(source.scripts.latn),
      grek: scriptTable(source.scripts.grek),
      cyrl: scriptTable(source.scripts.cyrl),
      other: scriptTable(source.scripts.other),
    },
  };
}

/** The face's table, or null when the table was not made from this face's file. */
export function lgcTable(face: FaceName): FaceTable | null {
  let table = tables.get(face);
  if (table === undefined) {
    const source = (FONT_NAMES as readonly FaceName[]).includes(face)
      ? tableData()?.faces[face as FontName]
      : undefined;
    const matches =
      source && createHash('sha256').update(fontBytes(face)).digest('hex') === source.sha256;
    table = matches ? faceTable(source) : null;
    tables.set(face, table);
  }
  return table;
}

/** `text` shaped as fontkit shapes it, or null when the table does not cover all of it. */
export function shapeLgc(face: FaceName, text: string): ShapedPiece | null {
  const table = lgcTable(face);
  if (!table) return null;
  const codes: number[] = [];
  let script: ScriptTag = 'other';
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (!table.glyphs.has(code)) return null;
    const letter = table.letters.get(code);
    if (letter && letter !== script) {
      // Two scripts in one word: fontkit's choice of one for all is left to fontkit.
      if (script !== 'other') return null;
      script = letter;
    }
    codes.push(code);
  }

  const rules = table.scripts[script];
  const glyphIds: number[] = [];
  const codePoints: number[][] = [];
  for (let index = 0; index < codes.length; ) {
    const ligature = rules.ligatureStarts.has(codes[index]!)
      ? rules.ligatures.find(({ codes: parts }) =>
          parts.every((part, offset) => codes[index + offset] === part),
        )
      : undefined;
    const length = ligature ? ligature.codes.length : 1;
    glyphIds.push(ligature ? ligature.glyph : table.glyphs.get(codes[index]!)!);
    codePoints.push(codes.slice(index, index + length));
    index += length;
  }

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
    const left = rules.left.get(glyphIds[index]!);
    const right = index + 1 < glyphIds.length ? rules.right.get(glyphIds[index + 1]!) : undefined;
    const kern = left && right ? rules.values[left - 1]![right - 1]! : 0;
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
