import type { Block, Inline, RichText } from './rich-text.js';
import {
  type BlockVisitor,
  type InlineVisitor,
  visitBlock,
  visitInline,
} from './rich-text-visitor.js';

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** Text of raw author HTML with the tags dropped: for outputs that cannot show HTML. */
export function htmlToPlainText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, '')
    .replace(/<[^>]*>?/g, '')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (match, name: string) => {
      if (name[0] === '#') {
        const code =
          name[1] === 'x' || name[1] === 'X'
            ? Number.parseInt(name.slice(2), 16)
            : Number(name.slice(1));
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
      }
      return ENTITIES[name.toLowerCase()] ?? match;
    });
}

const INLINE_TEXT: InlineVisitor<string> = {
  text: (node) => node.value,
  inlineCode: (node) => node.value,
  inlineMath: (node) => node.value,
  cloze: (node) => node.answer,
  html: (node) => htmlToPlainText(node.value),
  image: (node) => node.alt,
  break: () => '\n',
  emphasis: (node) => inlinesToPlainText(node.children),
  strong: (node) => inlinesToPlainText(node.children),
  delete: (node) => inlinesToPlainText(node.children),
  link: (node) => inlinesToPlainText(node.children),
};

export function inlinesToPlainText(nodes: readonly Inline[]): string {
  let out = '';
  for (const node of nodes) out += visitInline(node, INLINE_TEXT, undefined);
  return out;
}

const BLOCK_TEXT: BlockVisitor<string> = {
  paragraph: (node) => inlinesToPlainText(node.children),
  heading: (node) => inlinesToPlainText(node.children),
  code: (node) => node.value,
  html: (node) => htmlToPlainText(node.value).trim(),
  blockquote: (node) => blocksToPlainText(node.children),
  list: (node) => node.children.map((item) => blocksToPlainText(item.children)).join('\n'),
  table: (node) =>
    node.children
      .map((row) => row.children.map((cell) => inlinesToPlainText(cell.children)).join('\t'))
      .join('\n'),
  thematicBreak: () => '',
  math: (node) => node.value,
};

export function blocksToPlainText(nodes: readonly Block[]): string {
  return nodes
    .map((node) => visitBlock(node, BLOCK_TEXT, undefined))
    .filter((text) => text !== '')
    .join('\n\n');
}

/** Plain text of rich text, for titles, sort fields and search. */
export function toPlainText(text: RichText): string {
  return blocksToPlainText(text.children);
}
