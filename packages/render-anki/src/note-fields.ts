import type { Choice, Explain, Flashcard, Item } from '@quizmark/model';
import { assertNever, optionLetter } from '@quizmark/model';
import {
  extraHtml,
  type FieldHtml,
  labelled,
  mistakesHtml,
  optional,
  optionHtml,
  stepsHtml,
} from './field-parts.js';
import { noteTypes } from './note-types.js';
import {
  clozeFields,
  matchingFields,
  numericFields,
  orderingFields,
  shortAnswerFields,
  trueFalseFields,
} from './question-fields.js';

export type { FieldHtml } from './field-parts.js';

function flashcardFields(item: Flashcard, html: FieldHtml): Record<string, string> {
  return {
    Front: html.block(item.front),
    Back: html.block(item.back),
    Level: item.level ?? '',
    Hint: optional(item.hint, html),
    Extra: extraHtml(item, html),
    Id: item.id,
  };
}

// The back shows each option's feedback under it: the correct options with
// theirs in the Answer field, then the other options that have feedback,
// marked wrong. Options without feedback add nothing.
function choiceAnswer(item: Choice, html: FieldHtml): string {
  const entries = item.options.map((option, index) => ({
    option,
    letter: optionLetter(index),
    feedback: option.feedback ? `<blockquote>${html.block(option.feedback)}</blockquote>` : '',
  }));
  const correct = entries
    .filter((entry) => entry.option.correct)
    .map((entry) => optionHtml(entry.letter, html.inline(entry.option.text) + entry.feedback));
  const others = entries
    .filter((entry) => !entry.option.correct && entry.feedback)
    .map(
      (entry) =>
        `<div><strong>\u2717 ${entry.letter}</strong> ${html.inline(entry.option.text)}${entry.feedback}</div>`,
    );
  if (others.length > 0)
    correct.push(labelled('The other options', others.join(''), 'qm-mistakes-part'));
  return correct.join('');
}

function choiceFields(item: Choice, html: FieldHtml): Record<string, string> {
  const options = item.options.map((option, index) =>
    optionHtml(optionLetter(index), html.inline(option.text)),
  );
  return {
    Question: html.block(item.stem),
    Options: options.join(''),
    Multiple: item.multiple ? 'yes' : '',
    Difficulty: item.difficulty ?? '',
    Answer: choiceAnswer(item, html),
    Explanation: optional(item.explanation, html),
    Solution: stepsHtml(item, html),
    'Quick Check': optional(item.quickCheck, html),
    Hint: optional(item.hint, html),
    'Common Mistakes': mistakesHtml(item, html),
    Id: item.id,
  };
}

function explainFields(item: Explain, html: FieldHtml): Record<string, string> {
  const concepts = item.concepts.map(
    (concept) =>
      `<li><label><input type="checkbox"><span>${html.inline(concept)}</span></label></li>`,
  );
  return {
    Prompt: html.block(item.prompt),
    Hint: optional(item.hint, html),
    Concepts: `<ul class="qm-concepts">${concepts.join('')}</ul>`,
    Level: item.level ?? '',
    Extra: extraHtml(item, html),
    Id: item.id,
  };
}

function fieldsByName(item: Item, html: FieldHtml, seed: string): Record<string, string> {
  switch (item.type) {
    case 'flashcard':
      return flashcardFields(item, html);
    case 'choice':
      return choiceFields(item, html);
    case 'explain':
      return explainFields(item, html);
    case 'truefalse':
      return trueFalseFields(item, html);
    case 'numeric':
      return numericFields(item, html);
    case 'short':
      return shortAnswerFields(item, html);
    case 'cloze':
      return clozeFields(item, html);
    case 'matching':
      return matchingFields(item, html, seed);
    case 'ordering':
      return orderingFields(item, html, seed);
    default:
      return assertNever(item, 'item type');
  }
}

/**
 * The field values of an item's note, in the order of its note type's
 * fields. Anki joins them with U+001F, so that character never survives.
 * `seed` (the note's GUID) seeds the shuffled lists of matching and ordering.
 */
export function noteFields(item: Item, html: FieldHtml, seed: string): string[] {
  const values = fieldsByName(item, html, seed);
  return noteTypes[item.type].fields.map((field) =>
    (values[field.name] ?? '').replace(/\x1f/g, ''),
  );
}
