import { coverFieldRows } from './cover-fields.js';
import {
  type DrawOp,
  type LayoutGroup,
  type LayoutPage,
  type LayoutRow,
  makeGroup,
  type PageGeometry,
  rowsHeight,
} from './layout-model.js';
import { spaced } from './layout-question.js';
import { layoutInlines } from './layout-rich-text.js';
import type { Paper } from './options.js';
import { pageGeometry } from './paper.js';
import type { QuizPlan } from './plan-versions.js';
import { elsewhereSentence, type SheetQuestion, sheetContent } from './sheet-questions.js';
import { asLabel, structNode, tagged } from './struct-tags.js';
import { BODY, NOTE, SMALL, TITLE } from './text-styles.js';
import { textWidth } from './text-width.js';
import { COLOR, TEXT } from './theme.js';

// The answer sheet and the key's marking overlay come from this one layout,
// so every bubble of the overlay lies on its bubble of the sheet: the same
// header height on both (the taller of the two, the other padded), the same
// rows and columns. Each page is one group placed at the top of its page.

/** The student's sheet (outlined bubbles, write-on fields) or the teacher's overlay (correct bubbles filled). */
export type SheetMode = 'sheet' | 'overlay';

export interface SheetBubble {
  /** Page of the sheet (or of the overlay), from 1. */
  page: number;
  number: number;
  letter: string;
  correct: boolean;
  /** Centre, in points from the page's top left corner. */
  x: number;
  y: number;
  radius: number;
}

export interface SheetLayout {
  page: PageGeometry;
  groups: LayoutGroup[];
  /** One page per group, placed at the top of the text column. */
  pages: LayoutPage[];
  bubbles: SheetBubble[];
  /** Numbers of the questions answered on the quiz paper. */
  elsewhere: number[];
}

const RADIUS = 6;
/** From one bubble's centre to the next. */
const PITCH = 17;
const ROW_HEIGHT = 18;
const COLUMN_GAP = 22;
/** Between the number and the first bubble. */
const NUMBER_GAP = 7;
const LETTER_SIZE = 7;
/** Under the header's rule, before the first row. */
const BODY_GAP = 12;
const FILL = COLOR.text;

export const SHEET_INSTRUCTION =
  "Fill one bubble per question; for 'select all that apply' fill every correct one.";

/**
 * The pages of one version's answer sheet or marking overlay; null when the
 * version has no choice or true/false question. Rows run down each column,
 * then to the next column and page, numbered as in the quiz.
 */
export function layoutSheet(
  plan: QuizPlan,
  mode: SheetMode,
  { paper, fields }: { paper: Paper; fields: readonly string[] },
): SheetLayout | null {
  const page = pageGeometry(paper);
  const width = page.contentWidth;
  const { questions, elsewhere } = sheetContent(plan);
  if (questions.length === 0) return null;

  const grid = gridOf(questions, width);
  const firstHeaders = {
    sheet: firstHeader(plan, 'sheet', fields, elsewhere, width),
    overlay: firstHeader(plan, 'overlay', fields, elsewhere, width),
  };
  const laterHeaders = {
    sheet: laterHeader(plan, 'sheet', fields, width),
    overlay: laterHeader(plan, 'overlay', fields, width),
  };
  const groups: LayoutGroup[] = [];
  const pages: LayoutPage[] = [];
  const bubbles: SheetBubble[] = [];
  let next = 0;
  while (next < questions.length) {
    const first = next === 0;
    const headers = first ? firstHeaders : laterHeaders;
    const header = padded(headers[mode], headers.sheet, headers.overlay);
    const top = rowsHeight(header) + BODY_GAP;
    const fit = Math.floor((page.contentHeight - top) / ROW_HEIGHT);
    if (fit < 1) throw new Error('The answer sheet header leaves no room for a row');
    const onPage = questions.slice(next, next + fit * grid.columns);
    // A page the rows do not fill uses as few columns as they need, of even length.
    const columns = Math.ceil(onPage.length / fit);
    const perColumn = Math.ceil(onPage.length / columns);
    const body = bodyRow(onPage, perColumn, grid, mode);
    const index = groups.length;
    groups.push(
      makeGroup({
        kind: 'sheet',
        id: `sheet-${index + 1}`,
        number: null,
        label: mode === 'sheet' ? 'Answer sheet' : 'Marking overlay',
        ...(first ? { bookmark: mode === 'sheet' ? 'Answer sheet' : 'Marking overlay' } : {}),
        spaceBefore: 0,
        keepWithNext: false,
        breakBefore: true,
        rows: [...header, { ...body.row, spaceBefore: BODY_GAP }],
      }),
    );
    pages.push({
      placements: [{ group: index, from: 0, to: header.length + 1, y: 0, continued: false }],
    });
    for (const bubble of body.bubbles)
      bubbles.push({
        ...bubble,
        page: index + 1,
        x: page.margin.left + bubble.x,
        y: page.margin.top + top + bubble.y,
      });
    next += onPage.length;
  }
  return { page, groups, pages, bubbles, elsewhere };
}

interface Grid {
  columns: number;
  /** Left edge of each column. */
  starts: number[];
  /** Room for the widest number, right-aligned. */
  numberWidth: number;
  pitch: number;
}

/** As many columns as the widest row allows, spread over the width. */
function gridOf(questions: readonly SheetQuestion[], width: number): Grid {
  const numberWidth = Math.max(
    ...questions.map((question) => textWidth(`${question.number}`, 'sans-bold', TEXT.size)),
  );
  const most = Math.max(...questions.map((question) => question.letters.length));
  // A question with very many options narrows the bubbles' spacing to fit the width.
  const pitch = Math.min(PITCH, (width - numberWidth - NUMBER_GAP) / most);
  const columnWidth = numberWidth + NUMBER_GAP + most * pitch;
  const columns = Math.max(
    1,
    Math.min(questions.length, Math.floor((width + COLUMN_GAP) / (columnWidth + COLUMN_GAP))),
  );
  const stride =
    columns > 1 ? Math.min((width - columnWidth) / (columns - 1), columnWidth * 1.6) : 0;
  return {
    columns,
    starts: Array.from({ length: columns }, (_, column) => column * stride),
    numberWidth,
    pitch,
  };
}

/**
 * Every bubble row of a page in one layout row, column by column, so that
 * reading order (and the structure tree, an L of one LI per question) goes
 * down each column. Bubbles are artifacts; their letters are text.
 */
function bodyRow(
  questions: readonly SheetQuestion[],
  perColumn: number,
  grid: Grid,
  mode: SheetMode,
): { row: LayoutRow; bubbles: Omit<SheetBubble, 'page'>[] } {
  const list = structNode('L');
  const ops: DrawOp[] = [];
  const bubbles: Omit<SheetBubble, 'page'>[] = [];
  const radius = Math.min(RADIUS, grid.pitch / 2 - 1);
  questions.forEach((question, index) => {
    const column = Math.floor(index / perColumn);
    const middle = (index % perColumn) * ROW_HEIGHT + ROW_HEIGHT / 2;
    const baseline = middle + TEXT.size * 0.36;
    const item = structNode('LI', list);
    const body = structNode('LBody', item);
    const label = `${question.number}`;
    const left = grid.starts[column]!;
    const number = asLabel({
      op: 'text',
      x: left + grid.numberWidth - textWidth(label, 'sans-bold', TEXT.size),
      y: baseline,
      text: label,
      font: 'sans-bold',
      size: TEXT.size,
      color: COLOR.text,
    });
    if (number.tag) number.tag.parent = item;
    ops.push(number);
    question.letters.forEach((letter, at) => {
      const x = left + grid.numberWidth + NUMBER_GAP + at * grid.pitch + grid.pitch / 2;
      const filled = mode === 'overlay' && question.correct[at] === true;
      ops.push(
        filled
          ? { op: 'circle', x, y: middle, radius, stroke: FILL, fill: FILL }
          : { op: 'circle', x, y: middle, radius, stroke: COLOR.text },
        {
          op: 'text',
          x: x - textWidth(letter, 'sans', LETTER_SIZE) / 2,
          y: middle + LETTER_SIZE * 0.36,
          text: letter,
          font: 'sans',
          size: LETTER_SIZE,
          // On a filled bubble the letter is cut out of the ink.
          color: filled ? '#ffffff' : COLOR.muted,
          tag: body,
        },
      );
      bubbles.push({
        number: question.number,
        letter,
        correct: question.correct[at] === true,
        x,
        y: middle,
        radius,
      });
    });
  });
  const height = Math.min(questions.length, perColumn) * ROW_HEIGHT;
  return {
    row: { spaceBefore: 0, height, baseline: 0, ops, breakAfter: 'never', tag: list },
    bubbles,
  };
}

function versionLabel(plan: QuizPlan): string {
  return plan.version ? ` · Version ${plan.version}` : '';
}

/** The first page's header: what the page is, the deck, the fields to fill in, how to answer. */
function firstHeader(
  plan: QuizPlan,
  mode: SheetMode,
  fields: readonly string[],
  elsewhere: readonly number[],
  width: number,
): LayoutRow[] {
  const full = { x: 0, width };
  const sheet = mode === 'sheet';
  const label = sheet
    ? `ANSWER SHEET${versionLabel(plan).toUpperCase()}`
    : `Marking overlay${versionLabel(plan)} — print on transparency or hold against the sheet`;
  // The sheet is a document of its own (the deck's title its H1); the overlay is a part of the key.
  const rows: LayoutRow[] = [
    ...layoutInlines(
      [{ text: label, style: { ...SMALL.run, font: 'sans-bold' } }],
      full,
      SMALL,
      sheet ? 'P' : 'H2',
    ),
    ...spaced(
      layoutInlines([{ text: plan.deck.title, style: TITLE.run }], full, TITLE, sheet ? 'H1' : 'P'),
      2,
    ),
  ];
  if (sheet) rows.push(...coverFieldRows(fields, width));
  rows.push(
    ...spaced(
      layoutInlines(
        [
          {
            text: sheet
              ? SHEET_INSTRUCTION
              : 'Filled bubbles are the correct answers; a question with several is select all that apply.',
            style: NOTE.run,
          },
        ],
        full,
        NOTE,
      ),
      10,
    ),
  );
  const note = elsewhereSentence(elsewhere);
  if (note) rows.push(...spaced(layoutInlines([{ text: note, style: BODY.run }], full, BODY), 3));
  rows.push(headerRule(width));
  return tagged(rows, structNode('Sect'));
}

/** Later pages: whose sheet it is, and on the sheet the first field again (the name), in case the pages come apart. */
function laterHeader(
  plan: QuizPlan,
  mode: SheetMode,
  fields: readonly string[],
  width: number,
): LayoutRow[] {
  const what = mode === 'sheet' ? 'Answer sheet' : 'Marking overlay';
  const again = mode === 'sheet' && fields[0] !== undefined ? [fields[0]] : [];
  return [
    ...layoutInlines(
      [
        {
          text: `${what}${versionLabel(plan)} (continued)`,
          style: { ...SMALL.run, font: 'sans-bold' },
        },
      ],
      { x: 0, width },
      SMALL,
    ),
    ...tagged(coverFieldRows(again, width), structNode('Sect')),
    headerRule(width),
  ];
}

function headerRule(width: number): LayoutRow {
  return {
    spaceBefore: 8,
    height: 1,
    baseline: 1,
    ops: [{ op: 'line', x1: 0, y1: 0.5, x2: width, y2: 0.5, color: COLOR.sectionRule, width: 1 }],
    breakAfter: 'block',
  };
}

/**
 * `rows` with room added above their closing rule to the height of the
 * taller header, so that both modes' rules and bubbles lie at one height.
 */
function padded(rows: LayoutRow[], ...headers: LayoutRow[][]): LayoutRow[] {
  const tallest = Math.max(...headers.map((header) => rowsHeight(header)));
  const missing = tallest - rowsHeight(rows);
  if (missing <= 0) return rows;
  const room: LayoutRow = {
    spaceBefore: 0,
    height: missing,
    baseline: 0,
    ops: [],
    breakAfter: 'never',
  };
  return [...rows.slice(0, -1), room, rows[rows.length - 1]!];
}
