import type { Element, ElementContent, Root } from 'hast';

// highlight.js's HTML is nested `<span class="…">` around escaped text and
// nothing else; this reads it back into hast, the tree the renderers walk.
const TOKEN = /<span class="([^"]*)">|<\/span>|[^<]+/g;
const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#x27;': "'",
};

const decodeEntities = (text: string) =>
  text.replace(/&(?:amp|lt|gt|quot|#x27);/g, (e) => ENTITIES[e]!);

/**
 * The hast of highlight.js's HTML output. Embedded languages (`language-css`
 * inside HTML) keep the bare language name as their class, as lowlight's
 * trees did, so the pages' markup did not change with the engine.
 */
export function spansToHast(html: string): Root {
  const root: Root = { type: 'root', children: [] };
  const stack: Array<Root | Element> = [root];
  for (const [token, className] of html.matchAll(TOKEN)) {
    const parent = stack[stack.length - 1]!;
    if (className !== undefined) {
      const names = className.startsWith('language-')
        ? [className.slice('language-'.length)]
        : className.split(' ');
      const element: Element = {
        type: 'element',
        tagName: 'span',
        properties: { className: names },
        children: [],
      };
      (parent.children as ElementContent[]).push(element);
      stack.push(element);
    } else if (token === '</span>') {
      if (stack.length > 1) stack.pop();
    } else {
      (parent.children as ElementContent[]).push({ type: 'text', value: decodeEntities(token) });
    }
  }
  return root;
}
