import type { SvgImage } from '@quizmark/pdf-svg';
import type { FontName } from './fonts.js';
import type { StructNode } from './struct-tags.js';

// The layout model: what `layoutQuiz` measures and `paginate` places. All
// coordinates are points. x is measured from the left edge of the text
// column, y from the top of the row an operation belongs to.

export type DrawOp = DrawShape & {
  /** The structure element this operation's content belongs to, when not its row's (a label, an image in a line). */
  tag?: StructNode;
};

type DrawShape =
  | {
      op: 'text';
      x: number;
      /** Baseline. */
      y: number;
      text: string;
      font: FontName;
      size: number;
      color: string;
      /** What copying the text gives instead (a ruby's base and reading in reading order); '' for nothing. */
      actualText?: string;
    }
  | {
      op: 'rect';
      x: number;
      y: number;
      width: number;
      height: number;
      fill: string | null;
      stroke: string | null;
      /** Extend up through the row's space before it, when that space is kept (quote bars, code boxes). */
      bleed?: boolean;
      /** Dash length of the outline; solid when absent. */
      dash?: number;
    }
  | {
      op: 'line';
      x1: number;
      y1: number;
      x2: number;
      y2: number;
      color: string;
      width: number;
      dash?: number;
    }
  /** `fill`: a filled bubble (the key's marking overlay). */
  | { op: 'circle'; x: number; y: number; radius: number; stroke: string; fill?: string }
  | { op: 'image'; x: number; y: number; width: number; height: number; url: string }
  /** SVG drawn as vectors into the box (an image, or math); `color` is its currentColor. */
  | {
      op: 'svg';
      x: number;
      y: number;
      width: number;
      height: number;
      svg: SvgImage;
      color: string;
    }
  /**
   * Text that is not seen but read (render mode 3): an image's alt text, the
   * TeX of math. Stretched to `width` so copy and search find it where the
   * thing it stands for is.
   */
  | { op: 'hiddenText'; x: number; y: number; width: number; text: string; size: number }
  | { op: 'link'; x: number; y: number; width: number; height: number; url: string };

/** Where a page may break after a row: between blocks, between lines of a block, or not at all. */
export type BreakAfter = 'block' | 'line' | 'never';

/** The smallest unit a page holds: one line of text, one code line, one image. */
export interface LayoutRow {
  /** Space above the row, dropped when the row starts a page. */
  spaceBefore: number;
  height: number;
  /** Baseline of the row's first text line, for markers drawn beside it (numbers, bullets). */
  baseline: number;
  ops: DrawOp[];
  breakAfter: BreakAfter;
  /** The structure element the row's content belongs to (see struct-tags.ts). */
  tag?: StructNode;
}

/** A unit kept on one page whenever it fits: the header, a section heading, a question, an answer. */
export interface LayoutGroup {
  kind: 'header' | 'section' | 'question' | 'answers' | 'sheet';
  /** Question id, section id, or the kind for the others. */
  id: string;
  /** The printed question number; null for the other kinds. */
  number: number | null;
  /** Shown as "<label> (continued)" when the group carries on to another page. */
  label: string;
  /** Its bookmark in the PDF's outline, when it has one: a section's title, a question's number and title. */
  bookmark?: string;
  /** Space above the group, dropped at the top of a page. */
  spaceBefore: number;
  /** Never end a page with this group (a section heading stays with its first question). */
  keepWithNext: boolean;
  /** Start this group on a new page (`break=page`, the key's marking overlay). */
  breakBefore?: boolean;
  rows: LayoutRow[];
  /** Sum of row heights and the space between rows (not the group's own spaceBefore). */
  height: number;
}

export interface PageGeometry {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  contentWidth: number;
  contentHeight: number;
}

export interface QuizLayout {
  kind: 'quiz' | 'key' | 'sheet';
  page: PageGeometry;
  groups: LayoutGroup[];
}

/** Rows `from` (inclusive) to `to` (exclusive) of one group, placed at `y` on a page. */
export interface Placement {
  group: number;
  from: number;
  to: number;
  /** Top of the first placed row, from the top of the text column. */
  y: number;
  /** True when this piece carries on a group begun on an earlier page. */
  continued: boolean;
}

export interface LayoutPage {
  placements: Placement[];
}

/** Height of rows[from..to) when placed together: inner spacing counts, the first row's does not. */
export function rowsHeight(rows: readonly LayoutRow[], from = 0, to = rows.length): number {
  let height = 0;
  for (let index = from; index < to; index++) {
    const row = rows[index]!;
    height += row.height + (index === from ? 0 : row.spaceBefore);
  }
  return height;
}

export function makeGroup(
  fields: Omit<LayoutGroup, 'height' | 'rows'> & { rows: LayoutRow[] },
): LayoutGroup {
  return { ...fields, height: rowsHeight(fields.rows) };
}
