import { gapOps } from './cloze-gap.js';
import { FONT_ASCENT, FONT_DESCENT } from './fonts.js';
import type { Fragment } from './inline-runs.js';
import type { BreakAfter, DrawOp, LayoutRow } from './layout-model.js';
import { breakLines, type TextLine } from './line-break.js';
import { COLOR } from './theme.js';

/** A horizontal slice of the text column that content is laid out in. */
export interface Frame {
  x: number;
  width: number;
}

/** Centres the ink of a line in its line box and returns the baseline. */
export function baselineFor(lineHeight: number, size: number): number {
  return (lineHeight - (FONT_ASCENT + FONT_DESCENT) * size) / 2 + FONT_ASCENT * size;
}

/** Draw operations of one measured line, placed at `x` with its baseline at `baseline`. */
export function lineOps(line: TextLine, x: number, baseline: number): DrawOp[] {
  const ops: DrawOp[] = [];
  for (const run of line.runs) {
    const { style } = run;
    const left = x + run.x;
    if (run.gap) {
      ops.push(...gapOps(run.gap, left, run.width, baseline));
      continue;
    }
    if (run.box) {
      ops.push(...run.box.draw(left, baseline, run.width));
      continue;
    }
    // Sub- and superscripts sit below or above the line's baseline.
    const y = baseline - style.rise;
    if (style.background)
      ops.push({
        op: 'rect',
        x: left - 1.5,
        y: y - FONT_ASCENT * style.size - 0.5,
        width: run.width + 3,
        height: (FONT_ASCENT + FONT_DESCENT) * style.size + 1,
        fill: style.background,
        // A key (<kbd>) is framed.
        stroke: style.boxed ? COLOR.rule : null,
      });
    ops.push({
      op: 'text',
      x: left,
      y,
      text: run.text,
      font: style.font,
      size: style.size,
      color: style.color,
    });
    if (style.underline || style.strike) {
      const lineY = style.underline ? y + 0.12 * style.size : y - 0.3 * style.size;
      ops.push({
        op: 'line',
        x1: left,
        y1: lineY,
        x2: left + run.width,
        y2: lineY,
        color: style.color,
        width: 0.5,
      });
    }
    if (style.link)
      ops.push({
        op: 'link',
        x: left,
        y: y - FONT_ASCENT * style.size,
        width: run.width,
        height: (FONT_ASCENT + FONT_DESCENT) * style.size,
        url: style.link,
      });
  }
  return ops;
}

/**
 * Rows of wrapped text, one per line. The last row may break as a block
 * boundary; the ones before it only as line boundaries.
 */
export function textRows(
  fragments: readonly Fragment[],
  frame: Frame,
  lineHeight: number,
  baseSize: number,
  last: BreakAfter = 'block',
): LayoutRow[] {
  const lines = breakLines(fragments, frame.width);
  return lines.map((line, index): LayoutRow => {
    const size = Math.max(baseSize, line.size);
    const textHeight = Math.max(lineHeight, (lineHeight / baseSize) * size);
    const textBaseline = baselineFor(textHeight, size);
    // Inline boxes taller or deeper than the text (a fraction, an icon) open the line up.
    const above = Math.max(0, line.boxAscent - textBaseline);
    const below = Math.max(0, line.boxDescent - (textHeight - textBaseline));
    const height = textHeight + above + below;
    const baseline = textBaseline + above;
    return {
      spaceBefore: 0,
      height,
      baseline,
      // Right-to-left paragraphs are set flush right.
      ops: lineOps(line, line.rtl ? frame.x + frame.width - line.width : frame.x, baseline),
      breakAfter: index === lines.length - 1 ? last : 'line',
    };
  });
}
