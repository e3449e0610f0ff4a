import { type AnswerStyle, assertNever, type Item, toPlainText } from '@quizmark/model';
import type { DrawOp, LayoutRow } from './layout-model.js';
import type { Frame } from './text-rows.js';
import { COLOR, SPACE } from './theme.js';

// The room students write in below a question: ruled lines, a blank box or
// a squared grid, as much as the item asks (`lines=`, `space=`) or its type
// needs. Every row of it refuses a page break, so it stays with its question.

/** Millimetres to PDF points. */
export const MM = 72 / 25.4;
/** The tallest answer space, as a share of the text column: room stays for its question. */
export const MAX_SPACE_SHARE = 0.75;
/** The squares of a grid: 5 mm, as on squared paper. */
export const GRID_CELL = 5 * MM;

/**
 * Ruled lines a question gets when the deck says nothing: flashcards by the
 * length of their answer, practice problems (solution steps) more, explain
 * prompts by the points a full answer makes; 0 for the types that carry
 * their own marks (tick boxes, answer boxes, gaps).
 */
export function defaultLines(item: Item): number {
  switch (item.type) {
    case 'flashcard': {
      const lines = Math.max(2, Math.min(5, Math.ceil(toPlainText(item.back).length / 90)));
      return item.steps.length > 0 ? Math.min(12, Math.max(lines, 4) + item.steps.length) : lines;
    }
    case 'explain':
      return Math.min(16, 3 + 2 * item.concepts.length);
    case 'choice':
    case 'truefalse':
    case 'numeric':
    case 'short':
    case 'cloze':
    case 'matching':
    case 'ordering':
      return 0;
    default:
      return assertNever(item, 'item');
  }
}

export interface SpaceSize {
  style: AnswerStyle;
  /** Height in points; 0 for none. */
  height: number;
  /** Ruled lines, for the 'lines' style. */
  lines: number;
}

/** The height an item asks for, in points, before any limit. */
export function wantedHeight(item: Item): number {
  const { lines, height } = item.answerSpace;
  // A style alone keeps the type's amount: none for types with their own marks.
  return height !== null ? height * MM : (lines ?? defaultLines(item)) * SPACE.answerLine;
}

/** How much room an item gets, and in which style. `maxHeight` keeps it on one page with its question. */
export function spaceSize(item: Item, maxHeight: number): SpaceSize {
  const kind = item.answerSpace.style ?? 'lines';
  const points = Math.min(wantedHeight(item), maxHeight);
  if (kind === 'lines') {
    const count = Math.floor(points / SPACE.answerLine + 0.5);
    return { style: kind, height: count * SPACE.answerLine, lines: count };
  }
  return { style: kind, height: points, lines: 0 };
}

/**
 * The answer space's rows, appended to a question's rows: the question's last
 * row and every row of the space but the last may not end a page.
 */
export function withAnswerSpace(rows: LayoutRow[], size: SpaceSize, frame: Frame): LayoutRow[] {
  if (size.height <= 0) return rows;
  const space = size.style === 'lines' ? ruledLines(frame, size.lines) : [boxRow(frame, size)];
  const last = rows[rows.length - 1];
  if (last) rows[rows.length - 1] = { ...last, breakAfter: 'never' };
  rows.push(...space);
  return rows;
}

function ruledLines(frame: Frame, count: number): LayoutRow[] {
  const y = SPACE.answerLine - 4;
  return Array.from(
    { length: count },
    (_, index): LayoutRow => ({
      spaceBefore: index === 0 ? 2 : 0,
      height: SPACE.answerLine,
      baseline: y,
      ops: [
        {
          op: 'line',
          x1: frame.x,
          y1: y,
          x2: frame.x + frame.width,
          y2: y,
          color: COLOR.rule,
          width: 0.5,
        },
      ],
      breakAfter: index === count - 1 ? 'block' : 'never',
    }),
  );
}

/** A blank box, or a box squared in light grey: one row, so nothing can split it. */
function boxRow(frame: Frame, size: SpaceSize): LayoutRow {
  const { height } = size;
  const ops: DrawOp[] = [];
  if (size.style === 'grid') {
    for (let x = GRID_CELL; x < frame.width - 0.5; x += GRID_CELL)
      ops.push(gridLine(frame.x + x, 0, frame.x + x, height));
    for (let y = GRID_CELL; y < height - 0.5; y += GRID_CELL)
      ops.push(gridLine(frame.x, y, frame.x + frame.width, y));
  }
  ops.push({
    op: 'rect',
    x: frame.x,
    y: 0,
    width: frame.width,
    height,
    fill: null,
    stroke: size.style === 'grid' ? COLOR.rule : COLOR.text,
  });
  return { spaceBefore: 6, height, baseline: 0, ops, breakAfter: 'block' };
}

function gridLine(x1: number, y1: number, x2: number, y2: number): DrawOp {
  return { op: 'line', x1, y1, x2, y2, color: COLOR.faint, width: 0.4 };
}
