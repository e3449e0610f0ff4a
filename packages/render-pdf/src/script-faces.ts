import { covers } from '@quizmark/model';
import { type FaceName, type FontName, SCRIPTS, type Script, scriptFace } from './fonts.js';
import { MONO_COVERAGE, SANS_COVERAGE } from './glyph-coverage.js';
import { SCRIPT_COVERAGE } from './script-coverage.js';

// Which face draws each character. DejaVu stays the font of Latin, Greek,
// Cyrillic and symbols; the scripts below have a Noto family of their own,
// even where DejaVu has a few of their letters (its Hebrew and Arabic lack
// the marks and joining forms). Han characters are shared by Chinese,
// Japanese and Korean but drawn differently in each: the deck's language
// picks the face, and Japanese is the default (kana never appear elsewhere,
// and a Han-only deck in another language is most often Japanese study).
// Every CJK face gives each ideograph, kana and full-width mark the same
// advance (1000/1000 em), so widths measured with one face hold for all.

/** One stretch of text drawn with one face. */
export interface FaceSegment {
  text: string;
  face: FaceName;
}

/** The CJK family for Han characters in a document of this BCP 47 language. */
export type HanScript = 'jp' | 'sc' | 'tc' | 'kr';

export function hanScriptFor(language: string): HanScript {
  const tag = language.toLowerCase();
  if (/^zh-(hant|tw|hk|mo)\b/.test(tag)) return 'tc';
  if (tag === 'zh' || tag.startsWith('zh-')) return 'sc';
  if (tag === 'ko' || tag.startsWith('ko-')) return 'kr';
  return 'jp';
}

// Below this code point DejaVu draws every character it has: the fast path.
const FIRST_SCRIPT_CODE = 0x590;

/** The script whose Noto family should draw `code`, or null for DejaVu's. */
function preferredScript(code: number, han: HanScript): Script | null {
  if (code < 0x590) return null;
  if (code < 0x600) return 'hebrew';
  if (code < 0x900) return code < 0x700 || code >= 0x750 ? 'arabic' : null;
  if (code < 0x980) return 'devanagari';
  if (code >= 0x1100 && code < 0x1200) return 'kr';
  if (code < 0x2e80) return null;
  if (code < 0x3040) return han;
  if (code < 0x3100) return 'jp';
  if (code >= 0x3130 && code < 0x3190) return 'kr';
  if (code >= 0x31f0 && code < 0x3200) return 'jp';
  if (code >= 0x4dc0 && code < 0x4e00) return null;
  if (code < 0xa000) return han;
  if (code >= 0xa8e0 && code < 0xa900) return 'devanagari';
  if (code >= 0xa960 && code < 0xa980) return 'kr';
  if (code >= 0xac00 && code < 0xd800) return 'kr';
  if (code >= 0xf900 && code < 0xfb00) return han;
  if (code >= 0xfb1d && code < 0xfb50) return 'hebrew';
  if (code >= 0xfb50 && code < 0xfe00) return 'arabic';
  if (code >= 0xfe30 && code < 0xfe50) return han;
  if (code >= 0xfe70 && code < 0xff00) return 'arabic';
  if (code >= 0xff65 && code < 0xffa0) return 'jp';
  if (code >= 0xff00 && code < 0xfff0) return han;
  if (code >= 0x1f000 && code < 0x1fb00) return 'emoji';
  if (code >= 0x20000 && code < 0x40000) return han;
  return null;
}

/**
 * Characters that belong to the one before them: joiners, variation
 * selectors, skin tones, tags, combining marks and the keycap. They stay in
 * its segment, so the font can form the sequence (or draw its base).
 */
function extendsPrevious(code: number): boolean {
  return (
    code === 0x200d ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    (code >= 0x1f3fb && code <= 0x1f3ff) ||
    (code >= 0xe0020 && code <= 0xe007f) ||
    (code >= 0x300 && code < 0x370) ||
    (code >= 0x20d0 && code < 0x2100)
  );
}

const EMOJI_PRESENTATION = 0xfe0f;

function faceFor(code: number, next: number, font: FontName, han: HanScript): FaceName {
  const own = font.startsWith('mono') ? MONO_COVERAGE : SANS_COVERAGE;
  // A symbol asked for as an emoji (☀️) is drawn by the emoji face when it has one.
  if (next === EMOJI_PRESENTATION && covers(SCRIPT_COVERAGE.emoji, code))
    return scriptFace('emoji', font);
  const script = preferredScript(code, han);
  if (script && covers(SCRIPT_COVERAGE[script], code)) return scriptFace(script, font);
  if (covers(own, code)) return font;
  for (const other of SCRIPTS)
    if (covers(SCRIPT_COVERAGE[other], code)) return scriptFace(other, font);
  // Nothing has it: DejaVu's empty box, which the pipeline warns about.
  return font;
}

/** Whether any character of `text` may need another face than `font`. */
export function needsFallback(text: string): boolean {
  for (let index = 0; index < text.length; index++)
    if (text.charCodeAt(index) >= FIRST_SCRIPT_CODE) return true;
  return false;
}

/** `text` cut where the face that draws it changes; one segment for text DejaVu draws alone. */
export function faceSegments(text: string, font: FontName, han: HanScript): FaceSegment[] {
  if (!needsFallback(text)) return [{ text, face: font }];
  const segments: FaceSegment[] = [];
  const codes = Array.from(text, (char) => char.codePointAt(0)!);
  codes.forEach((code, index) => {
    const char = String.fromCodePoint(code);
    const last = segments[segments.length - 1];
    const face =
      last && extendsPrevious(code) ? last.face : faceFor(code, codes[index + 1] ?? 0, font, han);
    if (last && last.face === face) last.text += char;
    else segments.push({ text: char, face });
  });
  return segments;
}

// Hebrew, Arabic (and the Syriac between them) and their presentation forms.
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

/** Whether `text` has letters of a right-to-left script. */
export function hasRightToLeft(text: string): boolean {
  return RIGHT_TO_LEFT.test(text);
}
