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
import { labelled, leadWith, spaced } from './layout-question.js';
import { layoutBlocks, type RichContext } from './layout-rich-text.js';
import { describeNumericAnswer } from './numeric-answer-text.js';
import type { PlannedQuestion } from './plan-versions.js';
import type { Frame } from './text-rows.js';
import { BODY, NOTE } from './text-styles.js';

/** Space above each part of an answer in the key. */
export const ANSWER_PART = 5;
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
 * What the key says a question's answer is, by the letters and order of this
 * version: the correct letters with their options and every option's
 * feedback; true or false and its feedback; the numeric value, tolerance and
 * interval; the accepted answers; the blanks' answers and the filled text;
 * the pairs; the order and the positions; the flashcard's back; the concepts.
 */
export function answerRows(
  question: PlannedQuestion,
  frame: Frame,
  context: RichContext,
  /** Rewrites option letters in the author's text to the printed ones. */
  text: (blocks: Block[]) => Block[],
): LayoutRow[] {
  const { item } = question;
  const rows: LayoutRow[] = [];
  const part = (blocks: LayoutRow[]) => rows.push(...spaced(blocks, ANSWER_PART));
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
      const spare = [...item.distractors].sort(
        (a, b) => question.matches.indexOf(a) - question.matches.indexOf(b),
      );
      for (const distractor of spare)
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
    .map(([number, texts]) => `(${number})\u00a0${texts.join(' / ')}`);
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

export function bullets(texts: readonly RichText[]): List {
  return {
    type: 'list',
    ordered: false,
    start: null,
    children: texts.map((text) => ({ type: 'listItem', checked: null, children: text.children })),
  };
}
