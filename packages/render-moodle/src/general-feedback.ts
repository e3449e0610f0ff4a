import { type AfterAnswerPart, afterAnswerParts, type Item } from '@quizmark/model';
import type { MoodleField } from './moodle-field.js';
import { escapeXml } from './xml-text.js';

function partHtml(part: AfterAnswerPart, field: MoodleField): string {
  switch (part.kind) {
    case 'text':
      return field.block(part.text);
    case 'steps':
      return `<ol>${part.steps
        .map((step) => {
          const title = step.title ? `<p><strong>${escapeXml(step.title)}</strong></p>` : '';
          return `<li>${title}${field.block(step.body)}</li>`;
        })
        .join('')}</ol>`;
    case 'list':
      return `<ul>${part.entries.map((entry) => `<li>${field.inline(entry)}</li>`).join('')}</ul>`;
  }
}

/**
 * What Moodle shows every learner after answering ("general feedback"): the
 * model's after-answer parts, each under its label; empty when there are none.
 */
export function generalFeedbackHtml(item: Item, field: MoodleField): string {
  return afterAnswerParts(item)
    .map(
      (part) =>
        `<div class="qm-part"><p><strong>${part.label}</strong></p>${partHtml(part, field)}</div>`,
    )
    .join('');
}
