/// <reference types="pdfkit" />
import { type SvgImage, useTarget, viewBox } from './read-svg.js';
import { parseColor, type Rgb } from './svg-color.js';
import { type PathSink, tracePath } from './svg-path.js';
import { computeStyle, type Paint, parseLength, rootStyle, type SvgStyle } from './svg-style.js';
import { IDENTITY, type Matrix, multiply, numbersIn, parseTransform } from './svg-transform.js';
import { isElement, type SvgElement } from './xml-tree.js';

/** Fonts registered in the pdfkit document, by the names `doc.font()` knows them under. */
export interface SvgFonts {
  regular: string;
  bold?: string;
  italic?: string;
  boldItalic?: string;
}

export interface DrawSvgOptions {
  /** The box the image fills, in the document's units (points, y down as in pdfkit). */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Fonts for `text`; without them text is not drawn. */
  fonts?: SvgFonts;
  /** What `currentColor` is at the root (#rrggbb); black by default. */
  color?: string;
}

type Doc = PDFKit.PDFDocument;

interface Context {
  doc: Doc;
  image: SvgImage;
  fonts: SvgFonts | undefined;
  /** Elements being drawn through `use`, so a reference cycle stops. */
  using: Set<SvgElement>;
  /** Size of the nearest viewport, for percentages. */
  viewport: { width: number; height: number };
}

// Elements that hold what others use; they are never drawn where they stand.
const NOT_RENDERED = new Set([
  'style',
  'defs',
  'symbol',
  'title',
  'desc',
  'metadata',
  'linearGradient',
  'radialGradient',
  'stop',
]);
const KAPPA = 0.5522847498;

/**
 * Draws a read SVG into `doc` as vector paths, filling the box as the root's
 * `preserveAspectRatio` says. Nothing is fetched or run; what is not drawn
 * was listed by `readSvg`.
 */
export function drawSvg(doc: Doc, image: SvgImage, options: DrawSvgOptions): void {
  const color = parseColor(options.color ?? '#000000')?.rgb ?? [0, 0, 0];
  const context: Context = {
    doc,
    image,
    fonts: options.fonts,
    using: new Set(),
    viewport: { width: image.width, height: image.height },
  };
  doc.save();
  doc.rect(options.x, options.y, options.width, options.height).clip();
  doc.translate(options.x, options.y);
  // The root's width and height become the box: the viewport is scaled to it.
  const root = image.root;
  const box = viewBox(root) ?? [0, 0, image.width, image.height];
  fitViewBox(doc, box, options.width, options.height, root.attributes.preserveAspectRatio);
  context.viewport = { width: box[2], height: box[3] };
  drawChildren(context, root, computeStyle(root, rootStyle(color as Rgb), image.sheet));
  doc.restore();
}

/** Maps `box` into a viewport `width` × `height` as `preserveAspectRatio` says. */
function fitViewBox(
  doc: Doc,
  box: readonly [number, number, number, number],
  width: number,
  height: number,
  aspect: string | undefined,
): void {
  const [align = 'xMidYMid', meetOrSlice = 'meet'] = (aspect ?? '')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  let sx = width / box[2];
  let sy = height / box[3];
  let tx = 0;
  let ty = 0;
  if (align !== 'none') {
    const scale = meetOrSlice === 'slice' ? Math.max(sx, sy) : Math.min(sx, sy);
    sx = scale;
    sy = scale;
    const free = { x: width - box[2] * scale, y: height - box[3] * scale };
    const at = (axis: 'x' | 'y', name: string) =>
      align.includes(`${axis}Mid`) || align.includes(`${axis.toUpperCase()}Mid`)
        ? free[axis] / 2
        : align.includes(`${axis}Max`) || align.includes(`${axis.toUpperCase()}Max`)
          ? free[axis]
          : name === 'min'
            ? 0
            : 0;
    tx = at('x', 'min');
    ty = at('y', 'min');
  }
  doc.transform(sx, 0, 0, sy, tx - box[0] * sx, ty - box[1] * sy);
}

function drawChildren(context: Context, element: SvgElement, style: SvgStyle): void {
  for (const child of element.children) if (isElement(child)) drawElement(context, child, style);
}

function drawElement(context: Context, element: SvgElement, parent: SvgStyle): void {
  if (NOT_RENDERED.has(element.name)) return;
  const style = computeStyle(element, parent, context.image.sheet);
  if (style.hidden) return;
  const { doc } = context;
  doc.save();
  const transform = element.attributes.transform;
  const matrix = transform ? parseTransform(transform) : null;
  if (matrix) doc.transform(...matrix);
  switch (element.name) {
    case 'g':
    case 'a':
      drawChildren(context, element, style);
      break;
    case 'switch': {
      // The first child a reader can show; conditions on features and languages are not tested.
      const first = element.children.find(isElement);
      if (first) drawElement(context, first, style);
      break;
    }
    case 'svg':
      drawViewport(context, element, style, element);
      break;
    case 'use':
      drawUse(context, element, style);
      break;
    case 'text':
      drawText(context, element, style);
      break;
    case 'image':
      drawRaster(context, element);
      break;
    default:
      drawShape(context, element, style);
  }
  doc.restore();
}

/** A nested `svg` or a used `symbol`: a new viewport at x, y with its own viewBox, clipped. */
function drawViewport(
  context: Context,
  element: SvgElement,
  style: SvgStyle,
  sizeFrom: SvgElement,
): void {
  const { doc, viewport } = context;
  const x = length(sizeFrom.attributes.x, style, viewport.width) ?? 0;
  const y = length(sizeFrom.attributes.y, style, viewport.height) ?? 0;
  const width = length(sizeFrom.attributes.width ?? '100%', style, viewport.width) ?? 0;
  const height = length(sizeFrom.attributes.height ?? '100%', style, viewport.height) ?? 0;
  if (!(width > 0) || !(height > 0)) return;
  const box = viewBox(element);
  doc.rect(x, y, width, height).clip();
  doc.translate(x, y);
  if (box) fitViewBox(doc, box, width, height, element.attributes.preserveAspectRatio);
  const outer = context.viewport;
  context.viewport = box ? { width: box[2], height: box[3] } : { width, height };
  drawChildren(context, element, style);
  context.viewport = outer;
}

function drawUse(context: Context, element: SvgElement, style: SvgStyle): void {
  const target = useTarget(element, context.image.ids);
  if (!target || context.using.has(target)) return;
  const { doc, viewport } = context;
  context.using.add(target);
  if (target.name === 'symbol') {
    // The use's width and height (or the symbol's own) size the symbol's viewport.
    const sized: SvgElement = {
      name: 'symbol',
      attributes: {
        x: element.attributes.x ?? '0',
        y: element.attributes.y ?? '0',
        width: element.attributes.width ?? target.attributes.width ?? '100%',
        height: element.attributes.height ?? target.attributes.height ?? '100%',
      },
      children: [],
    };
    drawViewport(context, target, computeStyle(target, style, context.image.sheet), sized);
  } else {
    const x = length(element.attributes.x, style, viewport.width) ?? 0;
    const y = length(element.attributes.y, style, viewport.height) ?? 0;
    doc.translate(x, y);
    drawElement(context, target, style);
  }
  context.using.delete(target);
}

function length(text: string | undefined, style: SvgStyle, percentOf: number): number | null {
  return parseLength(text, style.fontSize, percentOf);
}

/** Adds the element's outline to the current path; false when there is nothing to draw. */
function outlineShape(context: Context, element: SvgElement, doc: PathSink): boolean {
  const { viewport } = context;
  const a = element.attributes;
  const diagonal = Math.hypot(viewport.width, viewport.height) / Math.SQRT2;
  const n = (name: string, percentOf: number) => parseLength(a[name], 16, percentOf) ?? 0;
  switch (element.name) {
    case 'path': {
      const data = a.d?.trim();
      if (!data) return false;
      tracePath(doc, data);
      return true;
    }
    case 'rect': {
      const width = n('width', viewport.width);
      const height = n('height', viewport.height);
      if (!(width > 0) || !(height > 0)) return false;
      const x = n('x', viewport.width);
      const y = n('y', viewport.height);
      let rx = parseLength(a.rx, 16, viewport.width);
      let ry = parseLength(a.ry, 16, viewport.height);
      rx ??= ry;
      ry ??= rx;
      if (!rx || !ry || rx <= 0 || ry <= 0) {
        doc.moveTo(x, y);
        doc.lineTo(x + width, y);
        doc.lineTo(x + width, y + height);
        doc.lineTo(x, y + height);
        doc.closePath();
        return true;
      }
      ellipticRect(doc, x, y, width, height, Math.min(rx, width / 2), Math.min(ry, height / 2));
      return true;
    }
    case 'circle': {
      const r = n('r', diagonal);
      if (!(r > 0)) return false;
      ellipsePath(doc, n('cx', viewport.width), n('cy', viewport.height), r, r);
      return true;
    }
    case 'ellipse': {
      const rx = n('rx', viewport.width);
      const ry = n('ry', viewport.height);
      if (!(rx > 0) || !(ry > 0)) return false;
      ellipsePath(doc, n('cx', viewport.width), n('cy', viewport.height), rx, ry);
      return true;
    }
    case 'line':
      doc.moveTo(n('x1', viewport.width), n('y1', viewport.height));
      doc.lineTo(n('x2', viewport.width), n('y2', viewport.height));
      return true;
    case 'polyline':
    case 'polygon': {
      const points = numbersIn(a.points ?? '');
      if (points.length < 4) return false;
      doc.moveTo(points[0]!, points[1]!);
      for (let index = 2; index + 1 < points.length; index += 2)
        doc.lineTo(points[index]!, points[index + 1]!);
      if (element.name === 'polygon') doc.closePath();
      return true;
    }
    default:
      return false;
  }
}

/** An ellipse as four cubic Béziers, as pdfkit draws one. */
function ellipsePath(doc: PathSink, cx: number, cy: number, rx: number, ry: number): void {
  const kx = rx * KAPPA;
  const ky = ry * KAPPA;
  doc.moveTo(cx - rx, cy);
  doc.bezierCurveTo(cx - rx, cy - ky, cx - kx, cy - ry, cx, cy - ry);
  doc.bezierCurveTo(cx + kx, cy - ry, cx + rx, cy - ky, cx + rx, cy);
  doc.bezierCurveTo(cx + rx, cy + ky, cx + kx, cy + ry, cx, cy + ry);
  doc.bezierCurveTo(cx - kx, cy + ry, cx - rx, cy + ky, cx - rx, cy);
  doc.closePath();
}

/** The box around every point of a path (control points too: a little generous on curves). */
function pathBox(context: Context, element: SvgElement): [number, number, number, number] | null {
  let box: [number, number, number, number] | null = null;
  const add = (...coordinates: number[]) => {
    for (let index = 0; index + 1 < coordinates.length; index += 2) {
      const x = coordinates[index]!;
      const y = coordinates[index + 1]!;
      box = box
        ? [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)]
        : [x, y, x, y];
    }
  };
  outlineShape(context, element, {
    moveTo: add,
    lineTo: add,
    bezierCurveTo: add,
    closePath: () => {},
  });
  return box;
}

/**
 * A gradient as pdfkit shades it, in the shape's bounding box
 * (`objectBoundingBox`, the default) or in user space, its stops inherited
 * through `href`; null when it is not a gradient with stops.
 */
function gradientFill(
  context: Context,
  element: SvgElement,
  id: string,
  opacity: number,
): PDFKit.PDFGradient | null {
  const server = context.image.ids.get(id);
  if (server?.name !== 'linearGradient' && server?.name !== 'radialGradient') return null;
  const stops = gradientStops(context, server, new Set());
  if (stops.length === 0) return null;
  const a = server.attributes;
  const userSpace = a.gradientUnits === 'userSpaceOnUse';
  const box = pathBox(context, element);
  if (!box) return null;
  const [x0, y0, x1, y1] = box;
  if (!userSpace && (x1 - x0 <= 0 || y1 - y0 <= 0)) return null;
  const { viewport } = context;
  // Bounding-box units are fractions of the box (50% is 0.5); user units are lengths.
  const value = (name: string, fallback: string, percentOf: number) =>
    parseLength(a[name] ?? fallback, 16, userSpace ? percentOf : 1) ?? 0;
  const { doc } = context;
  const gradient =
    server.name === 'linearGradient'
      ? doc.linearGradient(
          value('x1', '0%', viewport.width),
          value('y1', '0%', viewport.height),
          value('x2', '100%', viewport.width),
          value('y2', '0%', viewport.height),
        )
      : radial(doc, value, viewport);
  let matrix: Matrix = userSpace ? IDENTITY : [x1 - x0, 0, 0, y1 - y0, x0, y0];
  const transform = a.gradientTransform ? parseTransform(a.gradientTransform) : null;
  if (transform) matrix = multiply(matrix, transform);
  gradient.setTransform(...matrix);
  let last = 0;
  stops.forEach((stop, index) => {
    // Offsets never go back; a first stop past 0 holds its colour from the start.
    const offset = Math.max(last, stop.offset);
    if (index === 0 && offset > 0) gradient.stop(0, hexOf(stop.rgb), stop.alpha * opacity);
    gradient.stop(offset, hexOf(stop.rgb), stop.alpha * opacity);
    last = offset;
  });
  return gradient;
}

function radial(
  doc: Doc,
  value: (name: string, fallback: string, percentOf: number) => number,
  viewport: { width: number; height: number },
): PDFKit.PDFGradient {
  const diagonal = Math.hypot(viewport.width, viewport.height) / Math.SQRT2;
  const cx = value('cx', '50%', viewport.width);
  const cy = value('cy', '50%', viewport.height);
  const r = value('r', '50%', diagonal);
  const fx = value('fx', `${cx}`, viewport.width);
  const fy = value('fy', `${cy}`, viewport.height);
  return doc.radialGradient(fx, fy, 0, cx, cy, r);
}

function hexOf(rgb: Rgb): string {
  return `#${rgb.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}

/** A rectangle with elliptic corners (pdfkit's roundedRect has circular ones only). */
function ellipticRect(
  doc: PathSink,
  x: number,
  y: number,
  w: number,
  h: number,
  rx: number,
  ry: number,
): void {
  const kx = rx * KAPPA;
  const ky = ry * KAPPA;
  doc.moveTo(x + rx, y);
  doc.lineTo(x + w - rx, y);
  doc.bezierCurveTo(x + w - rx + kx, y, x + w, y + ry - ky, x + w, y + ry);
  doc.lineTo(x + w, y + h - ry);
  doc.bezierCurveTo(x + w, y + h - ry + ky, x + w - rx + kx, y + h, x + w - rx, y + h);
  doc.lineTo(x + rx, y + h);
  doc.bezierCurveTo(x + rx - kx, y + h, x, y + h - ry + ky, x, y + h - ry);
  doc.lineTo(x, y + ry);
  doc.bezierCurveTo(x, y + ry - ky, x + rx - kx, y, x + rx, y);
  doc.closePath();
}

/** The colour a paint draws with: a gradient or pattern as its middle stop, flat. */
function paintColor(context: Context, paint: Paint): { rgb: Rgb; alpha: number } | null {
  if (paint.kind === 'none') return null;
  if (paint.kind === 'color') return paint;
  const server = context.image.ids.get(paint.id);
  if (!server) return paintColor(context, paint.fallback);
  const stops = gradientStops(context, server, new Set());
  if (stops.length === 0) return paintColor(context, paint.fallback);
  return stops[Math.floor((stops.length - 1) / 2)]!;
}

/** A gradient's stops, following `href` to the gradient it inherits them from. */
function gradientStops(
  context: Context,
  gradient: SvgElement,
  seen: Set<SvgElement>,
): Array<{ rgb: Rgb; alpha: number; offset: number }> {
  if (seen.has(gradient)) return [];
  seen.add(gradient);
  const stops = gradient.children.filter(isElement).filter((child) => child.name === 'stop');
  if (stops.length === 0) {
    const inherited = useTarget(gradient, context.image.ids);
    return inherited ? gradientStops(context, inherited, seen) : [];
  }
  return stops.map((stop) => {
    const style = computeStyle(stop, rootStyle([0, 0, 0]), context.image.sheet);
    const declared =
      stop.attributes['stop-color'] ??
      /stop-color\s*:\s*([^;]+)/.exec(stop.attributes.style ?? '')?.[1];
    const opacityText =
      stop.attributes['stop-opacity'] ??
      /stop-opacity\s*:\s*([^;]+)/.exec(stop.attributes.style ?? '')?.[1];
    const color = parseColor(declared ?? 'black') ?? { rgb: style.color, alpha: 1 };
    const opacity = Number(opacityText ?? 1);
    const offsetText = stop.attributes.offset?.trim() ?? '0';
    const offset = offsetText.endsWith('%')
      ? Number.parseFloat(offsetText) / 100
      : Number(offsetText);
    return {
      rgb: color.rgb,
      alpha: color.alpha * (Number.isFinite(opacity) ? Math.max(0, Math.min(1, opacity)) : 1),
      offset: Number.isFinite(offset) ? Math.max(0, Math.min(1, offset)) : 0,
    };
  });
}

type Painted = { rgb: Rgb; alpha: number } | null;

function drawShape(context: Context, element: SvgElement, style: SvgStyle): void {
  if (!style.visible) return;
  const { doc } = context;
  // Lines and polylines are strokes; SVG fills an open polyline, which almost never is meant.
  const open = element.name === 'line' || element.name === 'polyline';
  const fill: Painted = open ? null : paintColor(context, style.fill);
  const stroke: Painted = style.strokeWidth > 0 ? paintColor(context, style.stroke) : null;
  if (!fill && !stroke) return;
  // Colours and line style are set before the path: PDF paints a path right after it is built.
  const rule = style.fillRule === 'evenodd' ? 'even-odd' : 'non-zero';
  const gradient =
    fill && style.fill.kind === 'url'
      ? gradientFill(context, element, style.fill.id, style.fillOpacity * style.opacity)
      : null;
  if (gradient) doc.fillColor(gradient);
  else if (fill) doc.fillColor(rgbOf(fill), fill.alpha * style.fillOpacity * style.opacity);
  if (stroke) {
    doc.strokeColor(rgbOf(stroke), stroke.alpha * style.strokeOpacity * style.opacity);
    doc
      .lineWidth(style.strokeWidth)
      .lineCap(style.lineCap)
      .lineJoin(style.lineJoin)
      .miterLimit(style.miterLimit);
    // pdfkit refuses zero-length dashes, which SVG allows (dots with round caps).
    if (style.dashArray)
      doc.dash(
        style.dashArray.map((value) => Math.max(value, 1e-3)),
        { phase: style.dashOffset },
      );
  }
  if (!outlineShape(context, element, doc)) return;
  if (fill && stroke) doc.fillAndStroke(rule);
  else if (fill) doc.fill(rule);
  else doc.stroke();
}

function rgbOf(paint: { rgb: Rgb }): [number, number, number] {
  return [paint.rgb[0], paint.rgb[1], paint.rgb[2]];
}

/** A run of text at its place: consecutive pieces until a `tspan` sets x or y again. */
interface TextChunk {
  x: number;
  y: number;
  anchor: SvgStyle['textAnchor'];
  pieces: Array<{ text: string; style: SvgStyle; dx: number; dy: number }>;
}

function drawText(context: Context, element: SvgElement, style: SvgStyle): void {
  const { doc, fonts } = context;
  if (!fonts || !style.visible) return;
  const chunks: TextChunk[] = [];
  const first = (name: string, of: SvgElement) => numbersIn(of.attributes[name] ?? '')[0];
  const start = (at: SvgStyle, x: number, y: number) => {
    chunks.push({ x, y, anchor: at.textAnchor, pieces: [] });
  };
  start(style, first('x', element) ?? 0, first('y', element) ?? 0);
  let shift = { dx: first('dx', element) ?? 0, dy: first('dy', element) ?? 0 };
  const walk = (node: SvgElement, at: SvgStyle) => {
    for (const child of node.children) {
      if (!isElement(child)) {
        const text = child.text.replace(/\s+/g, ' ');
        if (text) chunks[chunks.length - 1]!.pieces.push({ text, style: at, ...shift });
        shift = { dx: 0, dy: 0 };
        continue;
      }
      if (child.name !== 'tspan') continue;
      const inner = computeStyle(child, at, context.image.sheet);
      if (inner.hidden) continue;
      const x = first('x', child);
      const y = first('y', child);
      if (x !== undefined || y !== undefined) {
        const last = chunks[chunks.length - 1]!;
        start(inner, x ?? last.x, y ?? last.y);
      }
      shift = {
        dx: shift.dx + (first('dx', child) ?? 0),
        dy: shift.dy + (first('dy', child) ?? 0),
      };
      walk(child, inner);
    }
  };
  walk(element, style);
  trimEnds(chunks);
  for (const chunk of chunks) {
    const widths = chunk.pieces.map((piece) => {
      doc.font(fontFor(fonts, piece.style)).fontSize(piece.style.fontSize);
      return doc.widthOfString(piece.text) + piece.dx;
    });
    const total = widths.reduce((sum, width) => sum + width, 0);
    let x = chunk.x - (chunk.anchor === 'middle' ? total / 2 : chunk.anchor === 'end' ? total : 0);
    let y = chunk.y;
    chunk.pieces.forEach((piece, index) => {
      x += piece.dx;
      y += piece.dy;
      const paint = paintColor(context, piece.style.fill);
      if (paint && piece.style.visible) {
        doc.font(fontFor(fonts, piece.style)).fontSize(piece.style.fontSize);
        doc.fillColor(rgbOf(paint), paint.alpha * piece.style.fillOpacity * piece.style.opacity);
        doc.text(piece.text, x, y, { lineBreak: false, baseline: 'alphabetic' });
      }
      x += widths[index]! - piece.dx;
    });
  }
}

/** White space at the start and end of a text element is not drawn (xml:space="default"). */
function trimEnds(chunks: TextChunk[]): void {
  const pieces = chunks.flatMap((chunk) => chunk.pieces);
  const head = pieces[0];
  if (head) head.text = head.text.trimStart();
  const tail = pieces[pieces.length - 1];
  if (tail) tail.text = tail.text.trimEnd();
  for (const chunk of chunks) chunk.pieces = chunk.pieces.filter((piece) => piece.text !== '');
}

function fontFor(fonts: SvgFonts, style: SvgStyle): string {
  if (style.bold && style.italic) return fonts.boldItalic ?? fonts.bold ?? fonts.regular;
  if (style.bold) return fonts.bold ?? fonts.regular;
  if (style.italic) return fonts.italic ?? fonts.regular;
  return fonts.regular;
}

const DATA_URL = /^data:image\/(?:png|jpeg);base64,([A-Za-z0-9+/=\s]*)$/i;

/** An embedded PNG or JPEG (`data:` URL): never a file or a network address. */
function drawRaster(context: Context, element: SvgElement): void {
  const { doc, viewport } = context;
  const a = element.attributes;
  const data = DATA_URL.exec((a.href ?? a['xlink:href'] ?? '').trim())?.[1];
  const width = parseLength(a.width, 16, viewport.width) ?? 0;
  const height = parseLength(a.height, 16, viewport.height) ?? 0;
  if (!data || !(width > 0) || !(height > 0)) return;
  const x = parseLength(a.x, 16, viewport.width) ?? 0;
  const y = parseLength(a.y, 16, viewport.height) ?? 0;
  try {
    doc.image(Buffer.from(data, 'base64'), x, y, {
      fit: [width, height],
      align: 'center',
      valign: 'center',
    });
  } catch {
    // An embedded image pdfkit cannot read is left out, as a browser leaves it out.
  }
}
