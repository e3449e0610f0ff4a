import type { Block } from '@quizmark/model';
import type { DrawOp, LayoutRow } from './layout-model.js';
import { layoutBlocks, layoutInlines, type RichContext } from './layout-rich-text.js';
import { asLabel } from './struct-tags.js';
import { baselineFor, type Frame } from './text-rows.js';
import { BODY } from './text-styles.js';
import { textWidth } from './text-width.js';
import { COLOR, TEXT } from './theme.js';

// Where students write on the quiz: tick boxes, answer boxes, and the small
// boxes beside matching and ordering entries for a letter or a position.

/** A tick box: as big as a choice's box, its label where an option's letter starts, so the quiz looks alike. */
const TICK = 8.5;
const TICK_TEXT = 14;
/** A box for one letter or number, beside an entry. */
const ENTRY_BOX = { width: 20, height: 14 } as const;
const ENTRY_BOX_GAP = 6;
/** A box for a whole answer. */
const ANSWER_BOX_HEIGHT = 20;

/** Middle of the x-height above a baseline: where boxes beside text are centred. */
function xMiddle(baseline: number): number {
  return baseline - TEXT.size * 0.36;
}

function box(x: number, y: number, width: number, height: number): DrawOp {
  return { op: 'rect', x, y, width, height, fill: null, stroke: COLOR.text };
}

/** Where an entry's text starts after its box (when it has one) and the widest of its labels. */
export function entryIndent(labels: readonly string[], withBox: boolean): number {
  const widest = Math.max(...labels.map((label) => textWidth(label, 'sans', TEXT.size)));
  return (withBox ? ENTRY_BOX.width + ENTRY_BOX_GAP : 0) + widest + 5;
}

/**
 * An entry of a matching or ordering question: its write-in box (when it has
 * one), its label ("A.", "1.") and its text, which starts at `indent`.
 */
export function entryRows(
  label: string,
  blocks: readonly Block[],
  frame: Frame,
  indent: number,
  withBox: boolean,
  context: RichContext,
): LayoutRow[] {
  const inner = { x: frame.x + indent, width: frame.width - indent };
  let rows = layoutBlocks(blocks, inner, BODY, context);
  if (rows.length === 0) rows = layoutInlines([], inner, BODY);
  const first = rows[0]!;
  const ops: DrawOp[] = [];
  if (withBox)
    ops.push(
      box(
        frame.x,
        xMiddle(first.baseline) - ENTRY_BOX.height / 2,
        ENTRY_BOX.width,
        ENTRY_BOX.height,
      ),
    );
  ops.push(
    asLabel({
      op: 'text',
      x: frame.x + (withBox ? ENTRY_BOX.width + ENTRY_BOX_GAP : 0),
      y: first.baseline,
      text: label,
      font: 'sans',
      size: TEXT.size,
      color: COLOR.text,
    }),
  );
  rows[0] = { ...first, ops: [...ops, ...first.ops] };
  return rows;
}

/**
 * "☐ True" over "☐ False": always in this order, in every version, one
 * under the other as a choice's options are (side by side, text extraction
 * reads the False of consecutive questions as a column of its own).
 */
export function trueFalseRows(frame: Frame): LayoutRow[] {
  const height = TEXT.lineHeight;
  const baseline = baselineFor(height, TEXT.size);
  return ['True', 'False'].map(
    (label, index): LayoutRow => ({
      spaceBefore: index === 0 ? 7 : 4,
      height,
      baseline,
      ops: [
        box(frame.x, xMiddle(baseline) - TICK / 2, TICK, TICK),
        {
          op: 'text',
          x: frame.x + TICK_TEXT,
          y: baseline,
          text: label,
          font: 'sans',
          size: TEXT.size,
          color: COLOR.text,
        },
      ],
      breakAfter: index === 0 ? 'never' : 'block',
    }),
  );
}

/** A box to write an answer in, `width` wide (at most the column), the unit printed after it. */
export function answerBoxRow(frame: Frame, width: number, unit: string | null): LayoutRow {
  const unitWidth = unit ? textWidth(unit, 'sans', TEXT.size) + 6 : 0;
  const boxWidth = Math.min(width, frame.width - unitWidth);
  const height = ANSWER_BOX_HEIGHT;
  const baseline = baselineFor(height, TEXT.size);
  const ops: DrawOp[] = [box(frame.x, 0, boxWidth, height)];
  if (unit)
    ops.push({
      op: 'text',
      x: frame.x + boxWidth + 6,
      y: baseline,
      text: unit,
      font: 'sans',
      size: TEXT.size,
      color: COLOR.text,
    });
  return { spaceBefore: 7, height, baseline, ops, breakAfter: 'block' };
}
