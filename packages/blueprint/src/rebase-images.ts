import { posix } from 'node:path';
import {
  type Block,
  type BlockVisitor,
  type Inline,
  type InlineVisitor,
  type Item,
  itemTexts,
  visitBlock,
  visitInline,
} from '@quizmark/model';

/** `https:`, `data:`, `/abs`, `//host`: URLs that mean the same from any folder. */
const KEEPS_ITS_MEANING = /^(?:[a-z][a-z0-9+.-]*:|\/)/i;

/** An image URL written in a deck at `from`, as it reads from the exam file's folder. */
export function rebaseUrl(url: string, from: string): string {
  if (KEEPS_ITS_MEANING.test(url)) return url;
  const folder = posix.dirname(from);
  return folder === '.' ? url : posix.normalize(posix.join(folder, url));
}

type Rewrite = (url: string) => string;
const none = () => undefined;
const inlines = (children: readonly Inline[], rewrite: Rewrite) => {
  for (const child of children) visitInline(child, inlineVisitor, rewrite);
};
const blocks = (children: readonly Block[], rewrite: Rewrite) => {
  for (const child of children) visitBlock(child, blockVisitor, rewrite);
};

const inlineVisitor: InlineVisitor<void, Rewrite> = {
  text: none,
  inlineCode: none,
  break: none,
  html: none,
  inlineMath: none,
  cloze: none,
  emphasis: (node, rewrite) => inlines(node.children, rewrite),
  strong: (node, rewrite) => inlines(node.children, rewrite),
  delete: (node, rewrite) => inlines(node.children, rewrite),
  link: (node, rewrite) => inlines(node.children, rewrite),
  image: (node, rewrite) => {
    node.url = rewrite(node.url);
  },
};

const blockVisitor: BlockVisitor<void, Rewrite> = {
  code: none,
  thematicBreak: none,
  html: none,
  math: none,
  paragraph: (node, rewrite) => inlines(node.children, rewrite),
  heading: (node, rewrite) => inlines(node.children, rewrite),
  blockquote: (node, rewrite) => blocks(node.children, rewrite),
  list: (node, rewrite) => {
    for (const entry of node.children) blocks(entry.children, rewrite);
  },
  table: (node, rewrite) => {
    for (const row of node.children)
      for (const cell of row.children) inlines(cell.children, rewrite);
  },
};

/**
 * A copy of a drawn item whose relative image URLs resolve from the exam
 * file's folder instead of the deck's; returns the URLs, rewritten, in
 * reading order. The Markdown beside each text stays as the author wrote it.
 */
export function rebaseImages(item: Item, from: string): { item: Item; urls: string[] } {
  const copy = structuredClone(item);
  const urls: string[] = [];
  const rewrite: Rewrite = (url) => {
    const rebased = rebaseUrl(url, from);
    urls.push(rebased);
    return rebased;
  };
  for (const text of itemTexts(copy)) blocks(text.children, rewrite);
  return { item: copy, urls };
}
