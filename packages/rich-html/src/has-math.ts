import {
  type Block,
  type BlockVisitor,
  type Inline,
  type InlineVisitor,
  type RichText,
  visitBlock,
  visitInline,
} from '@quizmark/model';

// Whether rich text holds math: a page carries the math stylesheet only then.

const INLINE_MATH: InlineVisitor<boolean> = {
  text: () => false,
  emphasis: (node) => inlinesHaveMath(node.children),
  strong: (node) => inlinesHaveMath(node.children),
  delete: (node) => inlinesHaveMath(node.children),
  link: (node) => inlinesHaveMath(node.children),
  inlineCode: () => false,
  inlineMath: () => true,
  break: () => false,
  cloze: () => false,
  image: () => false,
  html: () => false,
};

const BLOCK_MATH: BlockVisitor<boolean> = {
  paragraph: (node) => inlinesHaveMath(node.children),
  heading: (node) => inlinesHaveMath(node.children),
  code: () => false,
  list: (node) => node.children.some((item) => blocksHaveMath(item.children)),
  blockquote: (node) => blocksHaveMath(node.children),
  thematicBreak: () => false,
  math: () => true,
  table: (node) =>
    node.children.some((row) => row.children.some((cell) => inlinesHaveMath(cell.children))),
  html: () => false,
};

function inlinesHaveMath(nodes: readonly Inline[]): boolean {
  return nodes.some((node) => visitInline(node, INLINE_MATH, undefined));
}

function blocksHaveMath(nodes: readonly Block[]): boolean {
  return nodes.some((node) => visitBlock(node, BLOCK_MATH, undefined));
}

/** Whether any of these texts has inline or display math. */
export function hasMath(texts: Iterable<RichText>): boolean {
  for (const text of texts) if (blocksHaveMath(text.children)) return true;
  return false;
}
