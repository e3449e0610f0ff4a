import {
  assertNever,
  type Block,
  type Cloze,
  clozeBlanks,
  type Inline,
  type List,
  optionLetter,
  type RichText,
  toPlainText,
} from '@quizmark/model';
import type { LayoutRow } from './layout-model.js';
import { labelled, leadWith, spaced, withNumber } from './layout-question.js';
import { layoutBlocks, layoutInlines, type RichContext } from './layout-rich-text.js';
import { describeNumericAnswer } from './numeric-answer-text.js';
import { letterChanges, relabelBlocks, relabelText } from './option-references.js';
import type { PlannedQuestion } from './plan-versions.js';
import type { Frame } from './text-rows.js';
import { BODY, BODY_BOLD, NOTE } from './text-styles.js';

const PART = 5;
/** Feedback sits under the option or answer it is for. */
const FEEDBACK_INDENT = 16;

/** The letters of a choice's correct options in printed order ("B", "A, C"); null for other items. */
export function correctLetters(question: PlannedQuestion): string | null {
  if (question.item.type !== 'choice') return null;
  return question.options
    .flatMap((option, index) => (option.correct ? [optionLetter(index)] : []))
    .join(', ');
}

/**
 * The rows of a question in the answer key: its title, then the answer (the
 * correct letters with their text and every option's feedback, true or false,
 * the numeric interval, the accepted answers, the filled blanks, the pairs or
 * the order, by the letters of this version; the flashcard's back or the
 * concepts), the solution steps, quick check, hint, common mistakes and
 * explanation.
 */
export function layoutAnswer(
  question: PlannedQuestion,
  width: number,
  /** Room for the question number left of the text. */
  gutter: number,
  context: RichContext,
): LayoutRow[] {
  const { item } = question;
  const frame = { x: gutter, width: width - gutter };
  const rows = withNumber(
    question.number,
    layoutInlines([{ text: item.title, style: BODY_BOLD.run }], frame, BODY_BOLD),
  );
  const part = (blocks: LayoutRow[]) => rows.push(...spaced(blocks, PART));
  // Letters named in the solution follow the options to their printed places.
  const changes = item.type === 'choice' ? letterChanges(question.options, item.options) : null;
  const text = (blocks: Block[]) => (changes ? relabelBlocks(blocks, changes) : blocks);
  const title = (value: string) => (changes ? relabelText(value, changes) : value);

  switch (item.type) {
    case 'choice': {
      const letters = correctLetters(question)!;
      const many = letters.includes(',');
      part(labelled(many ? `Answers: ${letters}` : `Answer: ${letters}`, [], frame, BODY, context));
      question.options.forEach((option, index) => {
        if (option.correct)
          rows.push(
            ...spaced(
              labelled(`${optionLetter(index)}.`, option.text.children, frame, BODY, context),
              2,
            ),
          );
      });
      const withFeedback = question.options.flatMap((option, index) =>
        option.feedback
          ? [
              {
                lead: leadWith(`${optionLetter(index)}.`, option.text.children),
                feedback: option.feedback,
              },
            ]
          : [],
      );
      if (withFeedback.length > 0) {
        part(labelled('Feedback:', [], frame, BODY, context));
        for (const { lead, feedback } of withFeedback)
          rows.push(...spaced(feedbackRows(lead, text(feedback.children), frame, context), 2));
      }
      break;
    }
    case 'truefalse': {
      part(labelled(`Answer: ${item.answer ? 'True' : 'False'}`, [], frame, BODY, context));
      const feedback = [
        { answer: 'True', text: item.trueFeedback },
        { answer: 'False', text: item.falseFeedback },
      ].flatMap((entry) => (entry.text ? [{ answer: entry.answer, text: entry.text }] : []));
      if (feedback.length > 0) {
        part(labelled('Feedback:', [], frame, BODY, context));
        for (const entry of feedback)
          rows.push(
            ...spaced(
              feedbackRows(leadWith(entry.answer, []), entry.text.children, frame, context),
              2,
            ),
          );
      }
      break;
    }
    case 'numeric':
      part(labelled('Answer:', [para(describeNumericAnswer(item.answer))], frame, BODY, context));
      break;
    case 'short': {
      const [first, ...others] = item.answers;
      const caseNote = item.caseSensitive ? ' (case matters)' : '';
      part(labelled('Answer:', [para(`${first}${caseNote}`)], frame, BODY, context));
      if (others.length > 0)
        rows.push(
          ...spaced(
            labelled('Also accepted:', [para(others.join(' · '))], frame, BODY, context),
            2,
          ),
        );
      break;
    }
    case 'cloze':
      part(labelled('Answers:', [blankAnswers(item)], frame, BODY, context));
      // The text with every blank filled in, its number before it.
      rows.push(...spaced(layoutBlocks(item.text.children, frame, BODY, context), 2));
      break;
    case 'matching': {
      const letterOf = (entry: RichText) => optionLetter(question.matches.indexOf(entry));
      const pairs = item.pairs.map((pair, index) => `${index + 1} → ${letterOf(pair.right)}`);
      part(labelled('Answer:', [para(pairs.join(' · '))], frame, BODY, context));
      item.pairs.forEach((pair, index) => {
        const entry: Block = {
          type: 'paragraph',
          children: [
            strong(`${index + 1}.`),
            { type: 'text', value: ' ' },
            ...inlinesOf(pair.left),
            { type: 'text', value: ' → ' },
            strong(`${letterOf(pair.right)}.`),
            { type: 'text', value: ' ' },
            ...inlinesOf(pair.right),
          ],
        };
        rows.push(...spaced(layoutBlocks([entry], frame, BODY, context), 2));
      });
      for (const distractor of item.distractors)
        rows.push(
          ...spaced(
            labelled(
              `${letterOf(distractor)}.`,
              [
                {
                  type: 'paragraph',
                  children: [
                    ...inlinesOf(distractor),
                    { type: 'text', value: ' (matches nothing)' },
                  ],
                },
              ],
              frame,
              BODY,
              context,
            ),
            2,
          ),
        );
      break;
    }
    case 'ordering': {
      const letterOf = (entry: RichText) => optionLetter(question.sequence.indexOf(entry));
      part(
        labelled('Answer:', [para(item.sequence.map(letterOf).join(', '))], frame, BODY, context),
      );
      // What students write in the boxes, letter by letter.
      const positions = question.sequence.map(
        (entry, index) => `${optionLetter(index)} ${item.sequence.indexOf(entry) + 1}`,
      );
      rows.push(
        ...spaced(
          labelled('In the boxes:', [para(positions.join(' · '))], frame, BODY, context),
          2,
        ),
      );
      const order: List = {
        type: 'list',
        ordered: true,
        start: 1,
        children: item.sequence.map((entry) => ({
          type: 'listItem',
          checked: null,
          children: leadWith(`${letterOf(entry)}.`, entry.children),
        })),
      };
      rows.push(...spaced(layoutBlocks([order], frame, BODY, context), 2));
      break;
    }
    case 'flashcard':
      part(labelled('Answer:', item.back.children, frame, BODY, context));
      break;
    case 'explain':
      part(labelled(`Key points (${item.concepts.length}):`, [], frame, BODY, context));
      rows.push(...spaced(layoutBlocks([bullets(item.concepts)], frame, BODY, context), 2));
      break;
    default:
      return assertNever(item, 'item');
  }
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

function para(value: string): Block {
  return { type: 'paragraph', children: [{ type: 'text', value }] };
}

function strong(value: string): Inline {
  return { type: 'strong', children: [{ type: 'text', value }] };
}

/** A short rich text as inline content: its paragraph's, or its plain text when it has other blocks. */
function inlinesOf(text: RichText): Inline[] {
  const [first, ...rest] = text.children;
  if (first?.type === 'paragraph' && rest.length === 0) return first.children;
  return [{ type: 'text', value: toPlainText(text) }];
}

/** "(1) joules · (2) watts": each blank number once, with its answers (blanks sharing it may differ). */
function blankAnswers(item: Cloze): Block {
  const answers = new Map<number, string[]>();
  for (const blank of clozeBlanks(item.text)) {
    const known = answers.get(blank.number);
    if (!known) answers.set(blank.number, [blank.answer]);
    else if (!known.includes(blank.answer)) known.push(blank.answer);
  }
  const list = [...answers]
    .sort(([a], [b]) => a - b)
    .map(([number, texts]) => `(${number}) ${texts.join(' / ')}`);
  return para(list.join(' · '));
}

/** What a choice or answer leads with, then its feedback under it in the muted italic of notes. */
function feedbackRows(
  lead: readonly Block[],
  feedback: readonly Block[],
  frame: Frame,
  context: RichContext,
): LayoutRow[] {
  const inner = { x: frame.x + FEEDBACK_INDENT, width: frame.width - FEEDBACK_INDENT };
  const rows = layoutBlocks(lead, frame, BODY, context);
  // The option never ends a page without its feedback.
  const last = rows[rows.length - 1];
  if (last) rows[rows.length - 1] = { ...last, breakAfter: 'never' };
  rows.push(...spaced(layoutBlocks(feedback, inner, NOTE, context), 1));
  return rows;
}

function bullets(texts: readonly RichText[]): List {
  return {
    type: 'list',
    ordered: false,
    start: null,
    children: texts.map((text) => ({ type: 'listItem', checked: null, children: text.children })),
  };
}
