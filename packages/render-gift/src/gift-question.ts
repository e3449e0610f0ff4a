import {
  assertNever,
  type Choice,
  type Cloze,
  clozeBlanks,
  type Deck,
  type Item,
  type Matching,
  moodleCorrectGrades,
  moodleWrongGrade,
  type Numeric,
  type ShortAnswer,
  type TrueFalse,
  toPlainText,
} from '@quizmark/model';

import { generalFeedbackHtml } from './general-feedback.js';
import { escapeGift } from './gift-escape.js';
import { blockHtml, escapeHtml, giftHtml, inlineHtml, missingWordHtml } from './gift-html.js';
import { numericAnswerText } from './gift-number.js';

// One item as one GIFT question: `::id::[html]stem{answers####feedback}`,
// answers one per line, as Moodle's own exporter writes them.

/** The answer section: each answer on its line, then the general feedback. */
function answerSection(answers: readonly string[], item: Item, lead = ''): string {
  const feedback = generalFeedbackHtml(item, lead);
  const lines = feedback === '' ? answers : [...answers, `####${giftHtml(feedback)}`];
  return lines.length === 0 ? '{}' : `{\n\t${lines.join('\n\t')}\n}`;
}

/** Per-answer feedback, `#…`, or nothing. */
const answerFeedback = (html: string | null) => (html ? `#${giftHtml(html)}` : '');

/**
 * A short answer as Moodle compares it: `*` is its wildcard, so a literal
 * one is `\*` there.
 */
const shortAnswerText = (answer: string) => escapeGift(answer.replace(/\*/g, '\\*'));

function choiceAnswers(item: Choice): string[] {
  const correct = item.options.filter((option) => option.correct).length;
  const rightWeights = moodleCorrectGrades(correct);
  const wrong = moodleWrongGrade(item.options.length - correct);
  let right = 0;
  return item.options.map((option) => {
    // One `=` makes a one-answer question; select-all questions weigh every option.
    const weight = option.correct ? rightWeights[right++] : wrong;
    const mark = item.multiple ? `~%${weight}%` : option.correct ? '=' : '~';
    const feedback = option.feedback ? blockHtml(option.feedback) : null;
    return `${mark}${giftHtml(inlineHtml(option.text))}${answerFeedback(feedback)}`;
  });
}

function trueFalseAnswer(item: TrueFalse): string {
  // Moodle reads `{TRUE#feedback for a wrong answer#feedback for a right one}`.
  const right = item.answer ? item.trueFeedback : item.falseFeedback;
  const wrong = item.answer ? item.falseFeedback : item.trueFeedback;
  const wrongPart = wrong ? answerFeedback(blockHtml(wrong)) : right ? '#' : '';
  const rightPart = right ? answerFeedback(blockHtml(right)) : '';
  return `${item.answer ? 'TRUE' : 'FALSE'}${wrongPart}${rightPart}`;
}

/** A numeric stem, with its unit said: GIFT grades the number only. */
function numericStem(item: Numeric): string {
  const unit = item.answer.unit;
  const note = unit ? `<p>Answer in ${escapeHtml(unit)}: type the number only.</p>` : '';
  return blockHtml(item.stem) + note;
}

const shortAnswers = (item: ShortAnswer) =>
  item.answers.map((answer) => `=${shortAnswerText(answer)}`);

function matchingAnswers(item: Matching): string[] {
  // Moodle shows the right-hand side in a menu, as plain text; a distractor has no left side.
  const pairs = item.pairs.map(
    (pair) => `=${giftHtml(inlineHtml(pair.left))} -> ${escapeGift(toPlainText(pair.right))}`,
  );
  const extra = item.distractors.map((entry) => `= -> ${escapeGift(toPlainText(entry))}`);
  return [...pairs, ...extra];
}

function missingWord(item: Cloze): string {
  const [blank] = clozeBlanks(item.text);
  return missingWordHtml(item.text, answerSection([`=${shortAnswerText(blank!.answer)}`], item));
}

/** The stem and answer section of a question, by item type. */
function questionBody(item: Item): string {
  switch (item.type) {
    case 'flashcard':
      return giftHtml(blockHtml(item.front)) + answerSection([], item, blockHtml(item.back));
    case 'explain': {
      const concepts = item.concepts.map((concept) => `<li>${inlineHtml(concept)}</li>`);
      const lead = `<p><strong>Key points</strong></p><ul>${concepts.join('')}</ul>`;
      return giftHtml(blockHtml(item.prompt)) + answerSection([], item, lead);
    }
    case 'choice':
      return giftHtml(blockHtml(item.stem)) + answerSection(choiceAnswers(item), item);
    case 'truefalse':
      return giftHtml(blockHtml(item.stem)) + answerSection([trueFalseAnswer(item)], item);
    case 'numeric':
      return giftHtml(numericStem(item)) + answerSection([numericAnswerText(item.answer)], item);
    case 'short':
      return giftHtml(blockHtml(item.stem)) + answerSection(shortAnswers(item), item);
    case 'cloze':
      return missingWord(item);
    case 'matching':
      return giftHtml(blockHtml(item.stem)) + answerSection(matchingAnswers(item), item);
    case 'ordering':
      throw new Error('GIFT has no ordering question: the renderer leaves ordering items out');
    default:
      return assertNever(item, 'item type');
  }
}

/** A comment line's text: one line, and no `[…]` that Moodle would read as a tag or an id. */
export const commentText = (text: string) =>
  text.replace(/\s+/g, ' ').replace(/\[/g, '(').replace(/]/g, ')');

/**
 * The tags of a question, as Moodle XML gives them: the deck's and the
 * item's, then `level-…` and `difficulty-…`; a comma becomes a space (Moodle
 * separates tags with commas).
 */
export function giftTags(deck: Deck, item: Item): string[] {
  const tags = [...deck.tags, ...item.tags];
  if (item.level) tags.push(`level-${item.level}`);
  if (item.difficulty) tags.push(`difficulty-${item.difficulty}`);
  return [...new Set(tags.map((tag) => tag.replace(/[\s,]+/g, ' ').trim()).filter(Boolean))];
}

/** A tag as Moodle reads it from a comment, `[tag:…]`, with `]` escaped. */
const tagComment = (tag: string) => `[tag:${tag.replace(/]/g, '\\]')}]`;

/** One question: its title and tags as comments, then `::id::` and the question. */
export function giftQuestion(deck: Deck, item: Item): string {
  const lines = [`// ${commentText(item.title)}`];
  const tags = giftTags(deck, item);
  if (tags.length > 0) lines.push(`// ${tags.map(tagComment).join(' ')}`);
  lines.push(`::${escapeGift(item.id)}::${questionBody(item)}`);
  return lines.join('\n');
}
