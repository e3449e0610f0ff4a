import { bidi, paragraphDirection, visualOrder } from './bidi.js';
import type { Fragment } from './inline-runs.js';
import type { PlacedRun, TextLine } from './line-break.js';
import { textWidth } from './text-width.js';

// Lines are broken in logical order; a line with right-to-left text is then
// put in visual order (UAX #9 after line breaking, as the algorithm asks):
// its runs are cut where the embedding level changes, reordered, and placed
// again from the left. Each run then has one direction, and the text writer
// draws a right-to-left one from its end (text-operators.ts). The paragraph's
// direction comes from its first strong letter; right-to-left paragraphs
// are set flush right.

// What stands for a gap, a box or a space between runs when levels are worked out.
const OBJECT = '\ufffc';

interface Piece {
  level: number;
  width: number;
  /** Null for the space between two runs. */
  run: PlacedRun | null;
}

function fragmentText(fragments: readonly Fragment[]): string {
  let text = '';
  for (const fragment of fragments) text += fragment.text === null ? '\n' : fragment.text || OBJECT;
  return text;
}

export function orderBidirectional(lines: TextLine[], fragments: readonly Fragment[]): void {
  const direction = paragraphDirection(fragmentText(fragments));
  for (const line of lines) {
    orderLine(line, direction);
    if (direction === 'rtl') line.rtl = true;
  }
}

function orderLine(line: TextLine, direction: 'ltr' | 'rtl'): void {
  let text = '';
  const spans: Array<{ run: PlacedRun | null; width: number; from: number }> = [];
  let end = 0;
  for (const run of line.runs) {
    if (run.x > end) {
      spans.push({ run: null, width: run.x - end, from: text.length });
      text += ' ';
    }
    spans.push({ run, width: run.width, from: text.length });
    text += run.gap || run.box || run.text === '' ? OBJECT : run.text;
    end = run.x + run.width;
  }
  const { levels } = bidi.getEmbeddingLevels(text, direction);
  const pieces: Piece[] = [];
  for (const { run, width, from } of spans) {
    if (!run || run.gap || run.box || run.text === '') {
      pieces.push({ level: levels[from]!, width, run });
      continue;
    }
    // A run of text is cut where its level changes.
    let start = 0;
    for (let index = 1; index <= run.text.length; index++) {
      if (index < run.text.length && levels[from + index] === levels[from + start]) continue;
      const whole = start === 0 && index === run.text.length;
      const part = run.text.slice(start, index);
      pieces.push({
        level: levels[from + start]!,
        width: whole ? width : textWidth(part, run.style.font, run.style.size),
        run: whole ? run : { ...run, text: part },
      });
      start = index;
    }
  }
  let x = 0;
  const runs: PlacedRun[] = [];
  for (const piece of visualOrder(pieces)) {
    if (piece.run) runs.push({ ...piece.run, x, width: piece.width });
    x += piece.width;
  }
  line.runs = runs;
  line.width = x;
}
