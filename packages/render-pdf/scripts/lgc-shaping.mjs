// Writes data/lgc-shaping.json: what fontkit's shaper does to text in
// Latin, Greek and Cyrillic (DejaVu's "LGC") in each DejaVu face, so most
// words can be set without running it (src/lgc-shaper.ts says why). Run it
// after changing the pinned dejavu-fonts-ttf or fontkit version, after
// `pnpm build`: `pnpm --filter @quizmark/render-pdf generate:lgc-shaping`
// (about a minute).
//
// Nothing here reads the font's tables itself: every value is what
// fontkit's own layout gives, asked glyph pair by glyph pair, so the data is
// right for pairs by construction. test/lgc-shaper.test.ts checks whole
// words and random strings against fontkit.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// The renderer's own list of faces and files (run `pnpm build` first).
import { FONT_NAMES, fontFile } from '../dist/fonts.js';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
// The fontkit pdfkit loads, as pdfkit-internals.ts finds it.
const fromPdfkit = createRequire(require.resolve('pdfkit'));
const fontkit = fromPdfkit('fontkit');
const { getCategory, getScript } = fromPdfkit('unicode-properties');

// Basic Latin, Latin-1 (without the soft hyphen, which fontkit hides),
// Latin Extended-A, Greek, Cyrillic, and the punctuation, arrows and maths
// signs quizzes use. Combining marks are left out: fontkit positions them.
const RANGES = [
  [0x20, 0x7e],
  [0xa0, 0xac],
  [0xae, 0x17f],
  [0x370, 0x3ff],
  [0x400, 0x45f],
  [0x2010, 0x2027],
  [0x2030, 0x203a],
  [0x20ac, 0x20ac],
  [0x2122, 0x2122],
  [0x2190, 0x2199],
  [0x21d0, 0x21d5],
  [0x2200, 0x2209],
  [0x220f, 0x2212],
  [0x221a, 0x221e],
  [0x2227, 0x222b],
  [0x2248, 0x2248],
  [0x2260, 0x2265],
  [0x2282, 0x2287],
  [0x22c5, 0x22c5],
];

// The script tag fontkit's layout picks for a piece of text is that of its
// first letter of a script: `latn`, `grek` or `cyrl` here. Text of
// punctuation, digits and signs only gets `Zzzz`, for which fontkit falls
// back to the font's DFLT script ("other" here). A piece mixing two scripts
// is left to fontkit, so each script's table needs only the pairs of its own
// letters and the common characters.
const SCRIPTS = { Latin: 'latn', Greek: 'grek', Cyrillic: 'cyrl' };
const OTHER = 'Zzzz';

/** The version of `name` whose file `entry` `from` resolves (fontkit's `exports` hide its package.json). */
function packageVersion(name, from, entry = name) {
  let dir = dirname(from.resolve(entry));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      if (manifest.name === name) return manifest.version;
    } catch {}
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json for ${name}`);
    dir = parent;
  }
}

/** Groups keys whose rows are the same; class 0 is the all-zero row. */
function classes(keys, rowOf) {
  const byRow = new Map([['', 0]]);
  const classOf = {};
  const rows = [];
  for (const key of keys) {
    const row = rowOf(key);
    const text = row.every((value) => value === 0) ? '' : row.join(',');
    let index = byRow.get(text);
    if (index === undefined) {
      index = byRow.size;
      byRow.set(text, index);
      rows.push(row);
    }
    if (index !== 0) classOf[key] = index;
  }
  return { classOf, rows };
}

/** Pair kerning as classes of left and right glyphs and a table of their values. */
function kerningClasses(glyphIds, value) {
  const at = (left, right) => value.get(`${left} ${right}`) ?? 0;
  const lefts = classes(glyphIds, (left) => glyphIds.map((right) => at(left, right)));
  const rights = classes(glyphIds, (right) => glyphIds.map((left) => at(left, right)));
  // Any member of a left and a right class gives their value.
  const member = (classOf) =>
    new Map(
      Object.entries(classOf)
        .map(([id, index]) => [index, Number(id)])
        .reverse(),
    );
  const leftMember = member(lefts.classOf);
  const rightMember = member(rights.classOf);
  const values = [];
  for (let l = 1; l <= lefts.rows.length; l++) {
    const row = [];
    for (let r = 1; r <= rights.rows.length; r++)
      row.push(at(leftMember.get(l), rightMember.get(r)));
    values.push(row);
  }
  return { left: lefts.classOf, right: rights.classOf, values };
}

/** Characters that make fontkit substitute a neighbour's glyph (ı for i before U+0374 in Sans Mono). */
class Context extends Error {
  constructor(codes) {
    super(`context characters ${codes.map((code) => `U+${code.toString(16)}`).join(' ')}`);
    this.codes = codes;
  }
}

function faceData(file, excluded) {
  const bytes = readFileSync(file);
  const font = fontkit.create(bytes);
  const chars = [];
  const scriptChars = Object.fromEntries(Object.values(SCRIPTS).map((tag) => [tag, []]));
  const common = [];
  for (const [first, last] of RANGES)
    for (let code = first; code <= last; code++) {
      const glyph = font.glyphForCodePoint(code);
      if (glyph.id === 0 || getCategory(code).startsWith('M') || excluded.has(code)) continue;
      const script = getScript(code);
      if (script !== 'Common' && !(script in SCRIPTS)) continue;
      chars.push([code, glyph.id]);
      if (script === 'Common') common.push(code);
      else scriptChars[SCRIPTS[script]].push(code);
    }
  const glyphOf = new Map(chars);
  const advances = {};
  const advance = (id) => (advances[id] ??= font.getGlyph(id).advanceWidth);

  const scripts = {};
  for (const tag of [...Object.values(SCRIPTS), OTHER]) {
    const codes = [...(scriptChars[tag] ?? []), ...common];
    // Every pair of characters: two glyphs, or one (a ligature, as f+i in
    // Latin), kerned or not. Anything else (moving the second glyph,
    // offsets, other substitutions) is refused here.
    const layout = (...ids) =>
      font.layout(
        ids.map((id) => font.getGlyph(id)),
        [],
        tag,
      );
    const ligatures = [];
    const value = new Map();
    const glyphIds = [...new Set(codes.map((code) => glyphOf.get(code)))];
    const kernPair = (left, right) => {
      const run = layout(left, right);
      const ids = run.glyphs.map((glyph) => glyph.id);
      if (ids.length !== 2 || ids[0] !== left || ids[1] !== right) return ids;
      const [first, second] = run.positions;
      if (
        second.xAdvance !== advance(right) ||
        first.xOffset ||
        first.yOffset ||
        second.xOffset ||
        second.yOffset ||
        first.yAdvance ||
        second.yAdvance
      )
        throw new Error(`${file} ${tag}: glyphs ${left} ${right} are positioned, not kerned`);
      const kern = first.xAdvance - advance(left);
      if (kern !== 0) value.set(`${left} ${right}`, kern);
      return null;
    };
    for (const a of codes)
      for (const b of codes) {
        const ids = kernPair(glyphOf.get(a), glyphOf.get(b));
        if (ids === null) continue;
        if (ids.length !== 1) {
          // The character whose glyph stayed is the context that changed the other: left out.
          const kept = [a, b].filter((code, at) => ids[at] === glyphOf.get(code));
          throw new Context(kept.length > 0 ? kept : [a, b]);
        }
        ligatures.push([[a, b], ids[0]]);
      }
    // Three characters made one glyph (ffi), from the starts of two-character ligatures.
    for (const start of new Set(ligatures.map(([parts]) => parts[0])))
      for (const b of codes)
        for (const c of codes) {
          const ids = layout(glyphOf.get(start), glyphOf.get(b), glyphOf.get(c)).glyphs.map(
            (glyph) => glyph.id,
          );
          if (ids.length === 1) ligatures.push([[start, b, c], ids[0]]);
        }
    // Longest first, as the font lists them: ffi before ff.
    ligatures.sort((x, y) => y[0].length - x[0].length);
    // Ligature glyphs kern with their neighbours too.
    const ligatureIds = [...new Set(ligatures.map(([, id]) => id))];
    for (const ligature of ligatureIds) {
      advance(ligature);
      for (const other of [...glyphIds, ...ligatureIds]) {
        for (const [left, right] of [
          [ligature, other],
          [other, ligature],
        ]) {
          const ids = kernPair(left, right);
          // A pair that joins further (ff then i) never meets as a pair in text.
          if (ids !== null && ids.length !== 1)
            throw new Error(`${file} ${tag}: glyphs ${left} ${right} become ${ids}`);
        }
      }
    }
    for (const id of glyphIds) advance(id);
    const all = [...glyphIds, ...ligatureIds].sort((a, b) => a - b);
    scripts[tag === OTHER ? 'other' : tag] = {
      ...(tag === OTHER ? {} : { chars: scriptChars[tag] ?? [] }),
      ligatures,
      kerning: kerningClasses(all, value),
    };
  }

  return {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    unitsPerEm: font.unitsPerEm,
    chars,
    advances: Object.fromEntries(Object.entries(advances).sort(([a], [b]) => a - b)),
    scripts,
  };
}

const started = Date.now();
const data = {
  note: 'Generated by scripts/lgc-shaping.mjs from the fonts and fontkit below; do not edit.',
  fontkit: packageVersion('fontkit', fromPdfkit),
  fonts: packageVersion('dejavu-fonts-ttf', require, fontFile('sans')),
  faces: {},
};
for (const name of FONT_NAMES) {
  const file = fontFile(name);
  const excluded = new Set();
  for (;;) {
    try {
      data.faces[name] = faceData(file, excluded);
      break;
    } catch (error) {
      if (!(error instanceof Context)) throw error;
      console.log(`${name}: leaving out ${error.message}`);
      for (const code of error.codes) excluded.add(code);
    }
  }
  console.log(`${name}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
const out = join(here, '..', 'data', 'lgc-shaping.json');
writeFileSync(out, `${JSON.stringify(data)}\n`);
console.log(`wrote ${out}`);
