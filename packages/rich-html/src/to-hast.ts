import type { Block, Inline, RichText } from '@quizmark/model';
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

function blocksToHast(blocks: readonly Block[], headingOffset: number): ElementContent[] {
  const out: ElementContent[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
        out.push(h('p', {}, inlinesToHast(block.children)));
        break;
      case 'heading':
        out.push(
          h(`h${Math.min(6, block.depth + headingOffset)}`, {}, inlinesToHast(block.children)),
        );
        break;
      case 'code':
        out.push(
          h('pre', {}, [
            h('code', block.lang ? { className: [`language-${block.lang}`] } : {}, [
              { type: 'text', value: block.value },
            ]),
          ]),
        );
        break;
      case 'list':
        out.push(
          h(
            block.ordered ? 'ol' : 'ul',
            block.ordered && block.start !== null && block.start !== 1
              ? { start: block.start }
              : {},
            block.children.map((item) => {
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
        break;
      case 'blockquote':
        out.push(h('blockquote', {}, blocksToHast(block.children, headingOffset)));
        break;
      case 'thematicBreak':
        out.push(h('hr', {}));
        break;
      case 'html':
        out.push(...parseHtml(block.value));
        break;
      case 'table': {
        const [head, ...rows] = block.children;
        const row = (cells: typeof head, tag: 'th' | 'td') =>
          h(
            'tr',
            {},
            (cells?.children ?? []).map((cell, index) =>
              h(
                tag,
                block.align[index] ? { align: block.align[index] } : {},
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
        break;
      }
    }
  }
  return out;
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

function inlinesToHastDirect(nodes: readonly Inline[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push({ type: 'text', value: node.value });
        break;
      case 'emphasis':
        out.push(h('em', {}, inlinesToHast(node.children)));
        break;
      case 'strong':
        out.push(h('strong', {}, inlinesToHast(node.children)));
        break;
      case 'delete':
        out.push(h('del', {}, inlinesToHast(node.children)));
        break;
      case 'inlineCode':
        out.push(h('code', {}, [{ type: 'text', value: node.value }]));
        break;
      case 'inlineMath':
        out.push(
          h('code', { className: ['language-math'] }, [{ type: 'text', value: node.value }]),
        );
        break;
      case 'link':
        out.push(
          h(
            'a',
            { href: node.url, ...(node.title ? { title: node.title } : {}) },
            inlinesToHast(node.children),
          ),
        );
        break;
      case 'image':
        out.push(
          h('img', { src: node.url, alt: node.alt, ...(node.title ? { title: node.title } : {}) }),
        );
        break;
      case 'break':
        out.push(h('br', {}));
        break;
      case 'html':
        out.push(...parseHtml(node.value));
        break;
    }
  }
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
