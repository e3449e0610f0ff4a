import { highlightToHast, resolveLanguage, styleForScope } from '@quizmark/highlight';
import type { Asset, Block, Inline, ListItem, RichText } from '@quizmark/model';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { sanitizeSchema } from './sanitize-schema.js';
import { richTextToHast } from './to-hast.js';

export interface RichHtmlOptions {
  /** Local images of the deck, keyed by the reference as written. */
  assets?: ReadonlyMap<string, Asset>;
  /** The `src` to give a local image (a data URI in handouts, a media file name in Anki). */
  imageSource?: (asset: Asset) => string;
  /** `class`: `span.hljs-*` for a stylesheet; `inline`: style attributes, for Anki fields. */
  codeStyle?: 'class' | 'inline';
  /** Added to rich-text heading depths (1 = first level inside an item). Default 3. */
  headingOffset?: number;
}

/**
 * Rich text to an HTML string that is safe to put in a page: author HTML is
 * sanitised (GitHub's rules), code is highlighted at build time, local images
 * are resolved and remote ones are never loaded (they become links).
 */
export function renderRichHtml(text: RichText, options: RichHtmlOptions = {}): string {
  const tree: Root = { type: 'root', children: richTextToHast(text, options.headingOffset ?? 3) };
  // A tree made only from typed nodes is safe by construction (text is
  // escaped on output); raw HTML and URLs are what the sanitiser is for.
  const clean = needsSanitizing(text.children) ? (sanitize(tree, sanitizeSchema) as Root) : tree;
  decorate(clean.children, options);
  return toHtml(clean);
}

/** Same as `renderRichHtml`, without the wrapping paragraph of a one-paragraph text (for inline places). */
export function renderRichInlineHtml(text: RichText, options: RichHtmlOptions = {}): string {
  const only = text.children.length === 1 ? text.children[0] : undefined;
  const html = renderRichHtml(text, options);
  return only?.type === 'paragraph' && html.startsWith('<p>') && html.endsWith('</p>')
    ? html.slice(3, -4)
    : html;
}

function needsSanitizing(
  nodes: ReadonlyArray<Block | Inline | ListItem | TableRow | TableCell>,
): boolean {
  for (const node of nodes) {
    if (node.type === 'html' || node.type === 'link' || node.type === 'image') return true;
    if ('children' in node && needsSanitizing(node.children as ReadonlyArray<Block | Inline>))
      return true;
  }
  return false;
}

type TableRow = Extract<Block, { type: 'table' }>['children'][number];
type TableCell = TableRow['children'][number];

function decorate(nodes: Array<RootContent | ElementContent>, options: RichHtmlOptions): void {
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!;
    if (node.type !== 'element') continue;
    if (node.tagName === 'pre') decorateCode(node, options);
    else if (node.tagName === 'img') nodes[index] = resolveImage(node, options);
    else if (node.tagName === 'a') decorateLink(node);
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
  const highlighted = highlightToHast(source, lang).children as ElementContent[];
  code.children = options.codeStyle === 'inline' ? highlighted.map(inlineStyle) : highlighted;
  code.properties.className = ['hljs', ...className];
  if (lang) pre.properties.dataLang = resolveLanguage(lang) ?? lang;
}

function inlineStyle(node: ElementContent): ElementContent {
  if (node.type !== 'element') return node;
  const scope = (node.properties.className as string[] | undefined)
    ?.find((name) => name.startsWith('hljs-'))
    ?.slice('hljs-'.length);
  const style = styleForScope(scope ?? null);
  const css = style
    ? [
        `color:${style.light}`,
        style.bold ? 'font-weight:bold' : '',
        style.italic ? 'font-style:italic' : '',
      ]
        .filter(Boolean)
        .join(';')
    : '';
  return {
    ...node,
    properties: css
      ? { className: node.properties.className, style: css }
      : { className: node.properties.className },
    children: node.children.map(inlineStyle),
  };
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
