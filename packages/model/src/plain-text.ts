import type { Block, Inline, RichText } from './rich-text.js';

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

export function inlinesToPlainText(nodes: readonly Inline[]): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
      case 'inlineMath':
        out += node.value;
        break;
      case 'html':
        out += htmlToPlainText(node.value);
        break;
      case 'image':
        out += node.alt;
        break;
      case 'break':
        out += '\n';
        break;
      default:
        out += inlinesToPlainText(node.children);
    }
  }
  return out;
}

export function blocksToPlainText(nodes: readonly Block[]): string {
  return nodes
    .map((node): string => {
      switch (node.type) {
        case 'paragraph':
        case 'heading':
          return inlinesToPlainText(node.children);
        case 'code':
          return node.value;
        case 'html':
          return htmlToPlainText(node.value).trim();
        case 'blockquote':
          return blocksToPlainText(node.children);
        case 'list':
          return node.children.map((item) => blocksToPlainText(item.children)).join('\n');
        case 'table':
          return node.children
            .map((row) => row.children.map((cell) => inlinesToPlainText(cell.children)).join('\t'))
            .join('\n');
        default:
          return '';
      }
    })
    .filter((text) => text !== '')
    .join('\n\n');
}

/** Plain text of rich text, for titles, sort fields and search. */
export function toPlainText(text: RichText): string {
  return blocksToPlainText(text.children);
}
