import type {
  AnswerSpace,
  Block,
  Difficulty,
  Flashcard,
  Inline,
  ItemType,
  Level,
  RichText,
  ScoringRule,
} from '@quizmark/model';
import type { Heading, List, RootContent } from 'mdast';
import type { Attributes } from './attributes.js';
import type { AttributedText } from './heading.js';
import type { Place } from './line-index.js';
import type { ParseContext } from './parse-context.js';
import type { PartName } from './parts.js';
import { isHtmlComment } from './rich-text-builder.js';

export const ITEM_DEPTH = 3;
export const PART_DEPTH = 4;

/** What a section (and the frontmatter) hand down to its items. */
export interface ItemDefaults {
  type: ItemType | null;
  level: Level | null;
  difficulty: Difficulty | null;
  tags: string[];
  multiple: boolean | null;
  shuffle: boolean | null;
  caseSensitive: boolean | null;
  points: number | null;
  scoring: ScoringRule | null;
  /** Lines and height go together: an item's `lines=` replaces its section's `space=`. */
  answerSpace: AnswerSpace;
}

export interface Part {
  name: PartName;
  heading: Heading;
  blocks: RootContent[];
}

/** The fields every item has, whatever its type. */
export type ItemBase = Omit<Flashcard, 'type' | 'front' | 'back'>;

/** One `###` item, read up to its type: what each type's builder starts from. */
export interface ItemInput {
  context: ParseContext;
  attributes: Attributes;
  defaults: ItemDefaults;
  heading: AttributedText;
  base: ItemBase;
  /** The blocks before the first part. */
  body: RootContent[];
  parts: Map<PartName, Part>;
  place: Place | null;
  /** Source places of single fields, for schema messages. */
  fields: Map<string, Place>;
  /** The rich text of a part, null (and reported) when it is empty. */
  partText(name: PartName): RichText | null;
  /** Reports a part this type has no use for. */
  misplaced(name: PartName, reason: string): void;
}

/** Blocks that carry content (not comments, not link definitions). */
export function contentBlocks(blocks: readonly RootContent[]): RootContent[] {
  return blocks.filter((block) => block.type !== 'definition' && !isHtmlComment(block));
}

/** Rich text that starts with the heading as its first paragraph (stems, prompts). */
export function withHeading(
  heading: { inlines: Inline[]; markdown: string },
  body: RichText,
): RichText {
  const children: Block[] =
    heading.inlines.length > 0 ? [{ type: 'paragraph', children: heading.inlines }] : [];
  children.push(...body.children);
  const markdown = [heading.markdown, body.markdown].filter((text) => text !== '').join('\n\n');
  return { markdown, children };
}

/** The stem of an item whose answer is a list: the heading and the blocks before the list. */
export function stemBefore(input: ItemInput, index: number): RichText {
  const blocks = index === -1 ? input.body : input.body.slice(0, index);
  return withHeading(input.heading, input.context.builder.richText(blocks, ITEM_DEPTH));
}

/** The first plain (or ordered) list of the body: the answer of a matching or ordering item. */
export function firstList(body: readonly RootContent[]): number {
  return body.findIndex((block) => block.type === 'list');
}

/** Reports the blocks after the list that ends an item ("put it before, or in an Explanation"). */
export function reportAfterList(
  input: ItemInput,
  index: number,
  what: { list: string; before: string },
  quoteIsFeedback = false,
): void {
  if (index === -1) return;
  let feedback = quoteIsFeedback;
  for (const extra of contentBlocks(input.body.slice(index + 1))) {
    if (feedback && extra.type === 'blockquote') {
      input.context.list.report(
        'feedback-not-option',
        'expected option feedback indented under its option, found a block quote after the options list: it is left out; indent it under the option with two spaces (`- [ ] Speed` then `  > Speed has no direction.`)',
        extra.position,
      );
      continue;
    }
    feedback = false;
    input.context.list.report(
      'unexpected-content',
      `expected the ${what.list} to end the question, found more content after it: it is left out (put it before the ${what.before}, or in a \`#### Explanation\` part)`,
      extra.position,
    );
  }
}

export function listAt(body: readonly RootContent[], index: number): List | null {
  const block = index === -1 ? undefined : body[index];
  return block?.type === 'list' ? block : null;
}
