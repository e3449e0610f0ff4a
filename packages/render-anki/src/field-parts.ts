import { type AfterAnswerPart, afterAnswerParts, type Item, type RichText } from '@quizmark/model';

// Pieces of field HTML that several note types share.

/** Rich text to field HTML (sanitised, code highlighted inline, images as media names). */
export interface FieldHtml {
  block(text: RichText): string;
  /** Without the `<p>` of a one-paragraph text, for options and list items. */
  inline(text: RichText): string;
  /** A cloze item's text with each blank as Anki's cloze marker, `{{c1::answer::hint}}`. */
  cloze(text: RichText): string;
}

export const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A lettered (or numbered) entry in a box, as options are shown. */
export const optionHtml = (letter: string, text: string) =>
  `<div class="qm-option"><span class="qm-letter">${letter}</span><div class="qm-option-text">${text}</div></div>`;

export const labelled = (label: string, body: string, className = '') =>
  `<div class="qm-part${className ? ` ${className}` : ''}"><div class="qm-label">${label}</div>${body}</div>`;

export function stepsHtml(item: Item, html: FieldHtml): string {
  if (item.steps.length === 0) return '';
  const steps = item.steps.map((step) => {
    const title = step.title ? `<div class="qm-step-title">${escapeHtml(step.title)}</div>` : '';
    return `<li>${title}${html.block(step.body)}</li>`;
  });
  return `<ol class="qm-steps">${steps.join('')}</ol>`;
}

export function mistakesHtml(item: Item, html: FieldHtml): string {
  if (item.mistakes.length === 0) return '';
  return `<ul class="qm-mistakes">${item.mistakes.map((m) => `<li>${html.inline(m)}</li>`).join('')}</ul>`;
}

export const optional = (text: RichText | null, html: FieldHtml) => (text ? html.block(text) : '');

function partHtml(item: Item, part: AfterAnswerPart, html: FieldHtml): string {
  switch (part.kind) {
    case 'text':
      return labelled(part.label, html.block(part.text));
    case 'steps':
      return labelled(part.label, stepsHtml(item, html));
    case 'list':
      return labelled(part.label, mistakesHtml(item, html), 'qm-mistakes-part');
  }
}

/** The parts that have no field of their own in the note type (the hint has one), with labels. */
export function extraHtml(item: Item, html: FieldHtml): string {
  return afterAnswerParts(item)
    .map((part) => partHtml(item, part, html))
    .join('');
}
