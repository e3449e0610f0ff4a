// Writes data/latin-shaping.json: what fontkit's shaper does to plain Latin
// text in each DejaVu face, so most words can be set without running it
// (src/latin-shaper.ts says why). Run it after changing the pinned
// dejavu-fonts-ttf or fontkit version: `pnpm --filter @quizmark/render-pdf
// generate:latin-shaping` (about two minutes).
//
// Nothing here reads the font's tables itself: every value is what
// fontkit's own layout gives, asked glyph pair by glyph pair, so the data is
// right for pairs by construction. test/latin-shaper.test.ts checks whole
// words and random strings against fontkit.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
// The fontkit pdfkit loads, as pdfkit-internals.ts finds it.
const fromPdfkit = createRequire(require.resolve('pdfkit'));
const fontkit = fromPdfkit('fontkit');
const { getScript } = fromPdfkit('unicode-properties');

const FACES = {
  sans: 'DejaVuSans.ttf',
  'sans-bold': 'DejaVuSans-Bold.ttf',
  'sans-italic': 'DejaVuSans-Oblique.ttf',
  'sans-bold-italic': 'DejaVuSans-BoldOblique.ttf',
  mono: 'DejaVuSansMono.ttf',
  'mono-bold': 'DejaVuSansMono-Bold.ttf',
  'mono-italic': 'DejaVuSansMono-Oblique.ttf',
  'mono-bold-italic': 'DejaVuSansMono-BoldOblique.ttf',
};

// Basic Latin, Latin-1 (without the soft hyphen, which fontkit hides),
// Latin Extended-A, and the punctuation and signs English text uses.
const RANGES = [
  [0x20, 0x7e],
  [0xa0, 0xac],
  [0xae, 0x17f],
  [0x2010, 0x2027],
  [0x2030, 0x203a],
  [0x20ac, 0x20ac],
  [0x2122, 0x2122],
  [0x2190, 0x2193],
  [0x2212, 0x2212],
];

// The script tags fontkit's layout picks for such text: Latin letters make
// it `latn`; text of punctuation, digits and signs only is `Zzzz`, for which
// fontkit falls back to the font's DFLT script.
const SCRIPTS = { latn: 'latn', other: 'Zzzz' };

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

function faceData(file) {
  const path = require.resolve(`dejavu-fonts-ttf/ttf/${file}`);
  const bytes = readFileSync(path);
  const font = fontkit.create(bytes);
  const chars = [];
  const latin = [];
  for (const [first, last] of RANGES)
    for (let code = first; code <= last; code++) {
      const glyph = font.glyphForCodePoint(code);
      if (glyph.id === 0) continue;
      const script = getScript(code);
      if (script !== 'Latin' && script !== 'Common')
        throw new Error(`U+${code.toString(16)} is ${script}`);
      chars.push([code, glyph.id]);
      if (script === 'Latin') latin.push(code);
    }

  // Ligatures: the glyph fontkit gives for each sequence of two or three
  // characters that it sets as one glyph (in DejaVu Sans: ff, fi, fl, ffi, ffl).
  const codes = chars.map(([code]) => code);
  const ligatures = [];
  const ligatureStarts = new Set();
  const single = (text) => {
    const run = font.layout(text);
    return run.glyphs.length === 1 ? run.glyphs[0].id : null;
  };
  for (const a of codes)
    for (const b of codes) {
      const pair = String.fromCodePoint(a, b);
      const glyph = single(pair);
      if (glyph === null) continue;
      ligatures.push([[a, b], glyph]);
      ligatureStarts.add(a);
    }
  for (const a of ligatureStarts)
    for (const b of codes)
      for (const c of codes) {
        const glyph = single(String.fromCodePoint(a, b, c));
        if (glyph !== null) ligatures.push([[a, b, c], glyph]);
      }
  // Longest first, as the font lists them: ffi before ff.
  ligatures.sort((x, y) => y[0].length - x[0].length);

  const glyphIds = [...new Set([...chars.map(([, id]) => id), ...ligatures.map(([, id]) => id)])];
  glyphIds.sort((a, b) => a - b);
  const advances = {};
  for (const id of glyphIds) advances[id] = font.getGlyph(id).advanceWidth;

  // Kerning of every glyph pair in each script: fontkit's xAdvance of the
  // first glyph less its advance. Anything else a pair does (substituting,
  // moving the second glyph, offsets) is refused here.
  const kerning = {};
  for (const [name, tag] of Object.entries(SCRIPTS)) {
    const value = new Map();
    for (const left of glyphIds)
      for (const right of glyphIds) {
        const glyphs = [font.getGlyph(left), font.getGlyph(right)];
        const run = font.layout(glyphs, [], tag);
        const ids = run.glyphs.map((glyph) => glyph.id);
        // Pairs that form ligatures in text never meet as a pair.
        if (ids.length !== 2 || ids[0] !== left || ids[1] !== right) {
          if (tag === 'latn' && ligatures.some(([, id]) => ids.length === 1 && id === ids[0]))
            continue;
          throw new Error(`${file} ${name}: glyphs ${left} ${right} become ${ids}`);
        }
        const [first, second] = run.positions;
        if (
          second.xAdvance !== advances[right] ||
          first.xOffset ||
          first.yOffset ||
          second.xOffset ||
          second.yOffset ||
          first.yAdvance ||
          second.yAdvance
        )
          throw new Error(`${file} ${name}: glyphs ${left} ${right} are positioned, not kerned`);
        const kern = first.xAdvance - advances[left];
        if (kern !== 0) value.set(`${left} ${right}`, kern);
      }
    const rightIds = glyphIds;
    const lefts = classes(glyphIds, (left) =>
      rightIds.map((right) => value.get(`${left} ${right}`) ?? 0),
    );
    const rights = classes(glyphIds, (right) =>
      glyphIds.map((left) => value.get(`${left} ${right}`) ?? 0),
    );
    // The value of a left and a right class, from any member of each.
    const leftMember = new Map(
      Object.entries(lefts.classOf)
        .map(([id, index]) => [index, Number(id)])
        .reverse(),
    );
    const rightMember = new Map(
      Object.entries(rights.classOf)
        .map(([id, index]) => [index, Number(id)])
        .reverse(),
    );
    const table = [];
    for (let l = 1; l <= lefts.rows.length; l++) {
      const row = [];
      for (let r = 1; r <= rights.rows.length; r++)
        row.push(value.get(`${leftMember.get(l)} ${rightMember.get(r)}`) ?? 0);
      table.push(row);
    }
    kerning[name] = { left: lefts.classOf, right: rights.classOf, values: table };
  }

  return {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    unitsPerEm: font.unitsPerEm,
    chars,
    latin,
    ligatures,
    advances,
    kerning,
  };
}

const started = Date.now();
const data = {
  note: 'Generated by scripts/latin-shaping.mjs from the fonts and fontkit below; do not edit.',
  fontkit: packageVersion('fontkit', fromPdfkit),
  fonts: packageVersion('dejavu-fonts-ttf', require, `dejavu-fonts-ttf/ttf/${FACES.sans}`),
  faces: {},
};
for (const [name, file] of Object.entries(FACES)) {
  data.faces[name] = faceData(file);
  console.log(`${name}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
const out = join(here, '..', 'data', 'latin-shaping.json');
writeFileSync(out, `${JSON.stringify(data)}\n`);
console.log(`wrote ${out}`);
