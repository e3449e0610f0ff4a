import type { ClozeBlank } from '@quizmark/model';
import type { FontName } from './fonts.js';
import type { DrawOp } from './layout-model.js';
import { textWidth } from './text-width.js';
import { COLOR, TEXT } from './theme.js';

// A cloze blank on the quiz: a rule to write on, the blank's number at its
// start and the hint (if any) after the number, in small type. It is
// measured here, broken as one unbreakable word and drawn here.

/** A cloze blank as students see it. */
export interface ClozeGap {
  number: number;
  hint: string | null;
  /** Width of the whole gap, number and hint included. */
  width: number;
}

/** How a blank's number is set, in a gap and in the key's filled sentence. */
export const GAP_LABEL: { font: FontName; size: number; color: string } = {
  font: 'sans-bold',
  size: TEXT.gapLabelSize,
  color: COLOR.muted,
};
const GAP_HINT: { font: FontName; size: number; color: string } = {
  font: 'sans-italic',
  size: TEXT.gapLabelSize,
  color: COLOR.muted,
};

// Room to write grows with the answer in steps, so the gap tells its length
// no better than a ruled line would; a hint always leaves room beside it.
const STEP = 12;
const MIN_ROOM = 48;
const PAD = 3;

/** Measures the gap of a blank in text set in `font` at `size`. */
export function clozeGap(blank: ClozeBlank, font: FontName, size: number): ClozeGap {
  const answer = textWidth(blank.answer, font, size) * 1.3;
  const room = Math.max(MIN_ROOM, Math.ceil(answer / STEP) * STEP);
  const hint = blank.hint
    ? hintX(blank.number) + textWidth(blank.hint, GAP_HINT.font, GAP_HINT.size)
    : 0;
  return {
    number: blank.number,
    hint: blank.hint,
    width: Math.max(labelWidth(blank.number) + room, hint + MIN_ROOM / 2),
  };
}

function labelWidth(number: number): number {
  return textWidth(`${number}`, GAP_LABEL.font, GAP_LABEL.size) + 2 * PAD;
}

/** Where the hint starts, from the left of the gap. */
function hintX(number: number): number {
  return labelWidth(number) + PAD;
}

/** Draws a gap `width` wide (it may have been narrowed to the line) on `baseline`. */
export function gapOps(gap: ClozeGap, left: number, width: number, baseline: number): DrawOp[] {
  const ops: DrawOp[] = [
    {
      op: 'line',
      x1: left,
      y1: baseline + 1.5,
      x2: left + width,
      y2: baseline + 1.5,
      color: COLOR.text,
      width: 0.6,
    },
    { op: 'text', x: left + PAD, y: baseline, text: `${gap.number}`, ...GAP_LABEL },
  ];
  if (gap.hint)
    ops.push({ op: 'text', x: left + hintX(gap.number), y: baseline, text: gap.hint, ...GAP_HINT });
  return ops;
}
