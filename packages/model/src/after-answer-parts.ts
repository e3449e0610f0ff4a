import type { Item, Step } from './deck.js';
import type { RichText } from './rich-text.js';

/** A part of what an item teaches after the answer, with the label outputs show above it. */
export type AfterAnswerPart =
  | { kind: 'text'; label: 'Explanation' | 'Quick check'; text: RichText }
  | { kind: 'steps'; label: 'Solution'; steps: readonly Step[] }
  | { kind: 'list'; label: 'Common mistakes'; entries: readonly RichText[] };

/**
 * What an item teaches once answered, in the order and under the labels
 * every output that folds them into one place shows them (Anki's extra
 * field, Moodle's general feedback, QTI's solution feedback): the
 * explanation, the worked solution, the quick check, the common mistakes.
 * The hint is not one of them: each output places it before the answer
 * where it can.
 */
export function afterAnswerParts(item: Item): AfterAnswerPart[] {
  const parts: AfterAnswerPart[] = [];
  if (item.explanation) parts.push({ kind: 'text', label: 'Explanation', text: item.explanation });
  if (item.steps.length > 0) parts.push({ kind: 'steps', label: 'Solution', steps: item.steps });
  if (item.quickCheck) parts.push({ kind: 'text', label: 'Quick check', text: item.quickCheck });
  if (item.mistakes.length > 0)
    parts.push({ kind: 'list', label: 'Common mistakes', entries: item.mistakes });
  return parts;
}
