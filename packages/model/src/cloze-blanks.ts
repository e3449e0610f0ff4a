import type { Block, ClozeBlank, Inline, RichText } from './rich-text.js';

// The one walk that finds a cloze item's blanks, for renderers (one card per
// number), for checks and for the schema's "at least one blank" rule.

function inlineBlanks(nodes: readonly Inline[], out: ClozeBlank[]): void {
  for (const node of nodes) {
    if (node.type === 'cloze') out.push(node);
    else if ('children' in node) inlineBlanks(node.children, out);
  }
}

function blockBlanks(nodes: readonly Block[], out: ClozeBlank[]): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
        inlineBlanks(node.children, out);
        break;
      case 'blockquote':
        blockBlanks(node.children, out);
        break;
      case 'list':
        for (const item of node.children) blockBlanks(item.children, out);
        break;
      case 'table':
        for (const row of node.children)
          for (const cell of row.children) inlineBlanks(cell.children, out);
        break;
      default:
        break;
    }
  }
}

/** Every blank of a text, in reading order. */
export function clozeBlanks(text: RichText): ClozeBlank[] {
  const out: ClozeBlank[] = [];
  blockBlanks(text.children, out);
  return out;
}

/** The distinct blank numbers of a text, ascending: one Anki card each. */
export function clozeNumbers(text: RichText): number[] {
  return [...new Set(clozeBlanks(text).map((blank) => blank.number))].sort((a, b) => a - b);
}
