import type { Block, Option } from '@quizmark/model';
import { optionKey } from '@quizmark/model';
import type { List, ListItem } from 'mdast';
import { readAttributes } from './attributes.js';
import { readAttributedText } from './heading.js';
import { quoteText, splitTrailingQuote } from './option-feedback.js';
import { checkboxWithoutSpace, reportCheckboxWithoutSpace } from './option-near-misses.js';
import type { ParseContext } from './parse-context.js';
import { sliceSource } from './source-slice.js';

/** Depth of item headings: headings inside options are relative to it. */
const ITEM_DEPTH = 3;
const EMPTY_TASK = /^\[[ xX]?\]$/;

/** True for a GFM task list: the options of a choice. */
export function isTaskList(node: { type: string }): node is List {
  return (
    node.type === 'list' &&
    (node as List).children.some((item) => item.checked !== null && item.checked !== undefined)
  );
}

function isEmptyTaskText(item: ListItem): boolean {
  const only = item.children[0];
  return (
    item.children.length === 1 &&
    only?.type === 'paragraph' &&
    only.children.length === 1 &&
    only.children[0]?.type === 'text' &&
    EMPTY_TASK.test(only.children[0].value.trim())
  );
}

/** Reads the options of a task list; an option's trailing `{pin}` keeps it in place when shuffled. */
export function readOptions(list: List, context: ParseContext): Option[] {
  const options: Option[] = [];
  for (const item of list.children) {
    const place = item.position ?? list.position ?? null;
    if (item.checked === null || item.checked === undefined) {
      const missingSpace = checkboxWithoutSpace(item, context);
      if (missingSpace !== null) {
        reportCheckboxWithoutSpace(item, missingSpace, context);
      } else if (isEmptyTaskText(item)) {
        context.list.report(
          'option-empty',
          'expected option text after the checkbox (`- [ ] text`), found none',
          place,
        );
      } else {
        context.list.report(
          'unexpected-content',
          'expected a task list item (`- [ ] …` or `- [x] …`) among the options, found a plain list item: it is left out',
          place,
        );
      }
      continue;
    }
    const option = readOption(item, options.length, context);
    if (option.text.children.length === 0) {
      context.list.report(
        'option-empty',
        'expected option text after the checkbox (`- [ ] text`), found none',
        place,
      );
      continue;
    }
    if (place) context.places.set(option, place);
    options.push(option);
  }
  return options;
}

function readOption(item: ListItem, index: number, context: ParseContext): Option {
  const { content: children, quote } = splitTrailingQuote(item);
  const last = children[children.length - 1];
  let pinned = false;
  let blocks: Block[];
  let end = last?.position?.end.offset ?? 0;
  if (last?.type === 'paragraph') {
    const text = readAttributedText(last, context);
    const attributes = readAttributes(text.attributes, 'option', context.list);
    pinned = attributes.pin;
    const inlines = text.inlines;
    const first = inlines[0];
    if (first?.type === 'text') inlines[0] = { type: 'text', value: first.value.trimStart() };
    blocks = context.builder.blocks(children.slice(0, -1), ITEM_DEPTH);
    if (inlines.length > 0) blocks.push({ type: 'paragraph', children: inlines });
    if (text.end !== null) end = text.end;
  } else {
    blocks = context.builder.blocks(children, ITEM_DEPTH);
  }
  // The task checkbox is not part of the text: start at the first inline of the paragraph.
  const first = children[0];
  const start =
    first?.type === 'paragraph'
      ? (first.children[0]?.position?.start ?? first.position?.start)
      : first?.position?.start;
  const markdown =
    start?.offset !== undefined && end > start.offset
      ? sliceSource(context.source, start.offset, end, start.column).trim()
      : '';
  const feedback = quote ? quoteText(quote, context) : null;
  if (feedback && quote?.position) context.places.set(feedback, quote.position);
  return {
    key: optionKey(index),
    text: { markdown, children: blocks },
    correct: item.checked === true,
    pinned,
    feedback,
  };
}
