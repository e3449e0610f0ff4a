import {
  type Block,
  blocksToPlainText,
  type Deck,
  htmlToPlainText,
  type Inline,
  type Item,
  type RichText,
  toPlainText,
} from '@quizmark/model';
import { expect } from 'vitest';
import type { ParsedQuestion } from './read-gift.js';

// Compares a question as gift-pegjs reads it with the item it came from, on
// what a learner sees: the text of the HTML (tags dropped, entities read,
// MathJax delimiters and white space ignored) against the deck's plain text.

/** What a reader sees of an HTML part, for comparing. */
export const seen = (html: string) =>
  htmlToPlainText(html)
    .replace(/\\[()[\]]/g, '')
    .replace(/\s+/g, '');

/** What the deck says, for comparing with `seen`. */
export const said = (text: RichText | string) =>
  (typeof text === 'string' ? text : toPlainText(text)).replace(/\s+/g, '');

/** A cloze text as Moodle's missing-word question shows it: the blank as `_____`, then its hint. */
function missingWordText(text: RichText): string {
  const inline = (node: Inline): Inline =>
    node.type === 'cloze'
      ? { type: 'text', value: `_____${node.hint ? `(${node.hint})` : ''}` }
      : 'children' in node
        ? ({ ...node, children: node.children.map(inline) } as Inline)
        : node;
  const block = (node: Block): Block =>
    node.type === 'paragraph' || node.type === 'heading'
      ? { ...node, children: node.children.map(inline) }
      : node;
  return blocksToPlainText(text.children.map(block));
}

const EXPECTED_TYPE = {
  flashcard: 'Essay',
  explain: 'Essay',
  choice: 'MC',
  truefalse: 'TF',
  numeric: 'Numerical',
  short: 'Short',
  cloze: 'Short',
  matching: 'Matching',
} as const;

const close = (a: number | undefined, b: number) => expect(a).toBeCloseTo(b, 9);

/** The general feedback holds every part shown after answering. */
function expectGeneralFeedback(question: ParsedQuestion, item: Item): void {
  const feedback = 'globalFeedback' in question ? seen(question.globalFeedback?.text ?? '') : '';
  const parts = [
    item.explanation,
    ...item.steps.map((step) => step.body),
    item.quickCheck,
    ...item.mistakes,
    item.hint,
  ].filter((part): part is RichText => part !== null);
  for (const part of parts) expect(feedback).toContain(said(part));
  for (const step of item.steps) if (step.title) expect(feedback).toContain(said(step.title));
  if (parts.length === 0 && item.type !== 'flashcard' && item.type !== 'explain')
    expect('globalFeedback' in question ? question.globalFeedback : null).toBeNull();
}

/** Everything gift-pegjs reads of one question matches its item. */
export function expectQuestionMatches(question: ParsedQuestion, item: Item, deck: Deck): void {
  if (item.type === 'ordering') throw new Error('ordering items are never exported');
  expect(question.title).toBe(item.id);
  expect(question.type).toBe(EXPECTED_TYPE[item.type]);
  // The deck's tags, the item's, its level and difficulty, each once (Moodle splits tags at commas).
  const levels = [
    item.level && `level-${item.level}`,
    item.difficulty && `difficulty-${item.difficulty}`,
  ];
  const tags = [...deck.tags, ...item.tags, ...levels].filter((tag): tag is string => Boolean(tag));
  expect(question.tags ?? []).toEqual([...new Set(tags.map((tag) => tag.replace(/,/g, ' ')))]);
  if (question.type === 'Description') throw new Error(`${item.id} came back as a description`);
  expect(question.stem.format).toBe('html');
  expectGeneralFeedback(question, item);
  const stem = seen(question.stem.text);
  switch (item.type) {
    case 'flashcard':
      expect(stem).toBe(said(item.front));
      expect(seen(question.globalFeedback?.text ?? '')).toContain(said(item.back));
      break;
    case 'explain':
      expect(stem).toBe(said(item.prompt));
      for (const concept of item.concepts)
        expect(seen(question.globalFeedback?.text ?? '')).toContain(said(concept));
      break;
    case 'choice': {
      if (question.type !== 'MC') throw new Error('not MC');
      expect(stem).toBe(said(item.stem));
      expect(question.choices.map((c) => seen(c.text.text))).toEqual(
        item.options.map((o) => said(o.text)),
      );
      expect(question.choices.map((c) => seen(c.feedback?.text ?? ''))).toEqual(
        item.options.map((o) => (o.feedback ? said(o.feedback) : '')),
      );
      if (item.multiple) {
        // Correct options weigh up to 100% between them, wrong ones take marks away.
        const weights = question.choices.map((c) => c.weight ?? 0);
        expect(weights.map((w) => w > 0)).toEqual(item.options.map((o) => o.correct));
        expect(weights.filter((w) => w > 0).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 3);
        // Ticking every option scores nothing.
        expect(weights.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1e-3);
      } else {
        expect(question.choices.map((c) => c.isCorrect)).toEqual(
          item.options.map((o) => o.correct),
        );
        expect(question.choices.every((c) => c.weight === null)).toBe(true);
      }
      break;
    }
    case 'truefalse': {
      if (question.type !== 'TF') throw new Error('not TF');
      expect(stem).toBe(said(item.stem));
      expect(question.isTrue).toBe(item.answer);
      // GIFT's first feedback is for a wrong answer, the second for a right one
      // (gift-pegjs calls them trueFeedback and falseFeedback whatever the answer).
      const right = item.answer ? item.trueFeedback : item.falseFeedback;
      const wrong = item.answer ? item.falseFeedback : item.trueFeedback;
      expect(seen(question.trueFeedback?.text ?? '')).toBe(wrong ? said(wrong) : '');
      expect(seen(question.falseFeedback?.text ?? '')).toBe(right ? said(right) : '');
      break;
    }
    case 'numeric': {
      if (question.type !== 'Numerical' || Array.isArray(question.choices))
        throw new Error('not one number');
      const unit = item.answer.unit
        ? said(`Answer in ${item.answer.unit}: type the number only.`)
        : '';
      expect(stem).toBe(said(item.stem) + unit);
      const answer = question.choices;
      const { min, max, value } = item.answer;
      if (answer.type === 'simple') {
        expect(min).toBe(max);
        close(answer.number, value);
      } else if (answer.type === 'range') {
        close(answer.number! - answer.range!, min);
        close(answer.number! + answer.range!, max);
      } else {
        close(answer.numberLow, min);
        close(answer.numberHigh, max);
      }
      break;
    }
    case 'short': {
      if (question.type !== 'Short') throw new Error('not Short');
      expect(stem).toBe(said(item.stem));
      // Moodle reads `\*` as a literal asterisk (a bare `*` is its wildcard).
      expect(question.choices.map((c) => c.text.text.replace(/\\\*/g, '*'))).toEqual(item.answers);
      expect(question.choices.every((c) => c.isCorrect)).toBe(true);
      break;
    }
    case 'cloze': {
      if (question.type !== 'Short') throw new Error('not Short');
      expect(question.hasEmbeddedAnswers).toBe(true);
      expect(stem).toBe(said(missingWordText(item.text)));
      break;
    }
    case 'matching': {
      if (question.type !== 'Matching') throw new Error('not Matching');
      expect(stem).toBe(said(item.stem));
      expect(
        question.matchPairs.map((p) => [seen(p.subquestion.text), p.subanswer.replace(/\s+/g, '')]),
      ).toEqual([
        ...item.pairs.map((pair) => [said(pair.left), said(pair.right)]),
        ...item.distractors.map((entry) => ['', said(entry)]),
      ]);
      break;
    }
  }
}
