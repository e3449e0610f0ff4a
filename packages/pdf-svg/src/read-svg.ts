import { parseLength } from './svg-style.js';
import { parseStylesheet, type Stylesheet } from './svg-stylesheet.js';
import { numbersIn } from './svg-transform.js';
import {
  DEFAULT_LIMITS,
  isElement,
  parseSvgTree,
  type SvgElement,
  type SvgLimits,
} from './xml-tree.js';

/** A parsed SVG document, ready to draw as often as needed. */
export interface SvgImage {
  /** Intrinsic size in CSS pixels (1/96 in): the root's width and height, else its viewBox's. */
  width: number;
  height: number;
  /** What the document holds that is not drawn, one line per kind ("feature not drawn: <filter>"). */
  problems: string[];
  root: SvgElement;
  /** Elements by `id`, for `use` and paint servers. */
  ids: ReadonlyMap<string, SvgElement>;
  /** The rules of its `<style>` elements. */
  sheet: Stylesheet;
}

export type ReadSvgResult = { image: SvgImage; problem: null } | { image: null; problem: string };

/** Elements drawn, or read by what is drawn. */
const DRAWN = new Set([
  'svg',
  'g',
  'a',
  'switch',
  'defs',
  'symbol',
  'use',
  'path',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'text',
  'tspan',
  'image',
  'title',
  'desc',
  'metadata',
  'linearGradient',
  'radialGradient',
  'stop',
  'style',
]);
/** Attributes that change how an element looks and are not applied. */
const NOT_APPLIED = ['filter', 'mask', 'clip-path', 'marker-start', 'marker-mid', 'marker-end'];
/** Most shapes drawn, with every `use` expanded: a few `use` levels can multiply a document a million times. */
const MAX_DRAWN = 200_000;

/** Reads an SVG document: bounded parse, intrinsic size, what it holds that is not drawn. */
export function readSvg(
  source: string | Uint8Array,
  limits: SvgLimits = DEFAULT_LIMITS,
): ReadSvgResult {
  const text = typeof source === 'string' ? source : new TextDecoder().decode(source);
  const tree = parseSvgTree(text, limits);
  if (!tree.root) return { image: null, problem: tree.problem };
  const root = tree.root;
  const ids = new Map<string, SvgElement>();
  const problems = new Set<string>();
  collect(root, ids, problems);
  const sheet = parseStylesheet(styleText(root));
  for (const problem of sheet.problems) problems.add(problem);
  const size = intrinsicSize(root);
  if (!size) return { image: null, problem: 'SVG without a size: no width and height, no viewBox' };
  if (drawnCount(root, ids, new Map(), new Set()) > MAX_DRAWN)
    return {
      image: null,
      problem: `SVG draws more than ${MAX_DRAWN} shapes once \`use\` is expanded`,
    };
  return { image: { ...size, problems: [...problems].sort(), root, ids, sheet }, problem: null };
}

/** The text of every `<style>` element, in document order. */
function styleText(element: SvgElement): string {
  let css = '';
  for (const child of element.children) {
    if (!isElement(child)) {
      if (element.name === 'style') css += child.text;
    } else css += `\n${styleText(child)}`;
  }
  return css;
}

function collect(element: SvgElement, ids: Map<string, SvgElement>, problems: Set<string>): void {
  const id = element.attributes.id;
  if (id && !ids.has(id)) ids.set(id, element);
  if (!DRAWN.has(element.name)) {
    // Scripts, foreignObject, filters, masks, styles: never run, never drawn, always said.
    problems.add(`feature not drawn: <${element.name}>`);
    return;
  }
  for (const name of NOT_APPLIED)
    if (element.attributes[name] !== undefined || element.attributes.style?.includes(`${name}:`))
      problems.add(`feature not drawn: ${name}`);
  const href = element.attributes.href ?? element.attributes['xlink:href'];
  if (href !== undefined) {
    if (element.name === 'image' && !/^data:image\/(?:png|jpeg);base64,/i.test(href.trim()))
      problems.add('feature not drawn: <image> that is not a PNG or JPEG data: URL');
    else if (element.name !== 'image' && !href.startsWith('#'))
      problems.add(`feature not drawn: external reference in <${element.name}>`);
  }
  for (const child of element.children) if (isElement(child)) collect(child, ids, problems);
}

/** Shapes drawn from `element`, `use` expanded, each referenced element counted once and remembered. */
function drawnCount(
  element: SvgElement,
  ids: ReadonlyMap<string, SvgElement>,
  memo: Map<SvgElement, number>,
  open: Set<SvgElement>,
): number {
  const known = memo.get(element);
  if (known !== undefined) return known;
  // A `use` that refers to itself, directly or not, draws nothing (and is not followed).
  if (open.has(element)) return 0;
  open.add(element);
  let count = 1;
  if (element.name === 'use') {
    const target = useTarget(element, ids);
    if (target) count += drawnCount(target, ids, memo, open);
  }
  for (const child of element.children)
    if (isElement(child) && count <= MAX_DRAWN) count += drawnCount(child, ids, memo, open);
  open.delete(element);
  memo.set(element, count);
  return count;
}

/** The element a `use` refers to, if it is in the document. */
export function useTarget(
  element: SvgElement,
  ids: ReadonlyMap<string, SvgElement>,
): SvgElement | null {
  const href = element.attributes.href ?? element.attributes['xlink:href'] ?? '';
  return href.startsWith('#') ? (ids.get(href.slice(1)) ?? null) : null;
}

/** A `viewBox` as [x, y, width, height], null when absent or degenerate. */
export function viewBox(element: SvgElement): [number, number, number, number] | null {
  const text = element.attributes.viewBox;
  if (!text) return null;
  const values = numbersIn(text);
  if (values.length !== 4 || !(values[2]! > 0) || !(values[3]! > 0)) return null;
  return values as [number, number, number, number];
}

function intrinsicSize(root: SvgElement): { width: number; height: number } | null {
  const box = viewBox(root);
  const width = parseLength(root.attributes.width, 16, box ? box[2] : 0);
  const height = parseLength(root.attributes.height, 16, box ? box[3] : 0);
  const ratio = box ? box[2] / box[3] : null;
  const w = width !== null && width > 0 ? width : null;
  const h = height !== null && height > 0 ? height : null;
  if (w && h) return { width: w, height: h };
  if (w && ratio) return { width: w, height: w / ratio };
  if (h && ratio) return { width: h * ratio, height: h };
  if (box) return { width: box[2], height: box[3] };
  return null;
}
