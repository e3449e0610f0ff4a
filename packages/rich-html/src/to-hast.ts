import {
  type Block,
  type BlockVisitor,
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

export function richTextToHast(text: RichText, headingOffset: number): ElementContent[] {
  return blocksToHast(text.children, headingOffset);
}

interface BlockContext {
  out: ElementContent[];
  headingOffset: number;
}

const BLOCK_HAST: BlockVisitor<void, BlockContext> = {
  paragraph: (node, { out }) => {
    out.push(h('p', {}, inlinesToHast(node.children)));
  },
  heading: (node, { out, headingOffset }) => {
    out.push(h(`h${Math.min(6, node.depth + headingOffset)}`, {}, inlinesToHast(node.children)));
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
  list: (node, { out, headingOffset }) => {
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
              ? inlinesToHast(only.children)
              : blocksToHast(item.children, headingOffset);
          return h('li', {}, [...box, ...body]);
        }),
      ),
    );
  },
  blockquote: (node, { out, headingOffset }) => {
    out.push(h('blockquote', {}, blocksToHast(node.children, headingOffset)));
  },
  thematicBreak: (_node, { out }) => {
    out.push(h('hr', {}));
  },
  html: (node, { out }) => {
    out.push(...parseHtml(node.value));
  },
  table: (node, { out }) => {
    const [head, ...rows] = node.children;
    const row = (cells: typeof head, tag: 'th' | 'td') =>
      h(
        'tr',
        {},
        (cells?.children ?? []).map((cell, index) =>
          h(
            tag,
            node.align[index] ? { align: node.align[index] } : {},
            inlinesToHast(cell.children),
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

function blocksToHast(blocks: readonly Block[], headingOffset: number): ElementContent[] {
  const context: BlockContext = { out: [], headingOffset };
  for (const block of blocks) visitBlock(block, BLOCK_HAST, context);
  return context.out;
}

function inlinesToHast(nodes: readonly Inline[]): ElementContent[] {
  // Markdown splits inline HTML into one node per tag (`<kbd>`, text,
  // `</kbd>`). Parsed one by one, the tags would not enclose the text, so a
  // run with HTML in it is serialised and parsed again as one fragment.
  if (nodes.some((node) => node.type === 'html')) {
    const html = nodes
      .map((node) => (node.type === 'html' ? node.value : toHtml(inlinesToHastDirect([node]))))
      .join('');
    return parseHtml(html);
  }
  return inlinesToHastDirect(nodes);
}

const INLINE_HAST: InlineVisitor<void, ElementContent[]> = {
  text: (node, out) => {
    out.push({ type: 'text', value: node.value });
  },
  emphasis: (node, out) => {
    out.push(h('em', {}, inlinesToHast(node.children)));
  },
  strong: (node, out) => {
    out.push(h('strong', {}, inlinesToHast(node.children)));
  },
  delete: (node, out) => {
    out.push(h('del', {}, inlinesToHast(node.children)));
  },
  inlineCode: (node, out) => {
    out.push(h('code', {}, [{ type: 'text', value: node.value }]));
  },
  inlineMath: (node, out) => {
    out.push(h('code', { className: ['language-math'] }, [{ type: 'text', value: node.value }]));
  },
  link: (node, out) => {
    out.push(
      h(
        'a',
        { href: node.url, ...(node.title ? { title: node.title } : {}) },
        inlinesToHast(node.children),
      ),
    );
  },
  image: (node, out) => {
    out.push(
      h('img', { src: node.url, alt: node.alt, ...(node.title ? { title: node.title } : {}) }),
    );
  },
  break: (_node, out) => {
    out.push(h('br', {}));
  },
  html: (node, out) => {
    out.push(...parseHtml(node.value));
  },
};

function inlinesToHastDirect(nodes: readonly Inline[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of nodes) visitInline(node, INLINE_HAST, out);
  return out;
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
