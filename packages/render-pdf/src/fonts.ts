/// <reference types="pdfkit" />
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// DejaVu Sans and Sans Mono cover Latin, Greek, Cyrillic, arrows and maths
// symbols, so quizzes in those scripts print without missing glyphs. The
// files come from the `dejavu-fonts-ttf` package (resolved, never copied) and
// pdfkit embeds a subset of each font a document uses.

export type FontName =
  | 'sans'
  | 'sans-bold'
  | 'sans-italic'
  | 'sans-bold-italic'
  | 'mono'
  | 'mono-bold'
  | 'mono-italic'
  | 'mono-bold-italic';

const FILES: Record<FontName, string> = {
  sans: 'DejaVuSans.ttf',
  'sans-bold': 'DejaVuSans-Bold.ttf',
  'sans-italic': 'DejaVuSans-Oblique.ttf',
  'sans-bold-italic': 'DejaVuSans-BoldOblique.ttf',
  mono: 'DejaVuSansMono.ttf',
  'mono-bold': 'DejaVuSansMono-Bold.ttf',
  'mono-italic': 'DejaVuSansMono-Oblique.ttf',
  'mono-bold-italic': 'DejaVuSansMono-BoldOblique.ttf',
};

export const FONT_NAMES = Object.keys(FILES) as FontName[];

/** DejaVu's ascent and descent (the same in every face), in ems. */
export const FONT_ASCENT = 0.928;
export const FONT_DESCENT = 0.236;

const require = createRequire(import.meta.url);
const buffers = new Map<FontName, Buffer>();

/** Absolute path of a font's TrueType file. */
function fontFile(name: FontName): string {
  return require.resolve(`dejavu-fonts-ttf/ttf/${FILES[name]}`);
}

/** The font's bytes, read once per process. */
export function fontBytes(name: FontName): Buffer {
  let bytes = buffers.get(name);
  if (!bytes) {
    bytes = readFileSync(fontFile(name));
    buffers.set(name, bytes);
  }
  return bytes;
}

/** Registers every face under its `FontName`; pdfkit only embeds the ones drawn with. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const name of FONT_NAMES) doc.registerFont(name, fontBytes(name));
}

export function withBold(font: FontName): FontName {
  if (font.includes('bold')) return font;
  return font.replace(/^(sans|mono)/, '$1-bold') as FontName;
}

export function withItalic(font: FontName): FontName {
  if (font.includes('italic')) return font;
  return `${font}-italic` as FontName;
}

export function asMono(font: FontName): FontName {
  return font.replace(/^sans/, 'mono') as FontName;
}
