import type { SvgElement } from './xml-tree.js';

// The `<style>` sheets of an SVG, for what diagram tools write: rules with
// simple selectors (`rect`, `.edge`, `#title`, `circle.commit.feature`,
// `*`, lists of them). Other selectors and at-rules are reported and left
// out; nothing is ever fetched (`@import`).

interface Selector {
  tag: string | null;
  id: string | null;
  classes: string[];
  /** CSS specificity as one number: ids, classes, types. */
  specificity: number;
}

export interface StyleRule {
  selector: Selector;
  /** Source order, for rules of equal specificity. */
  order: number;
  declarations: ReadonlyArray<readonly [string, string]>;
}

export interface Stylesheet {
  rules: StyleRule[];
  problems: string[];
}

const SIMPLE = /^(\*|[a-zA-Z][\w-]*)?((?:[.#][\w-]+)*)$/;

function parseSelector(text: string): Selector | null {
  const match = SIMPLE.exec(text.trim());
  if (!match || text.trim() === '') return null;
  const tag = match[1] && match[1] !== '*' ? match[1] : null;
  const parts = match[2]!.match(/[.#][\w-]+/g) ?? [];
  const ids = parts.filter((part) => part.startsWith('#')).map((part) => part.slice(1));
  const classes = parts.filter((part) => part.startsWith('.')).map((part) => part.slice(1));
  if (ids.length > 1) return null;
  return {
    tag,
    id: ids[0] ?? null,
    classes,
    specificity: ids.length * 10_000 + classes.length * 100 + (tag ? 1 : 0),
  };
}

/** `name: value; …` as pairs, `!important` dropped. */
export function parseDeclarations(text: string): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  for (const declaration of text.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon === -1) continue;
    const name = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration
      .slice(colon + 1)
      .replace(/!important/i, '')
      .trim();
    if (name && value) found.push([name, value]);
  }
  return found;
}

/** The rules of every `<style>` element's text. */
export function parseStylesheet(css: string): Stylesheet {
  const rules: StyleRule[] = [];
  const problems = new Set<string>();
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  // At-rules with a block (@media, @font-face) are skipped whole; @import and others end at ";".
  const withoutAt = text.replace(/@[\w-]+[^{;]*(\{(?:[^{}]|\{[^{}]*\})*\}|;)/g, (rule) => {
    problems.add(`feature not drawn: CSS ${/^@[\w-]+/.exec(rule)![0]}`);
    return '';
  });
  for (const [, selectors, body] of withoutAt.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const declarations = parseDeclarations(body!);
    for (const part of selectors!.split(',')) {
      const selector = parseSelector(part);
      if (!selector) {
        problems.add(`feature not drawn: CSS selector "${part.trim()}"`);
        continue;
      }
      rules.push({ selector, order: rules.length, declarations });
    }
  }
  rules.sort((a, b) => a.selector.specificity - b.selector.specificity || a.order - b.order);
  return { rules, problems: [...problems] };
}

function matches(selector: Selector, element: SvgElement): boolean {
  if (selector.tag && selector.tag !== element.name) return false;
  if (selector.id && element.attributes.id !== selector.id) return false;
  if (selector.classes.length === 0) return true;
  const classes = (element.attributes.class ?? '').split(/\s+/);
  return selector.classes.every((name) => classes.includes(name));
}

/** Declarations of the rules that match, weakest first. */
export function matchingDeclarations(
  sheet: Stylesheet,
  element: SvgElement,
): Array<readonly [string, string]> {
  const found: Array<readonly [string, string]> = [];
  for (const rule of sheet.rules)
    if (matches(rule.selector, element)) found.push(...rule.declarations);
  return found;
}
