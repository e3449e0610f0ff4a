/// <reference types="pdfkit" />
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// The PDF renderer parses each font once per process and shapes each word
// once (shared-fonts.ts, shaped-text.ts, text-operators.ts). That needs
// fields pdfkit and fontkit keep to themselves: the document's font table
// and id counter, the font it selected, each page's font resources, and
// fontkit's glyph cache. This module is the only one that touches them, and
// only for the versions it was written against, read from the installed
// packages when it loads. With any other version (pdfkit pins fontkit with a
// caret range, so a fresh install can bring a newer one), documents register
// the font files the public way instead: slower, same look, other bytes.

/** The versions whose internals this module knows. */
export const WRITTEN_FOR = { pdfkit: '0.17.2', fontkit: '2.0.4' } as const;

export interface PackageVersions {
  pdfkit: string | null;
  fontkit: string | null;
}

/** Why the internals are not used with these versions, or null when they are. */
export function versionMismatch(installed: PackageVersions): string | null {
  if (installed.pdfkit === WRITTEN_FOR.pdfkit && installed.fontkit === WRITTEN_FOR.fontkit)
    return null;
  const found = (version: string | null) => version ?? 'an unreadable version';
  return (
    `pdfkit ${found(installed.pdfkit)} and fontkit ${found(installed.fontkit)} are installed, ` +
    `but the shared fonts of the PDF renderer were written for pdfkit ${WRITTEN_FOR.pdfkit} ` +
    `and fontkit ${WRITTEN_FOR.fontkit}: documents register their fonts the public way`
  );
}

/** Version of the package `name` as `from` resolves it (the copy that code would load). */
function versionOf(name: string, from: NodeJS.Require): string | null {
  try {
    // fontkit's `exports` hide its package.json: walk up from its entry point.
    let dir = dirname(from.resolve(name));
    for (;;) {
      try {
        const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
        if (manifest.name === name)
          return typeof manifest.version === 'string' ? manifest.version : null;
      } catch {
        // No manifest here: keep walking up.
      }
      const parent = dirname(dir);
      if (parent === dir) return null;
      dir = parent;
    }
  } catch {
    return null;
  }
}

function installedVersions(): PackageVersions {
  const here = createRequire(import.meta.url);
  try {
    // The fontkit pdfkit itself loads, not one this package might find.
    const fromPdfkit = createRequire(here.resolve('pdfkit'));
    return { pdfkit: versionOf('pdfkit', here), fontkit: versionOf('fontkit', fromPdfkit) };
  } catch {
    return { pdfkit: null, fontkit: null };
  }
}

/** The pdfkit and fontkit this process loads. */
export const INSTALLED: PackageVersions = installedVersions();

/** Why the internals are not used in this process, or null when they are. */
export const INTERNALS_MISMATCH: string | null = versionMismatch(INSTALLED);

/** The parts of a fontkit font this package reads. */
export interface FontkitFont {
  glyphForCodePoint(codePoint: number): { id: number; codePoints: number[] };
  layout(text: string): {
    glyphs: Array<{ id: number; codePoints: number[]; advanceWidth: number }>;
    positions: Array<{ xAdvance: number; xOffset: number; yOffset: number }>;
  };
}

/** pdfkit's font of one document: the parsed font, its id, glyph subset and the maps it embeds. */
export interface EmbeddedFont {
  font: FontkitFont;
  id: string;
  /** 1000 / units per em. */
  scale: number;
  subset: { includeGlyph(glyphId: number): number; encode(): Uint8Array };
  /** Advance of each subset glyph, for the font's W array. */
  widths: number[];
  /** Characters of each subset glyph, for the ToUnicode map. */
  unicode: number[][];
  ref(): unknown;
}

interface FontkitInternals {
  _glyphs: Record<number, unknown>;
}

interface EmbeddedFontInternals extends EmbeddedFont {
  font: FontkitFont & FontkitInternals;
  constructor: new (document: PDFKit.PDFDocument, font: object, id: string) => EmbeddedFont;
}

interface DocumentInternals {
  _font?: EmbeddedFont;
  _fontFamilies?: Record<string, EmbeddedFont | undefined>;
  _fontCount?: number;
  page?: { fonts: Record<string, unknown> };
}

const internals = (doc: PDFKit.PDFDocument) => doc as unknown as DocumentInternals;

/**
 * The font `doc.font(…)` last selected, when this module can reuse it in
 * other documents; null with other versions or when its fields are not as
 * expected.
 */
export function selectedFont(doc: PDFKit.PDFDocument): EmbeddedFont | null {
  if (INTERNALS_MISMATCH) return null;
  const font = internals(doc)._font as EmbeddedFontInternals | undefined;
  if (
    !font ||
    typeof font.font !== 'object' ||
    typeof font.font._glyphs !== 'object' ||
    typeof font.font.layout !== 'function' ||
    typeof font.font.glyphForCodePoint !== 'function' ||
    typeof font.scale !== 'number' ||
    typeof font.constructor !== 'function'
  )
    return null;
  return font;
}

/** Whether new embeddings of parsed fonts can be added to `doc` (see `embedFont`). */
export function canEmbedFonts(doc: PDFKit.PDFDocument): boolean {
  const fields = internals(doc);
  return (
    !INTERNALS_MISMATCH &&
    typeof fields._fontFamilies === 'object' &&
    typeof fields._fontCount === 'number'
  );
}

/**
 * Gives `doc` its own embedding of a font parsed in another document, under
 * `name`, with the next font id of `doc` and an empty glyph cache; `subset`
 * takes the place of fontkit's. Only after `canEmbedFonts(doc)`.
 */
export function embedFont(
  doc: PDFKit.PDFDocument,
  name: string,
  source: EmbeddedFont,
  subset: EmbeddedFont['subset'],
): void {
  const fields = internals(doc);
  const parsed = source as EmbeddedFontInternals;
  fields._fontCount! += 1;
  forgetGlyphs(parsed.font);
  const font = new parsed.constructor(doc, parsed.font, `F${fields._fontCount}`);
  font.subset = subset;
  fields._fontFamilies![name] = font;
}

/** The embedding `embedFont` gave `doc` under `name`; null for fonts pdfkit registered itself. */
export function embeddedFont(doc: PDFKit.PDFDocument, name: string): EmbeddedFont | null {
  if (INTERNALS_MISMATCH) return null;
  const font = internals(doc)._fontFamilies?.[name];
  return font && typeof font.subset?.includeGlyph === 'function' ? font : null;
}

/** Lists the font in the resources of the page being drawn, as pdfkit's text() does. */
export function usePageFont(doc: PDFKit.PDFDocument, font: EmbeddedFont): void {
  const page = internals(doc).page!;
  if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
}

/** Drops fontkit's cached glyph object for one glyph id. */
export function forgetGlyph(font: FontkitFont, glyphId: number): void {
  delete (font as FontkitFont & FontkitInternals)._glyphs[glyphId];
}

/** Empties fontkit's glyph cache: the font behaves as freshly parsed. */
export function forgetGlyphs(font: FontkitFont): void {
  (font as FontkitFont & FontkitInternals)._glyphs = {};
}
