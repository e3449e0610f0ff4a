import {
  type Block,
  type BlockVisitor,
  type Inline,
  type InlineVisitor,
  type RichNodeType,
  type RichText,
  visitBlock,
  visitInline,
} from '@quizmark/model';

/** What a check over rich text hears of it: every node type, its text, code and images. */
export interface RichTextScan {
  /** Node types met, in order of first meeting. */
  seen: Set<RichNodeType>;
  text(value: string): void;
  code(value: string): void;
  image(url: string, alt: string): void;
}

// Through the model's exhaustive visitors, so that a node type added to the
// model fails to compile here until the output checks know what it holds.
const INLINE: InlineVisitor<void, RichTextScan> = {
  text: (node, scan) => scan.text(node.value),
  emphasis: (node, scan) => inlines(node.children, scan),
  strong: (node, scan) => inlines(node.children, scan),
  delete: (node, scan) => inlines(node.children, scan),
  inlineCode: (node, scan) => scan.code(node.value),
  link: (node, scan) => inlines(node.children, scan),
  image: (node, scan) => scan.image(node.url, node.alt),
  break: () => {},
  html: (node, scan) => scan.text(node.value),
  inlineMath: (node, scan) => scan.text(node.value),
  cloze: (node, scan) => {
    scan.text(node.answer);
    if (node.hint) scan.text(node.hint);
  },
};

const BLOCK: BlockVisitor<void, RichTextScan> = {
  paragraph: (node, scan) => inlines(node.children, scan),
  heading: (node, scan) => inlines(node.children, scan),
  code: (node, scan) => scan.code(node.value),
  list: (node, scan) => {
    for (const item of node.children) {
      scan.seen.add('listItem');
      blocks(item.children, scan);
    }
  },
  blockquote: (node, scan) => blocks(node.children, scan),
  thematicBreak: () => {},
  math: (node, scan) => scan.text(node.value),
  html: (node, scan) => scan.text(node.value),
  table: (node, scan) => {
    for (const row of node.children) {
      scan.seen.add('tableRow');
      for (const cell of row.children) {
        scan.seen.add('tableCell');
        inlines(cell.children, scan);
      }
    }
  },
};

function inlines(nodes: readonly Inline[], scan: RichTextScan): void {
  for (const node of nodes) {
    scan.seen.add(node.type);
    visitInline(node, INLINE, scan);
  }
}

function blocks(nodes: readonly Block[], scan: RichTextScan): void {
  for (const node of nodes) {
    scan.seen.add(node.type);
    visitBlock(node, BLOCK, scan);
  }
}

/** Tells `scan` every node of a rich text, parents first. */
export function scanRichText(text: RichText, scan: RichTextScan): void {
  blocks(text.children, scan);
}
