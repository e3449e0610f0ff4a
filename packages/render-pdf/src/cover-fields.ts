import type { DrawOp, LayoutRow } from './layout-model.js';
import { structNode } from './struct-tags.js';
import { baselineFor } from './text-rows.js';
import { textWidth } from './text-width.js';
import { COLOR, TEXT } from './theme.js';

// The cover's write-on fields: "Name ____ Date ____ Score ____", as many rows
// as the fields need.

const ROW_HEIGHT = 26;
/** Between a label and its line, and after a field's line. */
const LABEL_GAP = 5;
const FIELD_GAP = 14;
/** The shortest line a student can write on. */
const MIN_LINE = 110;
/** The shares of the default fields: a long line for the name. */
const DEFAULT_SHARES: Readonly<Record<string, number>> = { Name: 0.52, Date: 0.24, Score: 0.24 };

/** One row per run of fields that fit the width side by side, each row stretched to the width. */
export function coverFieldRows(fields: readonly string[], width: number): LayoutRow[] {
  if (fields.length === 0) return [];
  const needs = fields.map(
    (name) => textWidth(name, 'sans-bold', TEXT.size) + LABEL_GAP + MIN_LINE + FIELD_GAP,
  );
  const lines = balancedRows(needs, width);
  const tag = structNode('P');
  return lines.map((line, row) => {
    const names = line.map((index) => fields[index]!);
    const defaults =
      names.length === 3 && names.every((name, at) => name === Object.keys(DEFAULT_SHARES)[at]);
    const need = line.reduce((sum, index) => sum + needs[index]!, 0);
    // Each field gets what it needs and an even share of the rest.
    const spans = line.map((index, at) =>
      defaults ? width * DEFAULT_SHARES[names[at]!]! : needs[index]! + (width - need) / line.length,
    );
    return fieldRow(names, spans, row === 0 ? 12 : 2, tag);
  });
}

function fieldRow(
  names: readonly string[],
  spans: readonly number[],
  spaceBefore: number,
  tag: ReturnType<typeof structNode>,
): LayoutRow {
  const baseline = baselineFor(ROW_HEIGHT, TEXT.size) + 4;
  const ops: DrawOp[] = [];
  let x = 0;
  names.forEach((name, index) => {
    const span = spans[index]!;
    const labelWidth = textWidth(name, 'sans-bold', TEXT.size);
    ops.push(
      {
        op: 'text',
        x,
        y: baseline,
        text: name,
        font: 'sans-bold',
        size: TEXT.size,
        color: COLOR.text,
      },
      {
        op: 'line',
        x1: x + labelWidth + LABEL_GAP,
        y1: baseline + 2,
        x2: x + span - FIELD_GAP,
        y2: baseline + 2,
        color: COLOR.text,
        width: 0.6,
      },
    );
    x += span;
  });
  return { spaceBefore, height: ROW_HEIGHT, baseline, ops, breakAfter: 'never', tag };
}

/** Fields in as few rows as fit (at most three a row), spread evenly: four fields are two rows of two. */
function balancedRows(needs: readonly number[], width: number): number[][] {
  for (let count = Math.ceil(needs.length / 3); count < needs.length; count++) {
    const perRow = Math.ceil(needs.length / count);
    const rows = Array.from({ length: count }, (_, row) =>
      needs.map((_, index) => index).slice(row * perRow, (row + 1) * perRow),
    ).filter((row) => row.length > 0);
    if (rows.every((row) => row.reduce((sum, index) => sum + needs[index]!, 0) <= width))
      return rows;
  }
  return needs.map((_, index) => [index]);
}
