import type { RichText } from '@quizmark/model';
import type { BlockContent, Blockquote, DefinitionContent, ListItem } from 'mdast';
import { ITEM_DEPTH } from './item-input.js';
import type { ParseContext } from './parse-context.js';
import { sliceSource } from './source-slice.js';

type ListItemContent = BlockContent | DefinitionContent;

/** A list item's content, and the block quote that ends it (indented under it), if any. */
export function splitTrailingQuote(item: ListItem): {
  content: ListItemContent[];
  quote: Blockquote | null;
} {
  const last = item.children[item.children.length - 1];
  if (last?.type !== 'blockquote' || item.children.length < 2) {
    return { content: item.children, quote: null };
  }
  return { content: item.children.slice(0, -1), quote: last };
}

/** The text inside a block quote, its Markdown without the `>` markers. */
export function quoteText(quote: Blockquote, context: ParseContext): RichText {
  const { start, end } = quote.position ?? {};
  const source =
    start?.offset !== undefined && end?.offset !== undefined
      ? sliceSource(context.source, start.offset, end.offset, start.column)
      : '';
  const markdown = source
    .split('\n')
    .map((line) => line.replace(/^ {0,3}> ?/, ''))
    .join('\n')
    .trim();
  const [children, withDefinitions] = context.builder.withDefinitions(markdown, () =>
    context.builder.blocks(quote.children, ITEM_DEPTH),
  );
  return { markdown: withDefinitions, children };
}

/** A block quote ending a matching or ordering entry: there is no option to give it to. */
export function reportEntryQuote(quote: Blockquote, what: string, context: ParseContext): void {
  context.list.report(
    'feedback-not-option',
    `expected feedback only under the options of a choice or true/false question, found a block quote in ${what}: it is left out (put it in a \`#### Explanation\` part)`,
    quote.position,
  );
}
