import { SaxesParser } from 'saxes';

/** An element of the parsed document: its local name, attributes, children and own text. */
export interface SvgElement {
  name: string;
  attributes: Readonly<Record<string, string>>;
  children: SvgNode[];
}

export type SvgNode = SvgElement | { text: string };

/** How much of an SVG document is read; beyond it the image is refused, never half drawn. */
export interface SvgLimits {
  /** Most characters in the document. */
  characters: number;
  /** Most elements. */
  elements: number;
  /** Deepest nesting of elements. */
  depth: number;
}

export const DEFAULT_LIMITS: SvgLimits = { characters: 4_000_000, elements: 50_000, depth: 64 };

export type TreeResult = { root: SvgElement; problem: null } | { root: null; problem: string };

/**
 * Parses SVG markup with saxes, a conforming XML parser. A document type
 * declaration is refused outright: saxes never expands entities it
 * declares, and SVG needs none, so "billion laughs" documents stop here.
 */
export function parseSvgTree(source: string, limits: SvgLimits = DEFAULT_LIMITS): TreeResult {
  if (source.length > limits.characters)
    return { root: null, problem: `SVG longer than ${limits.characters} characters` };
  const parser = new SaxesParser({ xmlns: false, position: false });
  const stack: SvgElement[] = [];
  let root: SvgElement | null = null;
  let elements = 0;
  let problem: string | null = null;
  const fail = (message: string) => {
    problem ??= message;
  };
  parser.on('doctype', () => fail('SVG with a document type declaration (entities are not read)'));
  parser.on('error', (error) => fail(`SVG is not well-formed XML: ${error.message}`));
  parser.on('opentag', (tag) => {
    elements++;
    if (elements > limits.elements) fail(`SVG with more than ${limits.elements} elements`);
    if (stack.length >= limits.depth) fail(`SVG nested deeper than ${limits.depth} elements`);
    const attributes: Record<string, string> = {};
    for (const [name, value] of Object.entries(tag.attributes)) attributes[name] = String(value);
    const element: SvgElement = { name: localName(tag.name), attributes, children: [] };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root ??= element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const addText = (text: string) => {
    const parent = stack[stack.length - 1];
    if (parent && text) parent.children.push({ text });
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  try {
    parser.write(source).close();
  } catch (error) {
    fail(`SVG is not well-formed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (problem) return { root: null, problem };
  const found = root as SvgElement | null;
  if (found?.name !== 'svg') return { root: null, problem: 'no <svg> root element' };
  return { root: found, problem: null };
}

/** `svg:path` and `path` are the same element to us: SVG elements are matched by local name. */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

export function isElement(node: SvgNode): node is SvgElement {
  return 'name' in node;
}
