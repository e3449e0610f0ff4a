import {
  type Block,
  type BlockVisitor,
  type Inline,
  type InlineVisitor,
  type Option,
  optionLetter,
  visitBlock,
  visitInline,
} from '@quizmark/model';

// Solutions often name options by letter ("Options B, C, and D describe…",
// "→ Option A"). Once options are shuffled those letters are wrong, so the
// key rewrites them to the printed letters. Only "Option(s) X" phrases in
// plain text change; code is left alone.

const REFERENCE =
  /\b(Options?|Answers?|Choices?)(\s+)([A-Z](?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*\/\s*|\s*&\s*)[A-Z])*)\b/g;

/** Author letter → printed letter, or null when the printed order is the author's. */
export function letterChanges(
  printed: readonly Option[],
  authored: readonly Option[],
): Map<string, string> | null {
  const changes = new Map<string, string>();
  authored.forEach((option, index) => {
    const at = printed.indexOf(option);
    if (at !== index && at >= 0) changes.set(optionLetter(index), optionLetter(at));
  });
  return changes.size > 0 ? changes : null;
}

/** Rewrites option letters in running text. Several letters in one phrase come out sorted. */
export function relabelText(text: string, changes: ReadonlyMap<string, string>): string {
  return text.replace(REFERENCE, (_match, word: string, space: string, list: string) => {
    const letters = list.match(/[A-Z]/g) ?? [];
    const mapped = letters.map((letter) => changes.get(letter) ?? letter).sort();
    let index = 0;
    return `${word}${space}${list.replace(/[A-Z]/g, () => mapped[index++]!)}`;
  });
}

type Changes = ReadonlyMap<string, string>;

// Only text is rewritten; code, math, URLs and raw HTML keep the author's letters.
const RELABEL_BLOCK: BlockVisitor<Block, Changes> = {
  paragraph: (block, changes) => ({ ...block, children: relabelInlines(block.children, changes) }),
  heading: (block, changes) => ({ ...block, children: relabelInlines(block.children, changes) }),
  list: (block, changes) => ({
    ...block,
    children: block.children.map((item) => ({
      ...item,
      children: relabelBlocks(item.children, changes),
    })),
  }),
  blockquote: (block, changes) => ({ ...block, children: relabelBlocks(block.children, changes) }),
  table: (block, changes) => ({
    ...block,
    children: block.children.map((row) => ({
      ...row,
      children: row.children.map((cell) => ({
        ...cell,
        children: relabelInlines(cell.children, changes),
      })),
    })),
  }),
  code: (block) => block,
  thematicBreak: (block) => block,
  math: (block) => block,
  html: (block) => block,
};

const RELABEL_INLINE: InlineVisitor<Inline, Changes> = {
  text: (node, changes) => ({ ...node, value: relabelText(node.value, changes) }),
  emphasis: (node, changes) => ({ ...node, children: relabelInlines(node.children, changes) }),
  strong: (node, changes) => ({ ...node, children: relabelInlines(node.children, changes) }),
  delete: (node, changes) => ({ ...node, children: relabelInlines(node.children, changes) }),
  link: (node, changes) => ({ ...node, children: relabelInlines(node.children, changes) }),
  inlineCode: (node) => node,
  inlineMath: (node) => node,
  image: (node) => node,
  break: (node) => node,
  html: (node) => node,
  // A blank's answer is the author's text, not a reference to an option.
  cloze: (node) => node,
};

export function relabelBlocks(blocks: readonly Block[], changes: Changes): Block[] {
  return blocks.map((block) => visitBlock(block, RELABEL_BLOCK, changes));
}

function relabelInlines(nodes: readonly Inline[], changes: Changes): Inline[] {
  return nodes.map((node) => visitInline(node, RELABEL_INLINE, changes));
}
