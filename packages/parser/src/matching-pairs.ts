import {
  type Block,
  type Inline,
  inlinesToPlainText,
  type Matching,
  type MatchPair,
  type RichText,
} from '@quizmark/model';
import type { ListItem, PhrasingContent } from 'mdast';
import {
  firstList,
  ITEM_DEPTH,
  type ItemInput,
  listAt,
  reportAfterList,
  stemBefore,
} from './item-input.js';
import { reportEntryQuote, splitTrailingQuote } from './option-feedback.js';
import type { ParseContext } from './parse-context.js';
import { sliceSource } from './source-slice.js';

const ARROW = /→|->/;

interface Sides {
  left: RichText;
  right: RichText;
}

/** The first arrow of a paragraph outside code: its text node and index, where in it, its source offset. */
function findArrow(children: readonly PhrasingContent[], context: ParseContext) {
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (child.type !== 'text') continue;
    const match = ARROW.exec(child.value);
    if (!match) continue;
    const start = child.position?.start.offset ?? 0;
    const end = child.position?.end.offset ?? start;
    const found = context.source.indexOf(match[0], start);
    const offset = found !== -1 && found < end ? found : start + match.index;
    return { index, text: child, at: match.index, arrow: match[0], offset };
  }
  return null;
}

/** Splits `left → right` at its first arrow; null when the entry has none. */
function readSides(item: ListItem, context: ParseContext): Sides | null {
  const { builder, source } = context;
  const { content, quote } = splitTrailingQuote(item);
  if (quote) reportEntryQuote(quote, 'a matching entry', context);
  const [paragraph, ...rest] = content;
  if (paragraph?.type !== 'paragraph') return null;
  const arrow = findArrow(paragraph.children, context);
  if (!arrow) return null;
  const { text } = arrow;
  const before: PhrasingContent[] = [
    ...paragraph.children.slice(0, arrow.index),
    { type: 'text', value: text.value.slice(0, arrow.at).trimEnd() },
  ];
  const after: PhrasingContent[] = [
    { type: 'text', value: text.value.slice(arrow.at + arrow.arrow.length).trimStart() },
    ...paragraph.children.slice(arrow.index + 1),
  ];
  const inlines = (nodes: PhrasingContent[]): Inline[] =>
    builder.inlines(nodes).filter((node) => node.type !== 'text' || node.value !== '');
  const start = paragraph.position?.start;
  const end = content[content.length - 1]?.position?.end.offset ?? arrow.offset;
  const column = start?.column ?? 1;
  const leftMarkdown = source.slice(start?.offset ?? arrow.offset, arrow.offset).trim();
  const rightMarkdown = sliceSource(source, arrow.offset + arrow.arrow.length, end, column).trim();
  const [leftInlines, leftWithDefinitions] = builder.withDefinitions(leftMarkdown, () =>
    inlines(before),
  );
  const [rightBlocks, rightWithDefinitions] = builder.withDefinitions(rightMarkdown, () => {
    const first = inlines(after);
    const blocks: Block[] = first.length > 0 ? [{ type: 'paragraph', children: first }] : [];
    return [...blocks, ...builder.blocks(rest, ITEM_DEPTH)];
  });
  return {
    left: {
      markdown: leftWithDefinitions,
      children: leftInlines.length > 0 ? [{ type: 'paragraph', children: leftInlines }] : [],
    },
    right: { markdown: rightWithDefinitions, children: rightBlocks },
  };
}

const sideText = (text: RichText): string =>
  text.children
    .map((block) => (block.type === 'paragraph' ? inlinesToPlainText(block.children) : ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();

/** `type=matching`: a list of `left → right` entries; `- → right` alone is a distractor. */
export function buildMatching(input: ItemInput): Matching {
  const { context, body, place, fields } = input;
  const { list } = context;
  input.misplaced(
    'answer',
    'expected no `#### Answer` in a matching question (its answers are the `left → right` pairs), found one: it is left out',
  );
  input.misplaced(
    'concepts',
    'expected `#### Concepts` only in explain items, found it in a matching question: it is left out',
  );
  const index = firstList(body);
  const entries = listAt(body, index);
  reportAfterList(input, index, { list: 'list of pairs', before: 'pairs' });
  if (entries?.position) fields.set('pairs', entries.position);
  const pairs: MatchPair[] = [];
  const distractors: RichText[] = [];
  const lefts = new Map<string, number>();
  for (const item of entries?.children ?? []) {
    const sides = readSides(item, context);
    const line = item.position?.start.line ?? 1;
    if (!sides) {
      list.report(
        'matching-no-arrow',
        'expected a pair such as `Force → newton` (or `Force -> newton`; `→ kelvin` alone is a distractor), found an entry with no arrow: it is left out',
        item.position,
      );
      continue;
    }
    if (sides.right.children.length === 0) {
      list.report(
        'matching-no-arrow',
        `expected something right of the arrow (\`${sides.left.markdown} → newton\`), found nothing: the entry is left out`,
        item.position,
      );
      continue;
    }
    if (item.position) context.places.set(sides.right, item.position);
    if (sides.left.children.length === 0) {
      distractors.push(sides.right);
      continue;
    }
    const key = sideText(sides.left);
    const first = lefts.get(key);
    if (first !== undefined) {
      list.report(
        'matching-duplicate-left',
        `expected each left side once, found \`${sides.left.markdown}\` again (first on line ${first}): merge the two pairs or reword one`,
        item.position,
      );
      continue;
    }
    lefts.set(key, line);
    const pair: MatchPair = sides;
    if (item.position) context.places.set(pair, item.position);
    pairs.push(pair);
  }
  if (pairs.length < 2) {
    list.report(
      'matching-too-few-pairs',
      entries
        ? `expected at least two pairs (\`Force → newton\`) in a matching question, found ${pairs.length === 0 ? 'none' : 'one'}`
        : 'expected a list of pairs (`- Force → newton`) in this matching question, found none',
      entries?.position ?? place,
    );
  }
  return { type: 'matching', ...input.base, stem: stemBefore(input, index), pairs, distractors };
}
