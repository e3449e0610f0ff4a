import type { Choice, Explain, Flashcard, Item, RichText } from '@quizmark/model';
import { optionLetter } from '@quizmark/model';
import { noteTypes } from './note-types.js';

/** Rich text to field HTML (sanitised, code highlighted inline, images as media names). */
export interface FieldHtml {
  block(text: RichText): string;
  /** Without the `<p>` of a one-paragraph text, for options and list items. */
  inline(text: RichText): string;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const optionHtml = (letter: string, text: string) =>
  `<div class="qm-option"><span class="qm-letter">${letter}</span><div class="qm-option-text">${text}</div></div>`;

const labelled = (label: string, body: string, className = '') =>
  `<div class="qm-part${className ? ` ${className}` : ''}"><div class="qm-label">${label}</div>${body}</div>`;

function stepsHtml(item: Item, html: FieldHtml): string {
  if (item.steps.length === 0) return '';
  const steps = item.steps.map((step) => {
    const title = step.title ? `<div class="qm-step-title">${escapeHtml(step.title)}</div>` : '';
    return `<li>${title}${html.block(step.body)}</li>`;
  });
  return `<ol class="qm-steps">${steps.join('')}</ol>`;
}

function mistakesHtml(item: Item, html: FieldHtml): string {
  if (item.mistakes.length === 0) return '';
  return `<ul class="qm-mistakes">${item.mistakes.map((m) => `<li>${html.inline(m)}</li>`).join('')}</ul>`;
}

const optional = (text: RichText | null, html: FieldHtml) => (text ? html.block(text) : '');

// The parts that have no field of their own in the note type (the hint has one), with labels.
function extraHtml(item: Item, html: FieldHtml): string {
  const parts: string[] = [];
  if (item.explanation) parts.push(labelled('Explanation', html.block(item.explanation)));
  if (item.steps.length > 0) parts.push(labelled('Solution', stepsHtml(item, html)));
  if (item.quickCheck) parts.push(labelled('Quick check', html.block(item.quickCheck)));
  if (item.mistakes.length > 0) {
    parts.push(labelled('Common mistakes', mistakesHtml(item, html), 'qm-mistakes-part'));
  }
  return parts.join('');
}

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

function choiceFields(item: Choice, html: FieldHtml): Record<string, string> {
  const options = item.options.map((option, index) => ({
    option,
    html: optionHtml(optionLetter(index), html.inline(option.text)),
  }));
  return {
    Question: html.block(item.stem),
    Options: options.map((entry) => entry.html).join(''),
    Multiple: item.multiple ? 'yes' : '',
    Difficulty: item.difficulty ?? '',
    Answer: options
      .filter((entry) => entry.option.correct)
      .map((entry) => entry.html)
      .join(''),
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

/**
 * The field values of an item's note, in the order of its note type's
 * fields. Anki joins them with U+001F, so that character never survives.
 */
export function noteFields(item: Item, html: FieldHtml): string[] {
  const values =
    item.type === 'flashcard'
      ? flashcardFields(item, html)
      : item.type === 'choice'
        ? choiceFields(item, html)
        : explainFields(item, html);
  return noteTypes[item.type].fields.map((field) =>
    (values[field.name] ?? '').replace(/\x1f/g, ''),
  );
}
