import {
  clozeBlanks,
  type Deck,
  type DeckInput,
  type Item,
  MOODLE_MOST_GRADED,
  type RenderProblem,
  type RichText,
} from '@quizmark/model';

import type { GiftRuleId } from './gift-rules.js';

// What the .gift file loses of each item, beyond what `carries` says: one
// list of problems per item, so `check` and the renderer agree on what is
// left out.

/** The plain-text answers Moodle reads between `{` and `}`: short answers, a missing word. */
function plainAnswers(item: Item): string[] {
  if (item.type === 'short') return item.answers;
  if (item.type === 'cloze') return clozeBlanks(item.text).map((blank) => blank.answer);
  return [];
}

// Moodle tells a matching question by `=` and `->` among the answers, and `->` has no escape.
const hasArrow = (item: Item) => plainAnswers(item).some((answer) => answer.includes('->'));

/** Whether GIFT has a question for this item (ordering is left out by `carries`). */
export function giftHolds(item: Item): boolean {
  if (item.type === 'ordering' || hasArrow(item)) return false;
  return item.type !== 'cloze' || clozeBlanks(item.text).length === 1;
}

/** A right-hand entry a menu shows as is: one paragraph of unformatted text. */
function isPlain(text: RichText): boolean {
  const [only, ...rest] = text.children;
  return (
    rest.length === 0 &&
    only?.type === 'paragraph' &&
    only.children.every((node) => node.type === 'text')
  );
}

/** The scoring rule, which GIFT cannot carry. */
function gradeProblems(item: Item): Array<[GiftRuleId, string]> {
  const problems: Array<[GiftRuleId, string]> = [];
  if (item.type === 'choice' && item.multiple && item.scoring === 'all')
    problems.push([
      'gift-choice-all-or-nothing',
      'Moodle gives partial credit for a GIFT multiple-answer question: it cannot grade this one all or nothing',
    ]);
  return problems;
}

function typeProblems(item: Item): Array<[GiftRuleId, string]> {
  switch (item.type) {
    case 'cloze': {
      const blanks = clozeBlanks(item.text).length;
      return blanks > 1
        ? [
            [
              'gift-cloze-blanks',
              `GIFT's missing-word question has one blank, this cloze has ${blanks}: left out of the .gift file`,
            ],
          ]
        : [];
    }
    case 'choice': {
      const problems: Array<[GiftRuleId, string]> = [];
      if (!item.shuffle || item.options.some((option) => option.pinned)) {
        const what = item.shuffle
          ? 'a pinned option keeps its place'
          : 'the options keep their order';
        problems.push([
          'gift-choice-shuffled',
          `Moodle shuffles the options of a GIFT question: ${what} only if the quiz does not shuffle`,
        ]);
      }
      const correct = item.options.filter((option) => option.correct).length;
      if (item.multiple && correct > MOODLE_MOST_GRADED) {
        problems.push([
          'gift-choice-weights',
          `no mix of Moodle's grades shares 100% between ${correct} right options: the ${correct - MOODLE_MOST_GRADED} after the ${MOODLE_MOST_GRADED}th earn nothing`,
        ]);
      }
      return problems;
    }
    case 'numeric':
      return item.answer.unit
        ? [
            [
              'gift-numeric-unit',
              `GIFT cannot grade the unit "${item.answer.unit}": the question says it and the learner types the number only`,
            ],
          ]
        : [];
    case 'short':
      return item.caseSensitive
        ? [
            [
              'gift-short-case',
              'GIFT short answers ignore case: this answer is also accepted in other cases',
            ],
          ]
        : [];
    case 'matching': {
      const problems: Array<[GiftRuleId, string]> = [];
      const rights = [...item.pairs.map((pair) => pair.right), ...item.distractors];
      if (!rights.every(isPlain))
        problems.push([
          'gift-matching-plain',
          "Moodle's menu shows the right-hand entries as plain text: their formatting is lost",
        ]);
      if (item.pairs.length + item.distractors.length < 3)
        problems.push([
          'gift-matching-two-pairs',
          "Moodle's editor asks for at least three answers before this question can be saved again: add a pair or a distractor",
        ]);
      return problems;
    }
    default:
      return [];
  }
}

function arrowProblems(item: Item): Array<[GiftRuleId, string]> {
  if (!hasArrow(item) || (item.type === 'cloze' && clozeBlanks(item.text).length > 1)) return [];
  return [
    [
      'gift-short-arrow',
      "an answer holds `->`, which Moodle's importer takes for a matching question: left out of the .gift file",
    ],
  ];
}

/** The deck's texts that have no place in a GIFT file, for one deck-wide warning. */
function descriptionProblem(deck: Deck): RenderProblem | null {
  const lost = [
    deck.description ? "the deck's description" : '',
    deck.instructions ? "the deck's instructions" : '',
    deck.sections.some((section) => section.description) ? 'the section descriptions' : '',
  ].filter(Boolean);
  if (lost.length === 0) return null;
  const verb = lost.length === 1 && !lost[0]!.endsWith('s') ? 'is' : 'are';
  const message = `GIFT categories have no description: ${lost.join(' and ')} ${verb} not in the .gift file`;
  return { ruleId: 'gift-descriptions' satisfies GiftRuleId, message, item: null };
}

/** Questions worth other than 1 point, for one deck-wide warning: Moodle imports each worth 1. */
function pointsProblem(deck: Deck): RenderProblem | null {
  const marked = deck.sections
    .flatMap((section) => section.items)
    .filter((item) => giftHolds(item) && item.points !== null && item.points !== 1);
  if (marked.length === 0) return null;
  const what = marked.length === 1 ? '1 question is' : `${marked.length} questions are`;
  const message = `GIFT has no place for a question's mark: ${what} worth other than 1 point here, and Moodle imports every question worth 1 (Moodle XML keeps the points)`;
  return { ruleId: 'gift-points' satisfies GiftRuleId, message, item: marked[0]!.id };
}

/** Every problem of the deck in GIFT: the deck's first, then its items', in deck order. */
export function giftProblems(input: DeckInput): RenderProblem[] {
  const problems = [descriptionProblem(input.deck), pointsProblem(input.deck)].filter(
    (problem): problem is RenderProblem => problem !== null,
  );
  for (const section of input.deck.sections) {
    for (const item of section.items) {
      const found = [
        ...typeProblems(item),
        ...arrowProblems(item),
        ...(giftHolds(item) ? gradeProblems(item) : []),
      ];
      if (item.hint && giftHolds(item))
        found.push([
          'gift-hint-after-answer',
          'GIFT has no place for a hint: it is shown after answering, in the general feedback',
        ]);
      for (const [ruleId, message] of found) problems.push({ ruleId, message, item: item.id });
    }
  }
  return problems;
}
