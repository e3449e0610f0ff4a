import { randomUUID } from 'node:crypto';
import { resolveLanguage } from '@quizmark/highlight';
import type { RichText } from '@quizmark/model';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { defaultClozeHtml } from './cloze-html.js';
import { highlightedCode } from './code-html.js';
import { mathHtml } from './math-html.js';
import type { RichHtmlOptions } from './render-rich-html.js';
import { sanitizeSchema } from './sanitize-schema.js';
import { alignClass, codeRegionLabel } from './scroll-regions.js';
import { richTextToHast, type Slots } from './to-hast.js';

/**
 * Rich text through a hast tree: raw author HTML is parsed into the tree and
 * the whole tree is sanitised, then code is highlighted, images resolved and
 * links marked. The path for text with raw HTML, links or images.
 */
export function sanitizedRichHtml(text: RichText, options: RichHtmlOptions): string {
  // Cloze blanks and math stand in the tree as text slots and get their
  // (trusted) HTML only once the sanitiser is done. A slot names a random
  // nonce, so author HTML cannot write one; the output does not depend on it.
  const nonce = randomUUID();
  const trusted: Array<() => string> = [];
  const cloze = options.cloze ?? defaultClozeHtml;
  const math = options.math ?? 'mathml';
  let blanks = 0;
  const slot = (html: () => string) => `[[qm-slot:${nonce}:${trusted.push(html) - 1}]]`;
  const slots: Slots = {
    cloze: (blank) => {
      const index = blanks++;
      return slot(() => cloze(blank, index));
    },
    math: (tex, display) => slot(() => mathHtml(tex, display, math)),
  };
  const tree: Root = {
    type: 'root',
    children: richTextToHast(text, options.headingOffset ?? 3, slots),
  };
  const clean = sanitize(tree, sanitizeSchema) as Root;
  decorate(clean.children, options);
  if (trusted.length === 0) return toHtml(clean);
  const pattern = new RegExp(`\\[\\[qm-slot:${nonce}:(\\d+)\\]\\]`, 'g');
  // A slot that author HTML moved into an attribute is no place for markup.
  scrubAttributes(clean.children, pattern);
  // Left in text only, a slot is written verbatim (nothing in it is escaped).
  return toHtml(clean).replace(pattern, (_slot, index: string) => trusted[Number(index)]!());
}

function scrubAttributes(nodes: Array<RootContent | ElementContent>, slots: RegExp): void {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    for (const [name, value] of Object.entries(node.properties)) {
      if (typeof value === 'string') node.properties[name] = value.replace(slots, '');
      else if (Array.isArray(value)) {
        node.properties[name] = value.map((part) =>
          typeof part === 'string' ? part.replace(slots, '') : part,
        );
      }
    }
    scrubAttributes(node.children, slots);
  }
}

function decorate(nodes: Array<RootContent | ElementContent>, options: RichHtmlOptions): void {
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!;
    if (node.type !== 'element') continue;
    if (node.tagName === 'pre') decorateCode(node, options);
    else if (node.tagName === 'img') nodes[index] = resolveImage(node, options);
    else if (node.tagName === 'a') decorateLink(node);
    else if (node.tagName === 'td' || node.tagName === 'th') decorateCell(node);
    decorate(node.children, options);
  }
}

function decorateCode(pre: Element, options: RichHtmlOptions): void {
  const code = pre.children[0];
  if (code?.type !== 'element' || code.tagName !== 'code') return;
  const className = (code.properties.className as string[] | undefined) ?? [];
  const lang =
    className.find((name) => name.startsWith('language-'))?.slice('language-'.length) ?? null;
  const source = code.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
  code.children = highlightedCode(source, lang, options.codeStyle ?? 'class');
  code.properties.className = ['hljs', ...className];
  const language = lang ? (resolveLanguage(lang) ?? lang) : null;
  if (language) pre.properties.dataLang = language;
  pre.properties.tabIndex = 0;
  pre.properties.role = 'group';
  pre.properties.ariaLabel = codeRegionLabel(language);
}

function decorateCell(cell: Element): void {
  const align = cell.properties.align;
  if (align === undefined) return;
  delete cell.properties.align;
  const className = typeof align === 'string' ? alignClass(align.toLowerCase()) : null;
  if (className) {
    const classes = (cell.properties.className as string[] | undefined) ?? [];
    cell.properties.className = [...classes, className];
  }
}

function resolveImage(img: Element, options: RichHtmlOptions): ElementContent {
  const src = typeof img.properties.src === 'string' ? img.properties.src : '';
  const alt = typeof img.properties.alt === 'string' ? img.properties.alt : '';
  const asset = options.assets?.get(src);
  if (asset && options.imageSource) {
    return { ...img, properties: { ...img.properties, src: options.imageSource(asset), alt } };
  }
  // Remote or unknown images are never loaded from the page: the reader gets a link.
  if (/^https:\/\//i.test(src)) {
    return {
      type: 'element',
      tagName: 'a',
      properties: { href: src, className: ['remote-image'], rel: ['noopener', 'noreferrer'] },
      children: [{ type: 'text', value: alt ? `Image: ${alt}` : 'Image' }],
    };
  }
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['missing-image'] },
    children: [{ type: 'text', value: alt }],
  };
}

function decorateLink(a: Element): void {
  if (typeof a.properties.href === 'string' && /^https?:/i.test(a.properties.href)) {
    a.properties.rel = ['noopener', 'noreferrer'];
  }
}
