import { resolveLanguage } from '@quizmark/highlight';
import type { Block, Inline, ListItem } from '@quizmark/model';
import { type CodeStyle, highlightedCodeHtml } from './code-html.js';
import { escapeHtmlAttribute, escapeHtmlText } from './html-escape.js';

// Rich text without raw HTML, links or images, straight to an HTML string.
// Such text is safe by construction (every value is escaped here), so it
// needs neither a hast tree nor the sanitiser. The output is the bytes
// `toHtml(richTextToHast(…))` gives for the same text; a test holds the two
// paths together.

/** Whether the typed serialiser can draw these nodes: no raw HTML, no URLs. */
export function isTypedOnly(
  nodes: ReadonlyArray<Block | Inline | ListItem | TableRow | TableCell>,
): boolean {
  for (const node of nodes) {
    if (node.type === 'html' || node.type === 'link' || node.type === 'image') return false;
    if ('children' in node && !isTypedOnly(node.children as ReadonlyArray<Block | Inline>))
      return false;
  }
  return true;
}

type TableRow = Extract<Block, { type: 'table' }>['children'][number];
type TableCell = TableRow['children'][number];

/** Blocks of typed-only rich text as HTML. */
export function typedBlocksHtml(
  blocks: readonly Block[],
  headingOffset: number,
  codeStyle: CodeStyle,
): string {
  let out = '';
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
        out += `<p>${typedInlinesHtml(block.children)}</p>`;
        break;
      case 'heading': {
        const tag = `h${Math.min(6, block.depth + headingOffset)}`;
        out += `<${tag}>${typedInlinesHtml(block.children)}</${tag}>`;
        break;
      }
      case 'code':
        out += codeHtml(block.value, block.lang || null, codeStyle);
        break;
      case 'list':
        out += listHtml(block, headingOffset, codeStyle);
        break;
      case 'blockquote':
        out += `<blockquote>${typedBlocksHtml(block.children, headingOffset, codeStyle)}</blockquote>`;
        break;
      case 'thematicBreak':
        out += '<hr>';
        break;
      case 'table':
        out += tableHtml(block);
        break;
      case 'html':
        throw new Error('raw HTML needs the sanitising path');
    }
  }
  return out;
}

function codeHtml(value: string, lang: string | null, codeStyle: CodeStyle): string {
  const inner = highlightedCodeHtml(value, lang, codeStyle);
  if (!lang) return `<pre><code class="hljs">${inner}</code></pre>`;
  const dataLang = escapeHtmlAttribute(resolveLanguage(lang) ?? lang);
  const className = escapeHtmlAttribute(`language-${lang}`);
  return `<pre data-lang="${dataLang}"><code class="hljs ${className}">${inner}</code></pre>`;
}

function listHtml(
  list: Extract<Block, { type: 'list' }>,
  headingOffset: number,
  codeStyle: CodeStyle,
): string {
  const tag = list.ordered ? 'ol' : 'ul';
  const start =
    list.ordered && list.start !== null && list.start !== 1 ? ` start="${list.start}"` : '';
  let items = '';
  for (const item of list.children) {
    const box =
      item.checked === null
        ? ''
        : `<input type="checkbox" disabled${item.checked ? ' checked' : ''}> `;
    // A tight single paragraph reads better unwrapped inside <li>.
    const only = item.children.length === 1 ? item.children[0] : undefined;
    const body =
      only?.type === 'paragraph'
        ? typedInlinesHtml(only.children)
        : typedBlocksHtml(item.children, headingOffset, codeStyle);
    items += `<li>${box}${body}</li>`;
  }
  return `<${tag}${start}>${items}</${tag}>`;
}

function tableHtml(table: Extract<Block, { type: 'table' }>): string {
  const [head, ...rows] = table.children;
  const row = (cells: TableRow, tag: 'th' | 'td') => {
    let out = '<tr>';
    cells.children.forEach((cell, index) => {
      const align = table.align[index];
      const attribute = align ? ` align="${escapeHtmlAttribute(align)}"` : '';
      out += `<${tag}${attribute}>${typedInlinesHtml(cell.children)}</${tag}>`;
    });
    return `${out}</tr>`;
  };
  const body = rows.map((r) => row(r, 'td')).join('');
  return `<table><thead>${head ? row(head, 'th') : ''}</thead><tbody>${body}</tbody></table>`;
}

function typedInlinesHtml(nodes: readonly Inline[]): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out += escapeHtmlText(node.value);
        break;
      case 'emphasis':
        out += `<em>${typedInlinesHtml(node.children)}</em>`;
        break;
      case 'strong':
        out += `<strong>${typedInlinesHtml(node.children)}</strong>`;
        break;
      case 'delete':
        out += `<del>${typedInlinesHtml(node.children)}</del>`;
        break;
      case 'inlineCode':
        out += `<code>${escapeHtmlText(node.value)}</code>`;
        break;
      case 'inlineMath':
        out += `<code class="language-math">${escapeHtmlText(node.value)}</code>`;
        break;
      case 'break':
        out += '<br>';
        break;
      default:
        throw new Error(`${node.type} needs the sanitising path`);
    }
  }
  return out;
}
