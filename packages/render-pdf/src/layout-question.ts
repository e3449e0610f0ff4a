import {
  assertNever,
  type Block,
  type Item,
  type Option,
  optionLetter,
  type RichText,
} from '@quizmark/model';
import { answerBoxRow, entryIndent, entryRows, trueFalseRows } from './answer-space.js';
import { matchingRows } from './layout-matching.js';
import type { DrawOp, LayoutRow } from './layout-model.js';
import { layoutBlocks, layoutInlines, type RichContext } from './layout-rich-text.js';
import type { PlannedQuestion } from './plan-versions.js';
import { type PointsOptions, pointsLabel, questionPoints } from './points.js';
import { asLabel, listItem, structNode } from './struct-tags.js';
import type { Frame } from './text-rows.js';
import { BODY, NOTE, SMALL } from './text-styles.js';
import { textWidth } from './text-width.js';
import { COLOR, SPACE, TEXT } from './theme.js';
import { spaceSize, withAnswerSpace } from './written-space.js';

/** Where the option letter and text start, right of the answer box. */
const OPTION_LETTER = 14;
const OPTION_TEXT = 30;
const BOX = 8.5;

/** Answer boxes: a number with its unit, a word or two. */
const NUMERIC_BOX = 140;
const SHORT_BOX = 260;
/** Between a question's text and its points on the right. */
const POINTS_GAP = 12;

/** What an exam adds to a question: its points, and how tall its answer space may be. */
export interface ExamLayout {
  points?: PointsOptions;
  /** The tallest answer space, so a question and its space fit one page. */
  maxSpace: number;
}

/**
 * The rows of a question as students see it: no answers, no feedback, no
 * solution, only an explain prompt's hint.
 */
export function layoutQuestion(
  question: PlannedQuestion,
  width: number,
  /** Room for the question number left of the text. */
  gutter: number,
  context: RichContext,
  exam: ExamLayout,
): LayoutRow[] {
  const { item } = question;
  const frame = { x: gutter, width: width - gutter };
  const rows = withPoints(questionPoints(item, exam.points), width, (right) =>
    withNumber(question.number, questionRows(item, frame, right, context)),
  );
  switch (item.type) {
    case 'choice': {
      if (item.multiple) rows.push(...note('Select all that apply.', frame));
      const list = structNode('L');
      question.options.forEach((option, index) => {
        rows.push(
          ...spaced(
            listItem(optionRows(option, optionLetter(index), item.multiple, frame, context), list),
            index === 0 ? 7 : 4,
          ),
        );
      });
      break;
    }
    case 'truefalse':
      rows.push(...trueFalseRows(frame));
      break;
    case 'numeric':
      rows.push(answerBoxRow(frame, NUMERIC_BOX, item.answer.unit));
      break;
    case 'short':
      rows.push(answerBoxRow(frame, SHORT_BOX, null));
      break;
    case 'cloze':
      rows.push(...note('Write the missing words on the numbered lines.', frame));
      break;
    case 'matching':
      rows.push(
        ...note(
          item.distractors.length > 0
            ? 'Write the letter of its match in each box; not every letter is used.'
            : 'Write the letter of its match in each box.',
          frame,
        ),
        ...matchingRows(item, question.matches, frame, context),
      );
      break;
    case 'ordering': {
      rows.push(...note('Number the entries in order, 1 for the first.', frame));
      const labels = question.sequence.map((_, index) => `${optionLetter(index)}.`);
      const indent = entryIndent(labels, true);
      const list = structNode('L');
      question.sequence.forEach((entry, index) => {
        rows.push(
          ...spaced(
            listItem(entryRows(labels[index]!, entry.children, frame, indent, true, context), list),
            index === 0 ? 7 : 5,
          ),
        );
      });
      break;
    }
    case 'flashcard':
      break;
    case 'explain': {
      if (item.hint)
        rows.push(...spaced(labelled('Hint:', item.hint.children, frame, NOTE, context), 5));
      const points = item.concepts.length;
      rows.push(
        ...spaced(
          layoutInlines(
            [{ text: `Cover ${points} key point${points === 1 ? '' : 's'}.`, style: SMALL.run }],
            frame,
            SMALL,
          ),
          4,
        ),
      );
      break;
    }
    default:
      return assertNever(item, 'item');
  }
  // Room grows with what a full answer has to say (written-space.ts).
  return withAnswerSpace(rows, spaceSize(item, exam.maxSpace), frame);
}

/**
 * Lays out a question's first rows `right` points narrower than the column
 * when it has points, and prints them flush right on its first line, muted.
 */
export function withPoints(
  points: number | null,
  width: number,
  layout: (right: number) => LayoutRow[],
): LayoutRow[] {
  if (points === null) return layout(0);
  const label = pointsLabel(points);
  const labelWidth = textWidth(label, 'sans', TEXT.size);
  const rows = layout(labelWidth + POINTS_GAP);
  const first = rows[0];
  if (!first) return rows;
  const op: DrawOp = {
    op: 'text',
    x: width - labelWidth,
    y: first.baseline,
    text: label,
    font: 'sans',
    size: TEXT.size,
    color: COLOR.muted,
  };
  rows[0] = { ...first, ops: [...first.ops, op] };
  return rows;
}

/** What a question asks: its stem, front, prompt or (cloze) text. */
export function questionText(item: Item): RichText {
  switch (item.type) {
    case 'flashcard':
      return item.front;
    case 'explain':
      return item.prompt;
    case 'cloze':
      return item.text;
    case 'choice':
    case 'truefalse':
    case 'numeric':
    case 'short':
    case 'matching':
    case 'ordering':
      return item.stem;
    default:
      return assertNever(item, 'item');
  }
}

/**
 * The question text; the title when the body is empty. Its first block is
 * set `right` points narrower, clear of the points printed beside it.
 */
function questionRows(item: Item, frame: Frame, right: number, context: RichContext): LayoutRow[] {
  const text = questionText(item);
  const [first, ...rest]: Block[] =
    text.children.length > 0
      ? text.children
      : [{ type: 'paragraph', children: [{ type: 'text', value: item.title }] }];
  const rows = layoutBlocks([first!], { ...frame, width: frame.width - right }, BODY, context);
  const more = layoutBlocks(rest, frame, BODY, context);
  return [...rows, ...(rows.length > 0 ? spaced(more, SPACE.block) : more)];
}

/** A line of guidance in the muted italic of notes, set off from the text above. */
function note(text: string, frame: Frame): LayoutRow[] {
  return spaced(layoutInlines([{ text, style: NOTE.run }], frame, NOTE), 4);
}

/** Puts "N." in the gutter, on the baseline of the first row. */
export function withNumber(number: number, rows: LayoutRow[]): LayoutRow[] {
  const first = rows[0];
  if (!first) return rows;
  rows[0] = {
    ...first,
    ops: [
      asLabel({
        op: 'text',
        x: 0,
        y: first.baseline,
        text: `${number}.`,
        font: 'sans-bold',
        size: TEXT.size,
        color: COLOR.text,
      }),
      ...first.ops,
    ],
  };
  return rows;
}

/** Sets the space above the first row. */
export function spaced(rows: LayoutRow[], space: number): LayoutRow[] {
  if (rows[0]) rows[0] = { ...rows[0], spaceBefore: space };
  return rows;
}

/** Blocks led by a bold label, inline when they start with a paragraph. */
export function leadWith(label: string, blocks: readonly Block[]): Block[] {
  const [first, ...rest] = blocks;
  const strong = { type: 'strong' as const, children: [{ type: 'text' as const, value: label }] };
  return first?.type === 'paragraph'
    ? [
        { type: 'paragraph', children: [strong, { type: 'text', value: ' ' }, ...first.children] },
        ...rest,
      ]
    : [{ type: 'paragraph', children: [strong] }, ...blocks];
}

/** Rich text led by a bold label (see `leadWith`). */
export function labelled(
  label: string,
  blocks: readonly Block[],
  frame: Frame,
  style: typeof BODY,
  context: RichContext,
): LayoutRow[] {
  const lead = leadWith(label, blocks);
  const rows = layoutBlocks(lead, frame, style, context);
  // A label alone introduces what follows (a list, steps): it never ends a page.
  const last = rows[rows.length - 1];
  if (blocks.length === 0 && last) rows[rows.length - 1] = { ...last, breakAfter: 'never' };
  return rows;
}

function optionRows(
  option: Option,
  letter: string,
  multiple: boolean,
  frame: Frame,
  context: RichContext,
): LayoutRow[] {
  const inner = { x: frame.x + OPTION_TEXT, width: frame.width - OPTION_TEXT };
  let rows = layoutBlocks(option.text.children, inner, BODY, context);
  if (rows.length === 0) rows = layoutInlines([], inner, BODY);
  const first = rows[0]!;
  // The box (several answers) or bubble (one answer) sits on the x-height of the first line.
  const middle = first.baseline - TEXT.size * 0.36;
  rows[0] = {
    ...first,
    ops: [
      multiple
        ? {
            op: 'rect',
            x: frame.x,
            y: middle - BOX / 2,
            width: BOX,
            height: BOX,
            fill: null,
            stroke: COLOR.text,
          }
        : { op: 'circle', x: frame.x + BOX / 2, y: middle, radius: BOX / 2, stroke: COLOR.text },
      asLabel({
        op: 'text',
        x: frame.x + OPTION_LETTER,
        y: first.baseline,
        text: `${letter}.`,
        font: 'sans',
        size: TEXT.size,
        color: COLOR.text,
      }),
      ...first.ops,
    ],
  };
  return rows;
}
