import PDFDocument from 'pdfkit';
import { FontSubset } from './font-subset.js';
import { type FaceName, FONT_NAMES, fontBytes, registerFonts } from './fonts.js';
import {
  canEmbedFonts,
  type EmbeddedFont,
  embeddedFont,
  embedFont,
  type FontkitFont,
  selectedFont,
} from './pdfkit-internals.js';

// Parsing a TrueType font (fontkit reading its tables) costs more than
// laying out and drawing a whole quiz, and pdfkit parses every font anew for
// every document. So the fonts are parsed once per process, in a host
// document that also serves text measuring, and each new document gets its
// own embedding (its own glyph subset) of the same parsed font.
//
// Glyph objects need care: fontkit's glyph remembers the characters it was
// first looked up for, and both its shaper and pdfkit's ToUnicode map read
// them. A glyph first met as a component of an accented letter in an
// earlier document (E inside Ε or É) would have none, and the next document
// would lose the letter when copied and change bytes. Words are shaped as
// if by a fresh font (shaped-text.ts) and carry their own characters; each
// document still starts with an empty glyph cache, for what pdfkit draws
// itself, and gets its own subset (font-subset.ts).
//
// This reaches into pdfkit and fontkit internals, all through
// pdfkit-internals.ts: with other versions than the pinned ones (or fields
// not as expected), documents register the font files the public way.

let host: PDFKit.PDFDocument | null = null;
const parsed = new Map<FaceName, EmbeddedFont>();

/** The document that owns the parsed fonts; measure text with it, never draw on it. */
export function fontHost(): PDFKit.PDFDocument {
  if (!host) {
    host = new PDFDocument({ autoFirstPage: false });
    registerFonts(host);
  }
  return host;
}

function parsedFont(name: FaceName): EmbeddedFont | null {
  let font = parsed.get(name);
  if (!font) {
    const doc = fontHost();
    // Fallback faces join the host when first needed: most decks never read the CJK files.
    if (!(FONT_NAMES as readonly FaceName[]).includes(name))
      doc.registerFont(name, fontBytes(name));
    doc.font(name);
    const selected = selectedFont(doc);
    if (!selected) return null;
    font = selected;
    parsed.set(name, font);
  }
  return font;
}

/** The parsed font of a face and its scale to pdfkit's units; null when pdfkit's internals differ. */
export function parsedFace(name: FaceName): { font: FontkitFont; scale: number } | null {
  const source = parsedFont(name);
  return source ? { font: source.font, scale: source.scale } : null;
}

/** Gives a new document every face under its `FontName`; only faces drawn with are embedded. */
export function attachFonts(doc: PDFKit.PDFDocument): void {
  if (!canEmbedFonts(doc)) {
    registerFonts(doc);
    return;
  }
  for (const name of FONT_NAMES) {
    const source = parsedFont(name);
    if (!source) {
      registerFonts(doc);
      return;
    }
    // The same TrueType subset as fontkit writes, from bytes read once (font-subset.ts).
    embedFont(doc, name, source, new FontSubset(name));
  }
}

/**
 * The document's embedding of a face, embedding a fallback face on first
 * use (so a document lists only the fallback fonts it draws with, numbered
 * in the order first drawn); null when pdfkit's internals differ.
 */
export function documentFace(doc: PDFKit.PDFDocument, name: FaceName): EmbeddedFont | null {
  const found = embeddedFont(doc, name);
  if (found || !canEmbedFonts(doc)) return found;
  const source = parsedFont(name);
  if (!source) return null;
  embedFont(doc, name, source, new FontSubset(name));
  return embeddedFont(doc, name);
}
