import type { Ordering, RichText } from '@quizmark/model';
import {
  firstList,
  ITEM_DEPTH,
  type ItemInput,
  listAt,
  reportAfterList,
  stemBefore,
} from './item-input.js';
import { reportEntryQuote, splitTrailingQuote } from './option-feedback.js';

/** `type=ordering`: a list (ordered or not) of the entries in their correct order. */
export function buildOrdering(input: ItemInput): Ordering {
  const { context, body, place, fields } = input;
  input.misplaced(
    'answer',
    'expected no `#### Answer` in an ordering question (its answer is the order of its list), found one: it is left out',
  );
  input.misplaced(
    'concepts',
    'expected `#### Concepts` only in explain items, found it in an ordering question: it is left out',
  );
  const index = firstList(body);
  const entries = listAt(body, index);
  reportAfterList(input, index, { list: 'list of steps', before: 'list' });
  if (entries?.position) fields.set('sequence', entries.position);
  const sequence: RichText[] = [];
  for (const item of entries?.children ?? []) {
    const { content, quote } = splitTrailingQuote(item);
    if (quote) reportEntryQuote(quote, 'an ordering entry', context);
    const text = context.builder.richText(content, ITEM_DEPTH);
    if (text.children.length === 0) continue;
    if (item.position) context.places.set(text, item.position);
    sequence.push(text);
  }
  if (sequence.length < 2) {
    context.list.report(
      'ordering-too-few',
      entries
        ? `expected at least two entries to put in order, found ${sequence.length === 0 ? 'none' : 'one'}`
        : 'expected a list of the entries in their correct order (`1. Ask a question`) in this ordering question, found none',
      entries?.position ?? place,
    );
  }
  return { type: 'ordering', ...input.base, stem: stemBefore(input, index), sequence };
}
