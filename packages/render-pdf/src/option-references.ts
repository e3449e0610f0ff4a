import type { Block, Inline, Option } from '@quizmark/model';
import { letterOf } from './plan-versions.js';

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
    if (at !== index && at >= 0) changes.set(letterOf(index), letterOf(at));
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

export function relabelBlocks(
  blocks: readonly Block[],
  changes: ReadonlyMap<string, string>,
): Block[] {
  return blocks.map((block): Block => {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        return { ...block, children: relabelInlines(block.children, changes) };
      case 'list':
        return {
          ...block,
          children: block.children.map((item) => ({
            ...item,
            children: relabelBlocks(item.children, changes),
          })),
        };
      case 'blockquote':
        return { ...block, children: relabelBlocks(block.children, changes) };
      case 'table':
        return {
          ...block,
          children: block.children.map((row) => ({
            ...row,
            children: row.children.map((cell) => ({
              ...cell,
              children: relabelInlines(cell.children, changes),
            })),
          })),
        };
      default:
        return block;
    }
  });
}

function relabelInlines(nodes: readonly Inline[], changes: ReadonlyMap<string, string>): Inline[] {
  return nodes.map((node): Inline => {
    switch (node.type) {
      case 'text':
        return { ...node, value: relabelText(node.value, changes) };
      case 'emphasis':
      case 'strong':
      case 'delete':
      case 'link':
        return { ...node, children: relabelInlines(node.children, changes) };
      default:
        return node;
    }
  });
}
