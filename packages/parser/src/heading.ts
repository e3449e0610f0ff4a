import { type Inline, inlinesToPlainText } from '@quizmark/model';
import type { Heading, Paragraph, PhrasingContent } from 'mdast';
import { type AttributeBlock, findAttributeBlock } from './attributes.js';
import type { Place } from './line-index.js';
import type { ParseContext } from './parse-context.js';
import { sliceSource } from './source-slice.js';

/** A heading or paragraph with its trailing `{…}` attribute block taken off. */
export interface AttributedText {
  inlines: Inline[];
  /** Plain text, whitespace collapsed: the item or section title. */
  title: string;
  /** The author's Markdown without the attribute block. */
  markdown: string;
  attributes: AttributeBlock | null;
  place: Place | null;
  /** Offset where the kept text ends (before the attribute block). */
  end: number | null;
}

/** Drops the `{…}` suffix from the last text node, without touching the tree. */
function withoutAttributeText(children: readonly PhrasingContent[]): PhrasingContent[] {
  const last = children[children.length - 1];
  if (last?.type !== 'text') return [...children];
  const index = last.value.lastIndexOf('{');
  if (index === -1) return [...children];
  const value = last.value.slice(0, index).trimEnd();
  const head = children.slice(0, -1);
  return value === '' ? head : [...head, { ...last, value }];
}

/** The trailing `{…}` block of a heading or paragraph, reported when it cannot be read. */
export function trailingAttributes(
  node: Heading | Paragraph,
  context: ParseContext,
): AttributeBlock | null {
  const first = node.children[0]?.position;
  const last = node.children[node.children.length - 1]?.position;
  if (first?.start.offset === undefined || last?.end.offset === undefined) return null;
  return findAttributeBlock(
    context.source,
    first.start.offset,
    last.end.offset,
    context.lines,
    context.list,
  );
}

/**
 * Reads the text of a heading (or an option's paragraph) and its trailing
 * attributes. An item passes the attributes it already read (its type
 * depends on them) and, for a cloze, the step that turns its markers into blanks.
 */
export function readAttributedText(
  node: Heading | Paragraph,
  context: ParseContext,
  attributes: AttributeBlock | null = trailingAttributes(node, context),
  transform: (children: PhrasingContent[]) => PhrasingContent[] = (children) => children,
): AttributedText {
  const { source, builder } = context;
  const first = node.children[0]?.position;
  const last = node.children[node.children.length - 1]?.position;
  const place = node.position ?? null;
  if (first?.start.offset === undefined || last?.end.offset === undefined) {
    return { inlines: [], title: '', markdown: '', attributes: null, place, end: null };
  }
  const start = first.start.offset;
  const children = transform(attributes ? withoutAttributeText(node.children) : [...node.children]);
  const end = attributes ? attributes.start : last.end.offset;
  const [inlines, markdown] = builder.withDefinitions(
    sliceSource(source, start, end, first.start.column).trim(),
    () => builder.inlines(children),
  );
  return {
    inlines,
    title: inlinesToPlainText(inlines).replace(/\s+/g, ' ').trim(),
    markdown,
    attributes,
    place,
    end,
  };
}
