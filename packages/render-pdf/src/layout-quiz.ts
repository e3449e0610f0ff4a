import type { Asset, Block, Item, RichText, ScoringRule } from '@quizmark/model';
import { coverFieldRows } from './cover-fields.js';
import { correctLetters } from './key-answer-rows.js';
import { layoutAnswer } from './layout-answer.js';
import {
  type DrawOp,
  type LayoutGroup,
  type LayoutRow,
  makeGroup,
  type QuizLayout,
} from './layout-model.js';
import { layoutQuestion, spaced } from './layout-question.js';
import { layoutBlocks, layoutInlines, type RichContext } from './layout-rich-text.js';
import { type Paper, type ResolvedPdfOptions, resolveOptions } from './options.js';
import { pageGeometry } from './paper.js';
import type { QuizPlan } from './plan-versions.js';
import {
  type PartKind,
  partKind,
  pointsLabel,
  questionPoints,
  scoringExplanations,
  scoringOf,
  totalPoints,
} from './points.js';
import { listItem, structNode, tagged } from './struct-tags.js';
import { baselineFor } from './text-rows.js';
import { BODY, SECTION, SMALL, TITLE } from './text-styles.js';
import { textWidth } from './text-width.js';
import { COLOR, SPACE, TEXT } from './theme.js';
import { MAX_SPACE_SHARE } from './written-space.js';

export interface LayoutOptions {
  /** The student quiz or the teacher's answer key. */
  kind: 'quiz' | 'key';
  paper?: Paper;
  /** Local images of the deck, keyed by the URL written in the Markdown. */
  assets?: ReadonlyMap<string, Asset>;
  /** The renderer's options with their defaults (points, cover fields, key context…). */
  options?: ResolvedPdfOptions;
}

const NO_ASSETS: ReadonlyMap<string, Asset> = new Map();

/**
 * Measures a quiz or answer key into groups of rows (header, section
 * headings, one group per question), ready for `paginate`. Nothing is drawn:
 * the result is plain data, so pagination can be checked before any PDF exists.
 */
export function layoutQuiz(plan: QuizPlan, options: LayoutOptions): QuizLayout {
  const page = pageGeometry(options.paper ?? 'a4');
  const width = page.contentWidth;
  const resolved = options.options ?? resolveOptions(undefined);
  const context: RichContext = {
    assets: options.assets ?? NO_ASSETS,
    maxImageHeight: page.contentHeight * 0.45,
    // Only the key may show what a blank hides.
    blanks: options.kind === 'quiz' ? 'gaps' : 'answers',
    codeStyle: resolved.codeStyle,
  };
  const exam = {
    points: resolved,
    // A question's answer space leaves room on its page for the question.
    maxSpace: page.contentHeight * MAX_SPACE_SHARE,
    keyContext: resolved.keyContext,
  };
  // The gutter fits the longest number: "9." and "10000." both clear the text.
  const gutter = Math.max(
    SPACE.gutter,
    textWidth(`${plan.questionCount}.`, 'sans-bold', TEXT.size) + 8,
  );
  const groups: LayoutGroup[] = [layoutHeader(plan, options.kind, width, context, resolved)];
  if (options.kind === 'key') {
    const glance = layoutGlance(plan, width);
    if (glance) groups.push(glance);
  }
  for (const { section, questions } of plan.sections) {
    // Document > Sect (H2, description, L of questions: LI > Lbl number, LBody).
    const sect = structNode('Sect');
    const list = structNode('L', sect);
    const rows = layoutInlines(
      [{ text: section.title, style: SECTION.run }],
      { x: 0, width },
      SECTION,
      'H2',
    );
    underline(rows, width);
    const total = totalPoints(
      questions.map((question) => question.item),
      resolved,
    );
    if (total !== null)
      rows.push(
        ...spaced(
          layoutInlines(
            [{ text: `Section total: ${pointsLabel(total)}`, style: SMALL.run }],
            { x: 0, width },
            SMALL,
          ),
          3,
        ),
      );
    if (section.description)
      rows.push(
        ...spaced(layoutBlocks(section.description.children, { x: 0, width }, BODY, context), 6),
      );
    groups.push(
      makeGroup({
        kind: 'section',
        id: section.id,
        number: null,
        label: section.title,
        bookmark: section.title,
        spaceBefore: SPACE.section,
        keepWithNext: true,
        // `break=page` on the section, or on its first question (the heading goes with it).
        breakBefore: section.pageBreak || questions[0]?.item.pageBreak === true,
        rows: tagged(rows, sect),
      }),
    );
    questions.forEach((question, index) => {
      const rows = listItem(
        options.kind === 'quiz'
          ? layoutQuestion(question, width, gutter, context, exam)
          : layoutAnswer(question, width, gutter, context, exam),
        list,
      );
      groups.push(
        makeGroup({
          kind: 'question',
          id: question.item.id,
          number: question.number,
          label: `Question ${question.number}`,
          bookmark: `${question.number}. ${question.item.title}`,
          spaceBefore: index === 0 ? 8 : SPACE.question,
          keepWithNext: false,
          breakBefore: index > 0 && question.item.pageBreak,
          rows,
        }),
      );
    });
  }
  return { kind: options.kind, page, groups };
}

function layoutHeader(
  plan: QuizPlan,
  kind: 'quiz' | 'key',
  width: number,
  context: RichContext,
  options: ResolvedPdfOptions,
): LayoutGroup {
  const { deck } = plan;
  const full = { x: 0, width };
  const label = `${kind === 'quiz' ? 'Quiz' : 'Answer key'}${plan.version ? ` · Version ${plan.version}` : ''}`;
  const rows: LayoutRow[] = [
    ...layoutInlines(
      [{ text: label.toUpperCase(), style: { ...SMALL.run, font: 'sans-bold' } }],
      full,
      SMALL,
    ),
    ...spaced(layoutInlines([{ text: deck.title, style: TITLE.run }], full, TITLE, 'H1'), 2),
  ];
  // What students read before they start; the key has no use for it.
  if (kind === 'quiz') rows.push(...instructionRows(deck.instructions, options, width, context));
  const items = plan.sections.flatMap((section) => section.questions.map((q) => q.item));
  const count = plan.questionCount;
  const total = totalPoints(items, options);
  const meta = [
    deck.topic ? `Topic: ${deck.topic}` : null,
    deck.duration ? `Duration: ${deck.duration}` : null,
    `${count} question${count === 1 ? '' : 's'}`,
    total !== null ? `Total: ${pointsLabel(total)}` : null,
  ].filter((part): part is string => part !== null);
  rows.push(
    ...spaced(
      layoutInlines(
        [{ text: meta.join('\u2002·\u2002'), style: { ...BODY.run, color: COLOR.muted } }],
        full,
        BODY,
      ),
      3,
    ),
  );
  if (kind === 'quiz') rows.push(...coverFieldRows(deck.fields ?? options.fields, width));
  if (kind === 'key') rows.push(...scoringRows(items, options, width));
  rows.push({
    spaceBefore: 10,
    height: 1,
    baseline: 1,
    ops: [{ op: 'line', x1: 0, y1: 0.5, x2: width, y2: 0.5, color: COLOR.sectionRule, width: 1 }],
    breakAfter: 'block',
  });
  if (kind === 'quiz' && deck.description)
    rows.push(...spaced(layoutBlocks(deck.description.children, full, BODY, context), 10));
  return makeGroup({
    kind: 'header',
    id: 'header',
    number: null,
    label: deck.title,
    spaceBefore: 0,
    keepWithNext: true,
    rows,
  });
}

/**
 * "Instructions", then the options' plain text (blank lines part its
 * paragraphs), then the deck's own; nothing when neither says anything.
 */
function instructionRows(
  own: RichText | null,
  options: ResolvedPdfOptions,
  width: number,
  context: RichContext,
): LayoutRow[] {
  const full = { x: 0, width };
  const paragraphs = (options.instructions ?? '')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '');
  const blocks: Block[] = [
    ...paragraphs.map(
      (value): Block => ({ type: 'paragraph', children: [{ type: 'text', value }] }),
    ),
    ...(own?.children ?? []),
  ];
  if (blocks.length === 0) return [];
  const heading = layoutInlines(
    [{ text: 'Instructions', style: { ...BODY.run, font: 'sans-bold' } }],
    full,
    BODY,
    'H2',
  );
  heading[heading.length - 1] = { ...heading[heading.length - 1]!, breakAfter: 'never' };
  return [...spaced(heading, 8), ...spaced(layoutBlocks(blocks, full, BODY, context), 2)];
}

/** The key's scoring rules, spelled out once, when it holds questions of several parts with points. */
function scoringRows(
  items: readonly Item[],
  options: ResolvedPdfOptions,
  width: number,
): LayoutRow[] {
  const used: Array<{ rule: ScoringRule; kind: PartKind }> = [];
  for (const item of items) {
    const rule = scoringOf(item, options);
    const kind = partKind(item);
    if (rule && kind && questionPoints(item, options) !== null) used.push({ rule, kind });
  }
  return scoringExplanations(used).flatMap((line, index) =>
    spaced(
      layoutInlines([{ text: line, style: SMALL.run }], { x: 0, width }, SMALL),
      index === 0 ? 6 : 2,
    ),
  );
}

const GLANCE_LETTER_GAP = 4;
const GLANCE_COLUMN_GAP = 20;

/**
 * The answer grid's columns: each as wide as its widest cell, and as many as
 * fit the width, so one long "A, B, D" widens only its own column.
 * Returns the cells per row and the x of each column.
 */
export function glanceColumns(
  widths: readonly number[],
  width: number,
): { perRow: number; columns: number[] } {
  for (let perRow = widths.length; perRow > 1; perRow--) {
    const columns = columnStarts(widths, perRow);
    if (columns.end <= width) return { perRow, columns: columns.starts };
  }
  return { perRow: 1, columns: [0] };
}

function columnStarts(widths: readonly number[], perRow: number) {
  const widest = Array.from({ length: perRow }, () => 0);
  widths.forEach((cell, index) => {
    widest[index % perRow] = Math.max(widest[index % perRow]!, cell);
  });
  const starts: number[] = [];
  let x = 0;
  for (const column of widest) {
    starts.push(x);
    x += column + GLANCE_COLUMN_GAP;
  }
  return { starts, end: x - GLANCE_COLUMN_GAP };
}

/** The correct letters of every choice question (True or False for true/false) in a grid, for quick marking. */
function layoutGlance(plan: QuizPlan, width: number): LayoutGroup | null {
  const cells = plan.sections.flatMap((section) =>
    section.questions.flatMap((question) => {
      const { item } = question;
      const letters =
        item.type === 'truefalse' ? (item.answer ? 'True' : 'False') : correctLetters(question);
      return letters === null ? [] : [{ number: question.number, letters }];
    }),
  );
  if (cells.length === 0) return null;
  const { perRow, columns } = glanceColumns(
    cells.map(
      (cell) =>
        textWidth(`${cell.number}.`, 'sans', TEXT.size) +
        GLANCE_LETTER_GAP +
        textWidth(cell.letters, 'sans-bold', TEXT.size),
    ),
    width,
  );
  // A section of its own: its heading, then the grid as a table of number and letters.
  const sect = structNode('Sect');
  const table = structNode('Table', sect);
  const rows: LayoutRow[] = layoutInlines(
    [{ text: 'Choice answers at a glance', style: { ...BODY.run, font: 'sans-bold' } }],
    { x: 0, width },
    BODY,
    'H2',
  );
  rows[rows.length - 1] = { ...rows[rows.length - 1]!, breakAfter: 'never' };
  for (let start = 0; start < cells.length; start += perRow) {
    const height = TEXT.lineHeight + 2;
    const baseline = baselineFor(height, TEXT.size);
    const ops: DrawOp[] = [];
    const tableRow = structNode('TR', table);
    cells.slice(start, start + perRow).forEach((cell, index) => {
      const x = columns[index]!;
      const number = `${cell.number}.`;
      const tag = structNode('TD', tableRow);
      ops.push(
        {
          op: 'text',
          x,
          y: baseline,
          text: number,
          font: 'sans',
          size: TEXT.size,
          color: COLOR.muted,
          tag,
        },
        {
          op: 'text',
          x: x + textWidth(number, 'sans', TEXT.size) + GLANCE_LETTER_GAP,
          y: baseline,
          text: cell.letters,
          font: 'sans-bold',
          size: TEXT.size,
          color: COLOR.text,
          tag,
        },
      );
    });
    rows.push({
      spaceBefore: start === 0 ? 4 : 0,
      height,
      baseline,
      ops,
      breakAfter: 'line',
      tag: tableRow,
    });
  }
  return makeGroup({
    kind: 'answers',
    id: 'answers',
    number: null,
    label: 'Choice answers',
    bookmark: 'Choice answers at a glance',
    spaceBefore: SPACE.question,
    keepWithNext: false,
    rows: tagged(rows, sect),
  });
}

/** A rule under the last row of a heading. */
function underline(rows: LayoutRow[], width: number): void {
  const last = rows[rows.length - 1]!;
  rows[rows.length - 1] = {
    ...last,
    height: last.height + 4,
    ops: [
      ...last.ops,
      {
        op: 'line',
        x1: 0,
        y1: last.height + 3,
        x2: width,
        y2: last.height + 3,
        color: COLOR.sectionRule,
        width: 0.75,
      },
    ],
  };
}
