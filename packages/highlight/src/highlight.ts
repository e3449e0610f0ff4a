import type { Element, ElementContent, Root } from 'hast';
import { highlighter, isKnownLanguage } from './grammars.js';
import { spansToHast } from './html-spans.js';

/** The registered language name for a fence's info string, or null when unknown. */
export function resolveLanguage(lang: string | null | undefined): string | null {
  if (!lang) return null;
  const name = lang.toLowerCase();
  return isKnownLanguage(name) ? name : null;
}

/**
 * Highlights code into a hast tree of `span.hljs-*` elements. Unknown or
 * missing languages come back as one plain text node, never auto-detected:
 * detection is slow and guesses wrong on short snippets.
 */
export function highlightToHast(code: string, lang: string | null | undefined): Root {
  const language = resolveLanguage(lang);
  if (!language) return { type: 'root', children: [{ type: 'text', value: code }] };
  const { value } = highlighter(language).highlight(code, { language, ignoreIllegals: true });
  return spansToHast(value);
}

/** A run of code text with the highlight.js scope that colours it (null: plain). */
export interface Token {
  text: string;
  scope: string | null;
}

/** Highlights code into lines of tokens, for renderers that draw text themselves (PDF). */
export function highlightToLines(code: string, lang: string | null | undefined): Token[][] {
  const lines: Token[][] = [[]];
  const push = (text: string, scope: string | null) => {
    const parts = text.split('\n');
    parts.forEach((part, index) => {
      if (index > 0) lines.push([]);
      if (part) lines[lines.length - 1]!.push({ text: part, scope });
    });
  };
  const walk = (nodes: ElementContent[] | Root['children'], scope: string | null) => {
    for (const node of nodes) {
      if (node.type === 'text') push(node.value, scope);
      else if (node.type === 'element') walk(node.children, scopeOf(node) ?? scope);
    }
  };
  walk(highlightToHast(code, lang).children, null);
  return lines;
}

function scopeOf(element: Element): string | null {
  const className = element.properties.className;
  if (!Array.isArray(className)) return null;
  const first = className.find((name) => String(name).startsWith('hljs-'));
  return first === undefined ? null : String(first).slice('hljs-'.length);
}
