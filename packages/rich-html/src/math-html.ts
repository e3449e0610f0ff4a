import { texToMathml } from '@quizmark/math';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { parseFragment } from 'parse5';
import { escapeHtmlAttribute, escapeHtmlText } from './html-escape.js';
import { mathClasses } from './math-stylesheet.js';
import { mathmlSchema } from './mathml-schema.js';
import { restyleMathElement } from './mathml-styles.js';

/**
 * How math is written: `mathml` draws it at build time (pages need no
 * script); `mathjax` leaves the TeX in MathJax's delimiters, `\(…\)` and
 * `\[…\]`, which Anki's clients typeset on every platform.
 */
export type MathStyle = 'mathml' | 'mathjax';

let schema: ReturnType<typeof mathmlSchema> | null = null;

// A formula comes back in a page (an option in the question and in its
// answer, every page in two views): the HTML of each (style, display, TeX)
// is kept, up to a bound so memory stays flat.
const cache = new Map<string, string>();
const CACHE_SIZE = 2000;

/** A math node as HTML: MathML, or TeX in MathJax delimiters; TeX that does not render, marked. */
export function mathHtml(tex: string, display: boolean, style: MathStyle): string {
  const key = `${style}\0${display}\0${tex}`;
  let html = cache.get(key);
  if (html === undefined) {
    html = uncachedMathHtml(tex, display, style);
    cache.set(key, html);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  return html;
}

function uncachedMathHtml(tex: string, display: boolean, style: MathStyle): string {
  const result = texToMathml(tex, display);
  // The parser has already warned: the reader sees the source, marked, not a half-drawn formula.
  if (result.problem) {
    const code = `<code class="qm-math-error" title="${escapeHtmlAttribute(result.problem.message)}">${escapeHtmlText(tex)}</code>`;
    return display ? `<p>${code}</p>` : code;
  }
  if (style === 'mathjax') {
    const source = mathjaxSource(tex);
    return display ? `\\[${source}\\]` : `\\(${source}\\)`;
  }
  return allowlistedMathml(result.mathml);
}

/**
 * TeX as Anki stores it between MathJax delimiters: HTML-escaped with the
 * named entities its editor writes, and with a space in `}}`, which Anki
 * would read as the end of a cloze even inside math (its manual's advice;
 * TeX ignores the space in math).
 */
function mathjaxSource(tex: string): string {
  return tex
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\}(?=\})/g, '} ');
}

/** Temml's MathML through the MathML Core allowlist, its styles moved to attributes and classes. */
function allowlistedMathml(mathml: string): string {
  const tree = fromParse5(parseFragment(mathml, { scriptingEnabled: true })) as Root;
  restyle(tree.children);
  schema ??= mathmlSchema(mathClasses());
  const clean = sanitize(tree, schema) as Root;
  dropEmptyClasses(clean.children);
  return toHtml(clean);
}

function restyle(nodes: Array<RootContent | ElementContent>): void {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    restyleMathElement(node as Element);
    restyle(node.children);
  }
}

/** An element whose classes the stylesheet does not style keeps no `class=""`. */
function dropEmptyClasses(nodes: Array<RootContent | ElementContent>): void {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    const { className } = node.properties;
    if (Array.isArray(className) && className.length === 0) delete node.properties.className;
    dropEmptyClasses(node.children);
  }
}
