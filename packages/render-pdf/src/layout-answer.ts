import { type Block, type Item, type List, toPlainText } from '@quizmark/model';
import { ANSWER_PART, answerRows, bullets } from './key-answer-rows.js';
import type { LayoutRow } from './layout-model.js';
import {
  type ExamLayout,
  labelled,
  leadWith,
  questionText,
  spaced,
  withNumber,
  withPoints,
} from './layout-question.js';
import { layoutBlocks, layoutInlines, type RichContext } from './layout-rich-text.js';
import { letterChanges, relabelBlocks, relabelText } from './option-references.js';
import type { PlannedQuestion } from './plan-versions.js';
import { questionPoints, SCORING_NAMES, scoringOf } from './points.js';
import { BODY, BODY_BOLD, NOTE } from './text-styles.js';

/** What the key adds to a question: its points and scoring, and (`keyContext`) its context again. */
export interface KeyLayout extends ExamLayout {
  keyContext?: boolean;
}

/**
 * The rows of a question in the answer key: its title, then its answer (see
 * `answerRows`), the solution steps, quick check, hint, common mistakes and
 * explanation.
 */
export function layoutAnswer(
  question: PlannedQuestion,
  width: number,
  /** Room for the question number left of the text. */
  gutter: number,
  context: RichContext,
  key: KeyLayout,
): LayoutRow[] {
  const { item } = question;
  const frame = { x: gutter, width: width - gutter };
  const rows = withPoints(questionPoints(item, key.points), width, (right) =>
    withNumber(
      question.number,
      layoutInlines(
        [{ text: item.title, style: BODY_BOLD.run }],
        { ...frame, width: frame.width - right },
        BODY_BOLD,
      ),
    ),
  );
  const part = (blocks: LayoutRow[]) => rows.push(...spaced(blocks, ANSWER_PART));
  const scoring = scoringOf(item, key.points);
  if (scoring && questionPoints(item, key.points) !== null)
    rows.push(
      ...spaced(
        layoutInlines(
          [{ text: `Scoring: ${SCORING_NAMES[scoring]}`, style: NOTE.run }],
          frame,
          NOTE,
        ),
        2,
      ),
    );
  const repeated = key.keyContext ? contextBlocks(item) : [];
  if (repeated.length > 0) part(layoutBlocks(repeated, frame, BODY, context));
  // Letters named in the solution follow the options to their printed places.
  const changes = item.type === 'choice' ? letterChanges(question.options, item.options) : null;
  const text = (blocks: Block[]) => (changes ? relabelBlocks(blocks, changes) : blocks);
  const title = (value: string) => (changes ? relabelText(value, changes) : value);

  rows.push(...answerRows(question, frame, context, text));
  if (item.steps.length > 0) {
    part(labelled('Solution:', [], frame, BODY, context));
    const steps: List = {
      type: 'list',
      ordered: true,
      start: 1,
      children: item.steps.map((step) => ({
        type: 'listItem',
        checked: null,
        // "1. Check the condition: 0.85 > 0.8, so…": the title leads its step.
        children: step.title
          ? leadWith(`${title(step.title)}:`, text(step.body.children))
          : text(step.body.children),
      })),
    };
    rows.push(...spaced(layoutBlocks([steps], frame, BODY, context), 2));
  }
  if (item.quickCheck)
    part(labelled('Quick check:', text(item.quickCheck.children), frame, BODY, context));
  if (item.hint) part(labelled('Hint:', text(item.hint.children), frame, BODY, context));
  if (item.mistakes.length > 0) {
    part(labelled('Common mistakes:', [], frame, BODY, context));
    rows.push(
      ...spaced(
        layoutBlocks(
          [bullets(item.mistakes.map((m) => ({ ...m, children: text(m.children) })))],
          frame,
          BODY,
          context,
        ),
        2,
      ),
    );
  }
  if (item.explanation)
    part(labelled('Explanation:', text(item.explanation.children), frame, BODY, context));
  return rows;
}

/**
 * What a question shows besides its question line (code, tables, images,
 * further paragraphs), repeated in the key on request. A cloze's key already
 * prints its whole text.
 */
function contextBlocks(item: Item): Block[] {
  if (item.type === 'cloze') return [];
  const blocks = questionText(item).children;
  const [first, ...rest] = blocks;
  // The question line is the title the key already prints.
  const line =
    first?.type === 'paragraph' ? toPlainText({ markdown: '', children: [first] }) : null;
  return line !== null && line.trim() === item.title.trim() ? rest : blocks;
}
