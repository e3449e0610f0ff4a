import type { Ordering } from '@quizmark/model';
import { seededOrder, toPlainText } from '@quizmark/model';
import {
  baseContext,
  type Html,
  type ItemBaseContext,
  type RichRenderer,
} from './item-base-context.js';

export interface OrderingContext extends ItemBaseContext {
  type: 'ordering';
  /** The entries shuffled (seeded by the item id), each with its correct position. */
  entries: Array<{ html: Html; plain: string; position: number }>;
  /** The entries in their correct order, for answers and the key. */
  sequence: Array<{ number: number; html: Html }>;
  entryCount: number;
}

export function orderingContext(
  item: Ordering,
  rich: RichRenderer,
  number: number,
): OrderingContext {
  const base = baseContext(item, item.stem, rich, number);
  const sequence = item.sequence.map((entry, index) => ({
    number: index + 1,
    html: rich.inline(entry),
  }));
  return {
    ...base,
    type: 'ordering',
    entries: seededOrder(item.sequence.length, item.id).map((source) => ({
      html: sequence[source]!.html,
      plain: toPlainText(item.sequence[source]!).replace(/\s+/g, ' ').trim(),
      position: source + 1,
    })),
    sequence,
    entryCount: item.sequence.length,
  };
}
