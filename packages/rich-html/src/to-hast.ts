import {
  type Block,
  type BlockVisitor,
  type ClozeBlank,
  type Inline,
  type InlineVisitor,
  type RichText,
  visitBlock,
  visitInline,
} from '@quizmark/model';
import type { Element, ElementContent, Properties, Root } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { toHtml } from 'hast-util-to-html';
import { parseFragment } from 'parse5';

// Model rich text to an unsanitised hast tree. Raw author HTML is parsed
// into the same tree here, so that one sanitiser pass sees everything.

const h = (tagName: string, properties: Properties, children: ElementContent[] = []): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});

/**
 * The texts that stand in the tree for what is trusted HTML, written after
 * sanitising (see `sanitized-html.ts`): a cloze blank (the caller's HTML)
 * and math (ours, allowlisted on its own).
 */
export interface Slots {
  cloze(blank: ClozeBlank): string;
  math(tex: string, display: boolean): string;
}

export function richTextToHast(
  text: RichText,
  headingOffset: number,
  slots: Slots,
): ElementContent[] {
  return blocksToHast(text.children, headingOffset, slots);
}

interface BlockContext {
  out: ElementContent[];
  headingOffset: number;
  slots: Slots;
}

interface InlineContext {
  out: ElementContent[];
  slots: Slots;
}

const BLOCK_HAST: BlockVisitor<void, BlockContext> = {
  paragraph: (node, { out, slots }) => {
    out.push(h('p', {}, inlinesToHast(node.children, slots)));
  },
  heading: (node, { out, headingOffset, slots }) => {
    out.push(
      h(`h${Math.min(6, node.depth + headingOffset)}`, {}, inlinesToHast(node.children, slots)),
    );
  },
  code: (node, { out }) => {
    out.push(
      h('pre', {}, [
        h('code', node.lang ? { className: [`language-${node.lang}`] } : {}, [
          { type: 'text', value: node.value },
        ]),
      ]),
    );
  },
  list: (node, { out, headingOffset, slots }) => {
    out.push(
      h(
        node.ordered ? 'ol' : 'ul',
        node.ordered && node.start !== null && node.start !== 1 ? { start: node.start } : {},
        node.children.map((item) => {
          const box: ElementContent[] =
            item.checked === null
              ? []
              : [
                  h('input', { type: 'checkbox', disabled: true, checked: item.checked }),
                  { type: 'text', value: ' ' },
                ];
          // A tight single paragraph reads better unwrapped inside <li>.
          const only = item.children.length === 1 ? item.children[0] : undefined;
          const body =
            only?.type === 'paragraph'
              ? inlinesToHast(only.children, slots)
              : blocksToHast(item.children, headingOffset, slots);
          return h('li', {}, [...box, ...body]);
        }),
      ),
    );
  },
  blockquote: (node, { out, headingOffset, slots }) => {
    out.push(h('blockquote', {}, blocksToHast(node.children, headingOffset, slots)));
  },
  thematicBreak: (_node, { out }) => {
    out.push(h('hr', {}));
  },
  math: (node, { out, slots }) => {
    out.push({ type: 'text', value: slots.math(node.value, true) });
  },
  html: (node, { out }) => {
    out.push(...parseHtml(node.value));
  },
  table: (node, { out, slots }) => {
    const [head, ...rows] = node.children;
    const row = (cells: typeof head, tag: 'th' | 'td') =>
      h(
        'tr',
        {},
        (cells?.children ?? []).map((cell, index) =>
          h(
            tag,
            node.align[index] ? { align: node.align[index] } : {},
            inlinesToHast(cell.children, slots),
          ),
        ),
      );
    out.push(
      h('table', {}, [
        h('thead', {}, head ? [row(head, 'th')] : []),
        h(
          'tbody',
          {},
          rows.map((r) => row(r, 'td')),
        ),
      ]),
    );
  },
};

function blocksToHast(
  blocks: readonly Block[],
  headingOffset: number,
  slots: Slots,
): ElementContent[] {
  const context: BlockContext = { out: [], headingOffset, slots };
  for (const block of blocks) visitBlock(block, BLOCK_HAST, context);
  return context.out;
}

function inlinesToHast(nodes: readonly Inline[], slots: Slots): ElementContent[] {
  // Markdown splits inline HTML into one node per tag (`<kbd>`, text,
  // `</kbd>`). Parsed one by one, the tags would not enclose the text, so a
  // run with HTML in it is serialised and parsed again as one fragment.
  if (nodes.some((node) => node.type === 'html')) {
    const html = nodes
      .map((node) =>
        node.type === 'html' ? node.value : toHtml(inlinesToHastDirect([node], slots)),
      )
      .join('');
    return parseHtml(html);
  }
  return inlinesToHastDirect(nodes, slots);
}

const INLINE_HAST: InlineVisitor<void, InlineContext> = {
  text: (node, { out }) => {
    out.push({ type: 'text', value: node.value });
  },
  emphasis: (node, { out, slots }) => {
    out.push(h('em', {}, inlinesToHast(node.children, slots)));
  },
  strong: (node, { out, slots }) => {
    out.push(h('strong', {}, inlinesToHast(node.children, slots)));
  },
  delete: (node, { out, slots }) => {
    out.push(h('del', {}, inlinesToHast(node.children, slots)));
  },
  inlineCode: (node, { out }) => {
    out.push(h('code', {}, [{ type: 'text', value: node.value }]));
  },
  inlineMath: (node, { out, slots }) => {
    out.push({ type: 'text', value: slots.math(node.value, false) });
  },
  link: (node, { out, slots }) => {
    out.push(
      h(
        'a',
        { href: node.url, ...(node.title ? { title: node.title } : {}) },
        inlinesToHast(node.children, slots),
      ),
    );
  },
  image: (node, { out }) => {
    out.push(
      h('img', { src: node.url, alt: node.alt, ...(node.title ? { title: node.title } : {}) }),
    );
  },
  break: (_node, { out }) => {
    out.push(h('br', {}));
  },
  html: (node, { out }) => {
    out.push(...parseHtml(node.value));
  },
  cloze: (node, { out, slots }) => {
    out.push({ type: 'text', value: slots.cloze(node) });
  },
};

function inlinesToHastDirect(nodes: readonly Inline[], slots: Slots): ElementContent[] {
  const context: InlineContext = { out: [], slots };
  for (const node of nodes) visitInline(node, INLINE_HAST, context);
  return context.out;
}

/**
 * Author HTML parsed as the browser that shows it will parse it: with
 * scripting on, `<noscript>` holds raw text. (hast-util-from-html parses with
 * scripting off, where an unclosed tag inside `<noscript>` swallowed the rest
 * of the paragraph, text the reader then never saw.)
 */
function parseHtml(value: string): ElementContent[] {
  const fragment = parseFragment(value, { scriptingEnabled: true });
  return (fromParse5(fragment) as Root).children as ElementContent[];
}
