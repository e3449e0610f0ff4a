import { highlightToHast, styleForScope } from '@quizmark/highlight';
import type { ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';

/** How highlighted code is coloured: by class (a stylesheet) or inline (Anki fields). */
export type CodeStyle = 'class' | 'inline';

// Decks repeat snippets (the same query in several questions, every page in
// two views), and highlighting is the slowest part of rich text: the HTML of
// each (style, language, code) is kept, up to a bound so memory stays flat.
const cache = new Map<string, string>();
const CACHE_SIZE = 2000;

/** Highlighted spans for a code block, the tree that goes inside its `<code>`. */
export function highlightedCode(
  code: string,
  lang: string | null,
  style: CodeStyle,
): ElementContent[] {
  const highlighted = highlightToHast(code, lang).children as ElementContent[];
  return style === 'inline' ? highlighted.map(inlineStyle) : highlighted;
}

/** The HTML inside a code block's `<code>` (cached). */
export function highlightedCodeHtml(code: string, lang: string | null, style: CodeStyle): string {
  const key = `${style}\0${lang ?? ''}\0${code}`;
  let html = cache.get(key);
  if (html === undefined) {
    html = toHtml({ type: 'root', children: highlightedCode(code, lang, style) });
    cache.set(key, html);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  return html;
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
