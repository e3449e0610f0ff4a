import { orderBidirectional } from './bidi-lines.js';
import type { ClozeGap } from './cloze-gap.js';
import { hasIdeographs, ideographicUnits } from './ideographic-breaks.js';
import type { InlineBox } from './inline-box.js';
import type { Fragment, RunStyle } from './inline-runs.js';
import { sameStyle } from './inline-runs.js';
import { hasRightToLeft } from './script-faces.js';
import { textWidth } from './text-width.js';

/** A run of same-styled text at its place on a line. */
export interface PlacedRun {
  x: number;
  width: number;
  text: string;
  style: RunStyle;
  /** Set when the run is a cloze gap (its text is empty). */
  gap?: ClozeGap;
  /** Set when the run is an inline box: math, a small image (its text is empty). */
  box?: InlineBox;
}

export interface TextLine {
  width: number;
  /** Largest font size on the line. */
  size: number;
  /** Tallest ascent and deepest descent of the line's inline boxes (0 without any). */
  boxAscent: number;
  boxDescent: number;
  runs: PlacedRun[];
  /** Set on the lines of a right-to-left paragraph, which are set flush right. */
  rtl?: true;
}

/** A cloze gap or an inline box: placed whole, never merged with the text beside it. */
type Atom = { gap: ClozeGap } | { box: InlineBox };

interface Word {
  parts: Array<{ text: string; style: RunStyle; width: number; atom?: Atom }>;
  width: number;
  /** Style of the space before the word, or null at the start or after a hard break. */
  space: RunStyle | null;
}

// Breaks only at ASCII white space: a no-break space keeps "5 min" together.
const SPACE = /[ \t\n\r\f]+/;
const MEASURE_CHUNK = 256;

/**
 * Greedy line breaking at spaces and between ideographs; a word wider than
 * the line is cut between characters (long URLs, identifiers). Lines with
 * right-to-left text are put in visual order once broken (bidi-lines.ts). Words are measured once each, so the
 * cost grows with the text, not with the width tried.
 */
export function breakLines(fragments: readonly Fragment[], maxWidth: number): TextLine[] {
  const lines: TextLine[] = [];
  const emptyLine = (): TextLine => ({ width: 0, size: 0, boxAscent: 0, boxDescent: 0, runs: [] });
  let line = emptyLine();
  const endLine = () => {
    lines.push(line);
    line = emptyLine();
  };
  const place = (
    text: string,
    style: RunStyle,
    width: number,
    gap: number,
    atom: Atom | undefined,
  ) => {
    const last = line.runs[line.runs.length - 1];
    if (atom) {
      line.runs.push({ x: line.width + gap, width, text, style, ...atom });
      if ('box' in atom) {
        line.boxAscent = Math.max(line.boxAscent, atom.box.ascent);
        line.boxDescent = Math.max(line.boxDescent, atom.box.descent);
      }
    } else if (last && !last.gap && !last.box && sameStyle(last.style, style)) {
      // One run per style and line keeps drawing and the PDF small.
      last.text += gap > 0 ? ` ${text}` : text;
      last.width = line.width + gap + width - last.x;
    } else {
      line.runs.push({ x: line.width + gap, width, text, style });
    }
    line.width += gap + width;
    if (style.size > line.size) line.size = style.size;
  };
  const placeWord = (word: Word) => {
    const gap =
      line.runs.length > 0 && word.space ? textWidth(' ', word.space.font, word.space.size) : 0;
    if (line.width + gap + word.width <= maxWidth) {
      word.parts.forEach((part, index) => {
        place(part.text, part.style, part.width, index === 0 ? gap : 0, part.atom);
      });
      return;
    }
    if (line.runs.length > 0) endLine();
    if (word.width <= maxWidth) {
      for (const part of word.parts) place(part.text, part.style, part.width, 0, part.atom);
      return;
    }
    for (const part of word.parts) {
      if (part.atom) {
        if (line.runs.length > 0 && line.width + part.width > maxWidth) endLine();
        place('', part.style, part.width, 0, part.atom);
        continue;
      }
      for (const char of part.text) {
        const width = textWidth(char, part.style.font, part.style.size);
        if (line.runs.length > 0 && line.width + width > maxWidth) endLine();
        place(char, part.style, width, 0, undefined);
      }
    }
  };

  let word: Word | null = null;
  let space: RunStyle | null = null;
  const endWord = () => {
    if (word) placeWord(word);
    word = null;
  };
  for (const fragment of fragments) {
    if (fragment.text === null) {
      endWord();
      endLine();
      space = null;
      continue;
    }
    if ('gap' in fragment || 'box' in fragment) {
      // A gap or a box is one unbreakable part of the word around it ("in ____." keeps its full stop).
      if (!word) {
        word = { parts: [], width: 0, space };
        space = null;
      }
      const atom: Atom = 'gap' in fragment ? { gap: fragment.gap } : { box: fragment.box };
      const width = Math.min('gap' in atom ? atom.gap.width : atom.box.width, maxWidth);
      word.parts.push({ text: '', style: fragment.style, width, atom });
      word.width += width;
      continue;
    }
    const pieces = fragment.text.split(SPACE);
    const ideographic = hasIdeographs(fragment.text);
    pieces.forEach((piece, index) => {
      if (index > 0) {
        endWord();
        space = fragment.style;
      }
      if (piece === '') return;
      // Between ideographs a line breaks without a space: each unit is a word with no gap before it.
      const units = ideographic ? ideographicUnits(piece) : [piece];
      units.forEach((unit, unitIndex) => {
        if (unitIndex > 0) endWord();
        if (!word) {
          word = { parts: [], width: 0, space };
          space = null;
        }
        // Measure very long words (a pasted hash, a 1 MB line) in pieces: shaping
        // one huge string at once takes memory in proportion to its glyphs.
        for (let start = 0, end = 0; start < unit.length; start = end) {
          end = start + MEASURE_CHUNK;
          // Never cut a surrogate pair in two.
          if (end < unit.length && (unit.charCodeAt(end - 1) & 0xfc00) === 0xd800) end++;
          const text = unit.slice(start, end);
          const width = textWidth(text, fragment.style.font, fragment.style.size);
          word.parts.push({ text, style: fragment.style, width });
          word.width += width;
        }
      });
    });
  }
  endWord();
  if (line.runs.length > 0 || lines.length === 0) lines.push(line);
  if (fragments.some((fragment) => fragment.text && hasRightToLeft(fragment.text)))
    orderBidirectional(lines, fragments);
  return lines;
}
