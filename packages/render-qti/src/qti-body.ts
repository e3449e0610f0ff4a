import {
  type Block,
  type BlockVisitor,
  type ClozeBlank,
  htmlToPlainText,
  type Inline,
  type InlineVisitor,
  type RichText,
  visitBlock,
  visitInline,
} from '@quizmark/model';
import { AuthorHtml } from './author-html.js';
import type { PackageImages } from './package-images.js';
import { qtiMath } from './qti-math.js';
import { element, escapeXml } from './xml-text.js';

// Rich text as QTI 2.1's XHTML content model, which is a fixed subset of
// XHTML: no `del`, no `style`, no `start` on lists, a `tbody` in every
// table, no link inside a link. Author HTML goes through `AuthorHtml`.

/** What a walk needs besides the text. */
export interface BodyContext {
  images: PackageImages;
  /** Package paths of the images this file shows, collected for the manifest. */
  used: Set<string>;
  /** Where the file sits relative to the package root (`../` for items). */
  root: string;
  /** Draws a cloze blank; outside cloze items a blank is its hint or `[…]`. */
  blank?: (node: ClozeBlank) => string;
}

interface Walk extends BodyContext {
  /** Inside an `a`: QTI forbids another, so links and remote images become text. */
  inLink: boolean;
  /** The author HTML of the current run of inline nodes. */
  html: AuthorHtml;
}

const SAFE_LINK = /^(?:https?:|mailto:)/i;
const isRemote = (url: string) => /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');

function mathXml(tex: string, display: boolean): string {
  const math = qtiMath(tex, display);
  if (math.xml !== null) return math.xml;
  const shown = escapeXml(display ? `$$${tex}$$` : `$${tex}$`);
  return display ? element('p', {}, element('code', {}, shown)) : element('code', {}, shown);
}

function imageXml(node: Extract<Inline, { type: 'image' }>, walk: Walk): string {
  const image = walk.images.get(node.url);
  if (image) {
    walk.used.add(image.path);
    return element('img', { src: `${walk.root}${image.path}`, alt: node.alt, title: node.title });
  }
  const label = node.alt || node.url;
  // Never fetched: a link the reader may follow, with the alt text.
  if (isRemote(node.url) && SAFE_LINK.test(node.url) && !walk.inLink)
    return element('a', { href: node.url, title: node.title }, escapeXml(`${label} (image)`));
  return escapeXml(`[${label}]`);
}

const INLINE: InlineVisitor<string, Walk> = {
  text: (node) => escapeXml(node.value),
  emphasis: (node, walk) => element('em', {}, inlinesXml(node.children, walk)),
  strong: (node, walk) => element('strong', {}, inlinesXml(node.children, walk)),
  // QTI has no `del` and no `style`: the class keeps it recognisable to a stylesheet.
  delete: (node, walk) => element('span', { class: 'qm-delete' }, inlinesXml(node.children, walk)),
  inlineCode: (node) => element('code', {}, escapeXml(node.value)),
  link: (node, walk) =>
    SAFE_LINK.test(node.url) && !walk.inLink
      ? element(
          'a',
          { href: node.url, title: node.title },
          inlinesXml(node.children, { ...walk, inLink: true }),
        )
      : inlinesXml(node.children, walk),
  image: imageXml,
  break: () => '<br/>',
  html: (node, walk) => walk.html.write(node.value),
  inlineMath: (node) => mathXml(node.value, false),
  cloze: (node, walk) => (walk.blank ? walk.blank(node) : escapeXml(`[${node.hint ?? '…'}]`)),
};

function inlinesXml(nodes: readonly Inline[], outer: Walk): string {
  const walk = { ...outer, html: new AuthorHtml() };
  let out = '';
  for (const node of nodes) out += visitInline(node, INLINE, walk);
  return out + walk.html.end();
}

const CHECKBOX = { true: '☑ ', false: '☐ ' } as const;

const BLOCK: BlockVisitor<string, Walk> = {
  paragraph: (node, walk) => element('p', {}, inlinesXml(node.children, walk)),
  heading: (node, walk) =>
    element(`h${Math.min(6, node.depth + 1)}`, {}, inlinesXml(node.children, walk)),
  code: (node) =>
    element('pre', node.lang ? { class: `language-${node.lang}` } : {}, escapeXml(node.value)),
  list: (node, walk) =>
    element(
      node.ordered ? 'ol' : 'ul',
      {},
      node.children
        .map((item) =>
          element(
            'li',
            {},
            (item.checked === null ? '' : CHECKBOX[`${item.checked}`]) +
              blocksXml(item.children, walk),
          ),
        )
        .join(''),
    ),
  blockquote: (node, walk) => element('blockquote', {}, blocksXml(node.children, walk)),
  thematicBreak: () => '<hr/>',
  html: (node) => {
    if (htmlToPlainText(node.value).trim() === '') return '';
    const html = new AuthorHtml();
    return element('p', {}, html.write(node.value.trim()) + html.end());
  },
  table: (node, walk) => {
    const row = (cells: (typeof node.children)[number], cell: 'th' | 'td') =>
      element(
        'tr',
        {},
        cells.children.map((c) => element(cell, {}, inlinesXml(c.children, walk))).join(''),
      );
    const [head, ...body] = node.children;
    if (!head) return '';
    // QTI requires a tbody: a table of one row keeps it there, as header cells.
    if (body.length === 0) return element('table', {}, element('tbody', {}, row(head, 'th')));
    return element(
      'table',
      {},
      element('thead', {}, row(head, 'th')) +
        element('tbody', {}, body.map((r) => row(r, 'td')).join('')),
    );
  },
  math: (node) => element('div', {}, mathXml(node.value, true)),
};

function blocksXml(nodes: readonly Block[], walk: Walk): string {
  let out = '';
  for (const node of nodes) out += visitBlock(node, BLOCK, walk);
  return out;
}

/** Rich text as QTI block content (for an item body, a choice, a feedback). */
export function richXml(text: RichText, context: BodyContext): string {
  return blocksXml(text.children, { ...context, inLink: false, html: new AuthorHtml() });
}

/** Plain text as one QTI paragraph. */
export const paragraphXml = (text: string) => element('p', {}, escapeXml(text));

/** A label heading a part ("Hint", "Model answer"): QTI headings would outrank the question's. */
export const labelXml = (text: string) => element('p', {}, element('strong', {}, escapeXml(text)));
