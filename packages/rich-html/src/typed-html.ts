import { resolveLanguage } from '@quizmark/highlight';
import {
  type Block,
  type BlockVisitor,
  type Inline,
  type InlineVisitor,
  type List,
  type Table,
  visitBlock,
  visitInline,
} from '@quizmark/model';
import type { ClozeHtml } from './cloze-html.js';
import { type CodeStyle, highlightedCodeHtml } from './code-html.js';
import { escapeHtmlAttribute, escapeHtmlText } from './html-escape.js';
import { type MathStyle, mathHtml } from './math-html.js';
import { alignClass, codeRegionLabel } from './scroll-regions.js';

// Rich text without raw HTML, links or images, straight to an HTML string.
// Such text is safe by construction (every value is escaped here), so it
// needs neither a hast tree nor the sanitiser. The output is the bytes
// `toHtml(richTextToHast(…))` gives for the same text; a test holds the two
// paths together.

// Whether each node (and everything inside it) can be drawn without the sanitiser.
const INLINE_TYPED: InlineVisitor<boolean> = {
  text: () => true,
  emphasis: (node) => isTypedOnlyInline(node.children),
  strong: (node) => isTypedOnlyInline(node.children),
  delete: (node) => isTypedOnlyInline(node.children),
  inlineCode: () => true,
  inlineMath: () => true,
  break: () => true,
  // The caller's HTML for a blank is trusted; its answer is escaped by default.
  cloze: () => true,
  link: () => false,
  image: () => false,
  html: () => false,
};

const BLOCK_TYPED: BlockVisitor<boolean> = {
  paragraph: (node) => isTypedOnlyInline(node.children),
  heading: (node) => isTypedOnlyInline(node.children),
  code: () => true,
  list: (node) => {
    for (const item of node.children) if (!isTypedOnly(item.children)) return false;
    return true;
  },
  blockquote: (node) => isTypedOnly(node.children),
  thematicBreak: () => true,
  math: () => true,
  table: (node) => {
    for (const row of node.children)
      for (const cell of row.children) if (!isTypedOnlyInline(cell.children)) return false;
    return true;
  },
  html: () => false,
};

/** Whether the typed serialiser can draw these blocks: no raw HTML, no URLs. */
export function isTypedOnly(blocks: readonly Block[]): boolean {
  for (const block of blocks) if (!visitBlock(block, BLOCK_TYPED, undefined)) return false;
  return true;
}

function isTypedOnlyInline(nodes: readonly Inline[]): boolean {
  for (const node of nodes) if (!visitInline(node, INLINE_TYPED, undefined)) return false;
  return true;
}

type TableRow = Table['children'][number];

interface TypedContext {
  headingOffset: number;
  codeStyle: CodeStyle;
  cloze: ClozeHtml;
  math: MathStyle;
  /** Blanks written so far: the next blank's index. */
  blanks: number;
}

const BLOCK_HTML: BlockVisitor<string, TypedContext> = {
  paragraph: (node, context) => `<p>${typedInlinesHtml(node.children, context)}</p>`,
  heading: (node, context) => {
    const tag = `h${Math.min(6, node.depth + context.headingOffset)}`;
    return `<${tag}>${typedInlinesHtml(node.children, context)}</${tag}>`;
  },
  code: (node, context) => codeHtml(node.value, node.lang || null, context.codeStyle),
  list: (node, context) => listHtml(node, context),
  blockquote: (node, context) => `<blockquote>${blocksHtml(node.children, context)}</blockquote>`,
  thematicBreak: () => '<hr>',
  math: (node, context) => mathHtml(node.value, true, context.math),
  table: (node, context) => tableHtml(node, context),
  html: () => {
    throw new Error('raw HTML needs the sanitising path');
  },
};

/** Blocks of typed-only rich text as HTML. */
export function typedBlocksHtml(
  blocks: readonly Block[],
  headingOffset: number,
  codeStyle: CodeStyle,
  cloze: ClozeHtml,
  math: MathStyle,
): string {
  return blocksHtml(blocks, { headingOffset, codeStyle, cloze, math, blanks: 0 });
}

function blocksHtml(blocks: readonly Block[], context: TypedContext): string {
  let out = '';
  for (const block of blocks) out += visitBlock(block, BLOCK_HTML, context);
  return out;
}

function codeHtml(value: string, lang: string | null, codeStyle: CodeStyle): string {
  const inner = highlightedCodeHtml(value, lang, codeStyle);
  const region = (language: string | null) =>
    `tabindex="0" role="group" aria-label="${escapeHtmlAttribute(codeRegionLabel(language))}"`;
  if (!lang) return `<pre ${region(null)}><code class="hljs">${inner}</code></pre>`;
  const language = resolveLanguage(lang) ?? lang;
  const dataLang = escapeHtmlAttribute(language);
  const className = escapeHtmlAttribute(`language-${lang}`);
  return `<pre data-lang="${dataLang}" ${region(language)}><code class="hljs ${className}">${inner}</code></pre>`;
}

function listHtml(list: List, context: TypedContext): string {
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
        ? typedInlinesHtml(only.children, context)
        : blocksHtml(item.children, context);
    items += `<li>${box}${body}</li>`;
  }
  return `<${tag}${start}>${items}</${tag}>`;
}

function tableHtml(table: Table, context: TypedContext): string {
  const [head, ...rows] = table.children;
  const row = (cells: TableRow, tag: 'th' | 'td') => {
    let out = '<tr>';
    cells.children.forEach((cell, index) => {
      const align = table.align[index];
      const className = align ? alignClass(align) : null;
      const attribute = className ? ` class="${className}"` : '';
      out += `<${tag}${attribute}>${typedInlinesHtml(cell.children, context)}</${tag}>`;
    });
    return `${out}</tr>`;
  };
  // Head first: cells are written in reading order (cloze blanks count in it).
  const headHtml = head ? row(head, 'th') : '';
  const body = rows.map((r) => row(r, 'td')).join('');
  return `<table><thead>${headHtml}</thead><tbody>${body}</tbody></table>`;
}

const INLINE_HTML: InlineVisitor<string, TypedContext> = {
  text: (node) => escapeHtmlText(node.value),
  emphasis: (node, context) => `<em>${typedInlinesHtml(node.children, context)}</em>`,
  strong: (node, context) => `<strong>${typedInlinesHtml(node.children, context)}</strong>`,
  delete: (node, context) => `<del>${typedInlinesHtml(node.children, context)}</del>`,
  inlineCode: (node) => `<code>${escapeHtmlText(node.value)}</code>`,
  inlineMath: (node, context) => mathHtml(node.value, false, context.math),
  break: () => '<br>',
  cloze: (node, context) => context.cloze(node, context.blanks++),
  link: sanitisingPathOnly,
  image: sanitisingPathOnly,
  html: sanitisingPathOnly,
};

function sanitisingPathOnly(node: Inline): never {
  throw new Error(`${node.type} needs the sanitising path`);
}

function typedInlinesHtml(nodes: readonly Inline[], context: TypedContext): string {
  let out = '';
  for (const node of nodes) out += visitInline(node, INLINE_HTML, context);
  return out;
}
