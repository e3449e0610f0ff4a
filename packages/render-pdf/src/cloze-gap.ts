import type { ClozeBlank } from '@quizmark/model';
import type { FontName } from './fonts.js';
import type { DrawOp } from './layout-model.js';
import { textWidth } from './text-width.js';
import { COLOR, TEXT } from './theme.js';

// A cloze blank on the quiz: the blank's number and its hint (if any) in
// small type, then a rule to write on. It is measured here, broken as one
// unbreakable word and drawn here. The rule is a run of underscores, not a
// drawn line: text extraction (pdftotext, copy and paste, screen readers)
// then reads the sentence on through the gap, where an empty stretch would
// make it split the line into columns.

/** A cloze blank as students see it. */
export interface ClozeGap {
  number: number;
  hint: string | null;
  /** Width of the whole gap, number and hint included. */
  width: number;
}

type Face = { font: FontName; size: number; color: string };

/** How a blank's number is set, in a gap and in the key's filled sentence. */
export const GAP_LABEL: Face = { font: 'sans-bold', size: TEXT.gapLabelSize, color: COLOR.muted };
const GAP_HINT: Face = { font: 'sans-italic', size: TEXT.gapLabelSize, color: COLOR.muted };
const RULE: Face = { font: 'sans', size: TEXT.size, color: COLOR.text };

// Room to write grows with the answer in steps, so the gap tells its length
// no better than a ruled line would.
const STEP = 12;
const MIN_ROOM = 48;
const PAD = 2;

const ruleChar = () => textWidth('_', RULE.font, RULE.size);

/** Where the rule starts, from the left of the gap: after the number and the hint. */
function ruleX(number: number, hint: string | null): number {
  const label = textWidth(`${number}`, GAP_LABEL.font, GAP_LABEL.size) + PAD;
  return hint ? label + textWidth(hint, GAP_HINT.font, GAP_HINT.size) + 2 * PAD : label;
}

/** Measures the gap of a blank in text set in `font` at `size`. */
export function clozeGap(blank: ClozeBlank, font: FontName, size: number): ClozeGap {
  const answer = textWidth(blank.answer, font, size) * 1.3;
  const room = Math.max(MIN_ROOM, Math.ceil(answer / STEP) * STEP);
  const rule = Math.ceil(room / ruleChar()) * ruleChar();
  return { number: blank.number, hint: blank.hint, width: ruleX(blank.number, blank.hint) + rule };
}

/** Draws a gap `width` wide (it may have been narrowed to the line) on `baseline`. */
export function gapOps(gap: ClozeGap, left: number, width: number, baseline: number): DrawOp[] {
  const ops: DrawOp[] = [{ op: 'text', x: left, y: baseline, text: `${gap.number}`, ...GAP_LABEL }];
  if (gap.hint)
    ops.push({
      op: 'text',
      x: left + ruleX(gap.number, null) + PAD,
      y: baseline,
      text: gap.hint,
      ...GAP_HINT,
    });
  const start = ruleX(gap.number, gap.hint);
  const count = Math.max(1, Math.floor((width - start) / ruleChar() + 1e-6));
  ops.push({ op: 'text', x: left + start, y: baseline, text: '_'.repeat(count), ...RULE });
  return ops;
}
