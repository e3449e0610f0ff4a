/// <reference types="pdfkit" />
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// DejaVu Sans and Sans Mono cover Latin, Greek, Cyrillic, arrows and maths
// symbols, so quizzes in those scripts print without missing glyphs. The
// files come from the `dejavu-fonts-ttf` package (resolved, never copied) and
// pdfkit embeds a subset of each font a document uses. Other scripts fall
// back to Noto faces (`ScriptFace`, chosen per character in script-faces.ts),
// read only when a document draws with them: the CJK files are megabytes.

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

/** The Noto families a character falls back to when DejaVu is not its script's font. */
export type Script = 'jp' | 'sc' | 'tc' | 'kr' | 'arabic' | 'hebrew' | 'devanagari' | 'emoji';

/** A Noto face: regular or bold (italic text uses the upright face). */
export type ScriptFace = Script | `${Script}-bold`;

/** Any face the PDF draws with: a style's DejaVu face or a fallback. */
export type FaceName = FontName | ScriptFace;

// Package and file stem of each family in `@expo-google-fonts/*`.
const SCRIPT_FILES: Record<Script, [string, string]> = {
  jp: ['noto-sans-jp', 'NotoSansJP'],
  sc: ['noto-sans-sc', 'NotoSansSC'],
  tc: ['noto-sans-tc', 'NotoSansTC'],
  kr: ['noto-sans-kr', 'NotoSansKR'],
  arabic: ['noto-sans-arabic', 'NotoSansArabic'],
  hebrew: ['noto-sans-hebrew', 'NotoSansHebrew'],
  devanagari: ['noto-sans-devanagari', 'NotoSansDevanagari'],
  emoji: ['noto-emoji', 'NotoEmoji'],
};

export const SCRIPTS = Object.keys(SCRIPT_FILES) as Script[];

/** The script face for a style's font: bold text gets the bold face. */
export function scriptFace(script: Script, font: FontName): ScriptFace {
  return font.includes('bold') ? `${script}-bold` : script;
}

/** DejaVu's ascent and descent (the same in every face), in ems. */
export const FONT_ASCENT = 0.928;
export const FONT_DESCENT = 0.236;

const require = createRequire(import.meta.url);
const buffers = new Map<FaceName, Buffer>();

/** Absolute path of a face's TrueType file. */
export function fontFile(name: FaceName): string {
  if (name in FILES) return require.resolve(`dejavu-fonts-ttf/ttf/${FILES[name as FontName]}`);
  const bold = name.endsWith('-bold');
  const [pkg, stem] = SCRIPT_FILES[name.replace(/-bold$/, '') as Script];
  const weight = bold ? '700Bold' : '400Regular';
  return require.resolve(`@expo-google-fonts/${pkg}/${weight}/${stem}_${weight}.ttf`);
}

/** The face's bytes, read once per process. */
export function fontBytes(name: FaceName): Buffer {
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
