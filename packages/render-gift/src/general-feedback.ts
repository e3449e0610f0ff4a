import { type AfterAnswerPart, afterAnswerParts, type Item } from '@quizmark/model';
import { blockHtml, escapeHtml, inlineHtml } from './gift-html.js';

// GIFT has one place for everything shown after an answer, the general
// feedback (`####…`): the model's after-answer parts, then the hint (which
// GIFT has no place for before the answer: `gift-hint-after-answer`), each
// under a label.

const labelled = (label: string, html: string) => `<p><strong>${label}</strong></p>${html}`;

function partHtml(part: AfterAnswerPart): string {
  switch (part.kind) {
    case 'text':
      return blockHtml(part.text);
    case 'steps':
      return `<ol>${part.steps
        .map((step) => {
          const title = step.title ? `<strong>${escapeHtml(step.title)}</strong>` : '';
          return `<li>${title}${blockHtml(step.body)}</li>`;
        })
        .join('')}</ol>`;
    case 'list':
      return `<ul>${part.entries.map((entry) => `<li>${inlineHtml(entry)}</li>`).join('')}</ul>`;
  }
}

/** The general feedback of an item as HTML, after `lead` (a flashcard's back, an explain's key points); '' when empty. */
export function generalFeedbackHtml(item: Item, lead = ''): string {
  const parts = [
    lead,
    ...afterAnswerParts(item).map((part) => labelled(part.label, partHtml(part))),
  ];
  if (item.hint) parts.push(labelled('Hint', blockHtml(item.hint)));
  return parts.join('');
}
