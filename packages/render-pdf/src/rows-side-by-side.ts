import { assertNever } from '@quizmark/model';
import type { DrawOp, LayoutRow } from './layout-model.js';

// Columns (matching's left and right entries) are laid out apart, then
// joined line by line: each pair of entries becomes one row, so a page never
// breaks between an entry and the one beside it.

/** One row holding every column's rows, each column stacked from the top. */
export function sideBySide(columns: readonly (readonly LayoutRow[])[]): LayoutRow {
  const ops: DrawOp[] = [];
  let height = 0;
  let baseline: number | null = null;
  for (const rows of columns) {
    let y = 0;
    rows.forEach((row, index) => {
      if (index > 0) y += row.spaceBefore;
      baseline ??= y + row.baseline;
      // The row's element goes with its operations.
      ops.push(
        ...row.ops.map((op) => shifted(op.tag || !row.tag ? op : { ...op, tag: row.tag }, y)),
      );
      y += row.height;
    });
    height = Math.max(height, y);
  }
  return { spaceBefore: 0, height, baseline: baseline ?? height, ops, breakAfter: 'line' };
}

/** An operation moved down by `dy`. Bleeds are dropped: the row above is another column's. */
function shifted(op: DrawOp, dy: number): DrawOp {
  switch (op.op) {
    case 'text':
    case 'circle':
    case 'image':
    case 'svg':
    case 'hiddenText':
    case 'link':
      return { ...op, y: op.y + dy };
    case 'rect': {
      const { bleed: _bleed, ...rect } = op;
      return { ...rect, y: op.y + dy };
    }
    case 'line':
      return { ...op, y1: op.y1 + dy, y2: op.y2 + dy };
    default:
      return assertNever(op, 'draw operation');
  }
}
