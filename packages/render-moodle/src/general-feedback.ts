import type { Item } from '@quizmark/model';
import type { MoodleField } from './moodle-field.js';
import { escapeXml } from './xml-text.js';

const labelled = (label: string, body: string) =>
  `<div class="qm-part"><p><strong>${label}</strong></p>${body}</div>`;

/**
 * What Moodle shows every learner after answering ("general feedback"): the
 * explanation, the worked solution, the quick check and the common
 * mistakes, each under a label; empty when the item has none of them.
 */
export function generalFeedbackHtml(item: Item, field: MoodleField): string {
  const parts: string[] = [];
  if (item.explanation) parts.push(labelled('Explanation', field.block(item.explanation)));
  if (item.steps.length > 0) {
    const steps = item.steps.map((step) => {
      const title = step.title ? `<p><strong>${escapeXml(step.title)}</strong></p>` : '';
      return `<li>${title}${field.block(step.body)}</li>`;
    });
    parts.push(labelled('Solution', `<ol>${steps.join('')}</ol>`));
  }
  if (item.quickCheck) parts.push(labelled('Quick check', field.block(item.quickCheck)));
  if (item.mistakes.length > 0) {
    const mistakes = item.mistakes.map((mistake) => `<li>${field.inline(mistake)}</li>`);
    parts.push(labelled('Common mistakes', `<ul>${mistakes.join('')}</ul>`));
  }
  return parts.join('');
}
