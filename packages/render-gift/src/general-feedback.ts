import type { Item } from '@quizmark/model';
import { blockHtml, escapeHtml, inlineHtml } from './gift-html.js';

// GIFT has one place for everything shown after an answer, the general
// feedback (`####…`): the explanation, the worked solution, the quick check,
// the common mistakes and the hint (which GIFT has no place for before the
// answer: `gift-hint-after-answer`), each under a label.

const labelled = (label: string, html: string) => `<p><strong>${label}</strong></p>${html}`;

/** The general feedback of an item as HTML, after `lead` (a flashcard's back, an explain's key points); '' when empty. */
export function generalFeedbackHtml(item: Item, lead = ''): string {
  const parts = [lead];
  if (item.explanation) parts.push(labelled('Explanation', blockHtml(item.explanation)));
  if (item.steps.length > 0) {
    const steps = item.steps.map((step) => {
      const title = step.title ? `<strong>${escapeHtml(step.title)}</strong>` : '';
      return `<li>${title}${blockHtml(step.body)}</li>`;
    });
    parts.push(labelled('Solution', `<ol>${steps.join('')}</ol>`));
  }
  if (item.quickCheck) parts.push(labelled('Quick check', blockHtml(item.quickCheck)));
  if (item.mistakes.length > 0) {
    const mistakes = item.mistakes.map((mistake) => `<li>${inlineHtml(mistake)}</li>`);
    parts.push(labelled('Common mistakes', `<ul>${mistakes.join('')}</ul>`));
  }
  if (item.hint) parts.push(labelled('Hint', blockHtml(item.hint)));
  return parts.join('');
}
