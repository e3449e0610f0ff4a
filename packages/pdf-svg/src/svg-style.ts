import { clamp01, parseColor, type Rgb } from './svg-color.js';
import { matchingDeclarations, parseDeclarations, type Stylesheet } from './svg-stylesheet.js';
import { boundedNumber, numbersIn } from './svg-transform.js';
import type { SvgElement } from './xml-tree.js';

/** What a fill or stroke paints with: nothing, a colour, or a paint server (`url(#id)`). */
export type Paint =
  | { kind: 'none' }
  | { kind: 'color'; rgb: Rgb; alpha: number }
  | { kind: 'url'; id: string; fallback: Paint };

/** The presentation properties of an element after inheritance, in user units. */
export interface SvgStyle {
  fill: Paint;
  stroke: Paint;
  color: Rgb;
  fillOpacity: number;
  strokeOpacity: number;
  /** Product of the `opacity` of the element and its ancestors (a group's opacity, applied to each shape). */
  opacity: number;
  strokeWidth: number;
  lineCap: 'butt' | 'round' | 'square';
  lineJoin: 'miter' | 'round' | 'bevel';
  miterLimit: number;
  dashArray: number[] | null;
  dashOffset: number;
  fillRule: 'nonzero' | 'evenodd';
  fontSize: number;
  bold: boolean;
  italic: boolean;
  textAnchor: 'start' | 'middle' | 'end';
  visible: boolean;
  /** `display: none`: the element and its children are not drawn. */
  hidden: boolean;
}

export function rootStyle(color: Rgb): SvgStyle {
  return {
    fill: { kind: 'color', rgb: [0, 0, 0], alpha: 1 },
    stroke: { kind: 'none' },
    color,
    fillOpacity: 1,
    strokeOpacity: 1,
    opacity: 1,
    strokeWidth: 1,
    lineCap: 'butt',
    lineJoin: 'miter',
    miterLimit: 4,
    dashArray: null,
    dashOffset: 0,
    fillRule: 'nonzero',
    fontSize: 16,
    bold: false,
    italic: false,
    textAnchor: 'start',
    visible: true,
    hidden: false,
  };
}

/**
 * The element's properties in CSS order: presentation attributes, then the
 * stylesheet's rules (weakest first), then its `style` attribute.
 */
export function declarations(element: SvgElement, sheet: Stylesheet): Map<string, string> {
  const found = new Map<string, string>();
  const set = (name: string, value: string) => {
    if (name === 'font') for (const [long, part] of fontShorthand(value)) found.set(long, part);
    else found.set(name, value.trim());
  };
  for (const [name, value] of Object.entries(element.attributes)) set(name, value);
  for (const [name, value] of matchingDeclarations(sheet, element)) set(name, value);
  const style = element.attributes.style;
  if (style) for (const [name, value] of parseDeclarations(style)) set(name, value);
  return found;
}

/** The size, weight and style in a `font` shorthand ("italic 600 14px sans-serif"). */
function fontShorthand(value: string): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  for (const token of value.trim().split(/\s+/)) {
    if (/^(?:italic|oblique)$/.test(token)) found.push(['font-style', token]);
    else if (/^(?:bold|bolder|lighter|[1-9]00)$/.test(token)) found.push(['font-weight', token]);
    else if (/^[\d.]+(?:px|pt|pc|mm|cm|in|em|ex|%)?(?:\/.*)?$/.test(token)) {
      found.push(['font-size', token.split('/')[0]!]);
      break;
    }
  }
  return found;
}

/** A length in user units (px); em relative to the font size; null when it is not a length. */
export function parseLength(text: string | undefined, fontSize = 16, percentOf = 0): number | null {
  if (text === undefined) return null;
  const match =
    /^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(px|pt|pc|mm|cm|in|em|ex|%)?\s*$/.exec(text);
  if (!match) return null;
  const value = boundedNumber(match[1]!);
  switch (match[2]) {
    case 'pt':
      return (value * 4) / 3;
    case 'pc':
      return value * 16;
    case 'mm':
      return (value * 96) / 25.4;
    case 'cm':
      return (value * 96) / 2.54;
    case 'in':
      return value * 96;
    case 'em':
      return value * fontSize;
    case 'ex':
      return (value * fontSize) / 2;
    case '%':
      return (value * percentOf) / 100;
    default:
      return value;
  }
}

function parsePaint(text: string, parent: Paint, current: SvgStyle): Paint {
  const value = text.trim();
  if (value === 'none') return { kind: 'none' };
  if (value === 'inherit') return parent;
  if (value === 'currentColor' || value === 'currentcolor')
    return { kind: 'color', rgb: current.color, alpha: 1 };
  const url = /^url\(\s*['"]?#([^'")]+)['"]?\s*\)\s*(.*)$/.exec(value);
  if (url) {
    const fallback = url[2]
      ? parsePaint(url[2], { kind: 'none' }, current)
      : { kind: 'none' as const };
    return { kind: 'url', id: url[1]!, fallback };
  }
  const color = parseColor(value);
  return color ? { kind: 'color', ...color } : parent;
}

function opacityValue(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = text.endsWith('%') ? Number.parseFloat(text) / 100 : Number(text);
  return Number.isFinite(value) ? clamp01(value) : fallback;
}

function oneOf<T extends string>(text: string | undefined, allowed: readonly T[], fallback: T): T {
  return text !== undefined && (allowed as readonly string[]).includes(text)
    ? (text as T)
    : fallback;
}

/** The style of `element`, inheriting from its parent's. */
export function computeStyle(element: SvgElement, parent: SvgStyle, sheet: Stylesheet): SvgStyle {
  const d = declarations(element, sheet);
  const style: SvgStyle = {
    ...parent,
    opacity: parent.opacity * opacityValue(d.get('opacity'), 1),
  };
  const color = d.get('color');
  if (color) style.color = parseColor(color)?.rgb ?? parent.color;
  const fontSize = parseLength(d.get('font-size'), parent.fontSize, parent.fontSize);
  if (fontSize !== null && fontSize > 0) style.fontSize = fontSize;
  const fill = d.get('fill');
  if (fill) style.fill = parsePaint(fill, parent.fill, style);
  const stroke = d.get('stroke');
  if (stroke) style.stroke = parsePaint(stroke, parent.stroke, style);
  style.fillOpacity = opacityValue(d.get('fill-opacity'), parent.fillOpacity);
  style.strokeOpacity = opacityValue(d.get('stroke-opacity'), parent.strokeOpacity);
  const width = parseLength(d.get('stroke-width'), style.fontSize, 100);
  if (width !== null && width >= 0) style.strokeWidth = width;
  style.lineCap = oneOf(d.get('stroke-linecap'), ['butt', 'round', 'square'], parent.lineCap);
  style.lineJoin = oneOf(d.get('stroke-linejoin'), ['miter', 'round', 'bevel'], parent.lineJoin);
  const miter = boundedNumber(d.get('stroke-miterlimit') ?? '');
  if (Number.isFinite(miter) && miter >= 1) style.miterLimit = miter;
  const dash = d.get('stroke-dasharray');
  if (dash !== undefined) style.dashArray = dashArray(dash, parent.dashArray);
  const offset = d.get('stroke-dashoffset');
  if (offset !== undefined) style.dashOffset = boundedNumber(offset);
  style.fillRule = oneOf(d.get('fill-rule'), ['nonzero', 'evenodd'], parent.fillRule);
  const weight = d.get('font-weight');
  if (weight) style.bold = weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
  const fontStyle = d.get('font-style');
  if (fontStyle) style.italic = fontStyle === 'italic' || fontStyle === 'oblique';
  style.textAnchor = oneOf(d.get('text-anchor'), ['start', 'middle', 'end'], parent.textAnchor);
  const visibility = d.get('visibility');
  if (visibility) style.visible = visibility === 'visible';
  style.hidden = d.get('display') === 'none';
  return style;
}

function dashArray(text: string, parent: number[] | null): number[] | null {
  if (text === 'none') return null;
  if (text === 'inherit') return parent;
  const values = numbersIn(text);
  if (values.length === 0 || values.some((value) => value < 0)) return null;
  if (values.every((value) => value === 0)) return null;
  return values.length % 2 === 1 ? [...values, ...values] : values;
}
