import { boundedNumber } from './svg-transform.js';

// SVG path data, drawn with pdfkit's path primitives. pdfkit's own `path()`
// reflects the control point of a smooth quadratic (`T`) twice, and draws
// quadratics with the PDF's `v` operator, a different curve: both bend
// every glyph MathJax writes with `Q` and `T`. This one follows the SVG
// grammar (paths in SVG 1.1, section 8.3), arcs included, in cubics.

/** What a path is traced into: a pdfkit document, or something that measures it. */
export interface PathSink {
  moveTo(x: number, y: number): unknown;
  lineTo(x: number, y: number): unknown;
  bezierCurveTo(c1x: number, c1y: number, c2x: number, c2y: number, x: number, y: number): unknown;
  closePath(): unknown;
}

type Doc = PathSink;

/** Numbers each command takes. */
const ARITY: Record<string, number> = {
  m: 2,
  l: 2,
  h: 1,
  v: 1,
  c: 6,
  s: 4,
  q: 4,
  t: 2,
  a: 7,
  z: 0,
};
const TOKEN = /([MmLlHhVvCcSsQqTtAaZz])|([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)|([\s,]+)|(.)/gy;
const FLAG = /[\s,]*([01])/y;

/**
 * Adds the path to the current path of `doc`. Data after an error is
 * ignored, as SVG renders a path up to its first error.
 */
export function tracePath(doc: PathSink, data: string): void {
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  // Control point of the previous curve, for S and T; null after other commands.
  let cubic: [number, number] | null = null;
  let quad: [number, number] | null = null;
  let command = '';
  let args: number[] = [];
  let at = 0;
  const run = (name: string, a: number[]) => {
    const relative = name === name.toLowerCase();
    const dx = relative ? x : 0;
    const dy = relative ? y : 0;
    let nextCubic: [number, number] | null = null;
    let nextQuad: [number, number] | null = null;
    switch (name.toLowerCase()) {
      case 'm':
        x = a[0]! + dx;
        y = a[1]! + dy;
        startX = x;
        startY = y;
        doc.moveTo(x, y);
        break;
      case 'l':
        x = a[0]! + dx;
        y = a[1]! + dy;
        doc.lineTo(x, y);
        break;
      case 'h':
        x = a[0]! + dx;
        doc.lineTo(x, y);
        break;
      case 'v':
        y = a[0]! + dy;
        doc.lineTo(x, y);
        break;
      case 'c':
      case 's': {
        let c1: [number, number];
        let rest: number[];
        if (name.toLowerCase() === 'c') {
          c1 = [a[0]! + dx, a[1]! + dy];
          rest = a.slice(2);
        } else {
          c1 = cubic ? [2 * x - cubic[0], 2 * y - cubic[1]] : [x, y];
          rest = a;
        }
        const c2: [number, number] = [rest[0]! + dx, rest[1]! + dy];
        x = rest[2]! + dx;
        y = rest[3]! + dy;
        doc.bezierCurveTo(c1[0], c1[1], c2[0], c2[1], x, y);
        nextCubic = c2;
        break;
      }
      case 'q':
      case 't': {
        const control: [number, number] =
          name.toLowerCase() === 'q'
            ? [a[0]! + dx, a[1]! + dy]
            : quad
              ? [2 * x - quad[0], 2 * y - quad[1]]
              : [x, y];
        const end = name.toLowerCase() === 'q' ? a.slice(2) : a;
        const fromX = x;
        const fromY = y;
        x = end[0]! + dx;
        y = end[1]! + dy;
        // pdfkit's quadraticCurveTo writes `v`, a different cubic: raise the degree exactly instead.
        doc.bezierCurveTo(
          fromX + (2 / 3) * (control[0] - fromX),
          fromY + (2 / 3) * (control[1] - fromY),
          x + (2 / 3) * (control[0] - x),
          y + (2 / 3) * (control[1] - y),
          x,
          y,
        );
        nextQuad = control;
        break;
      }
      case 'a': {
        const toX = a[5]! + dx;
        const toY = a[6]! + dy;
        arc(doc, x, y, a[0]!, a[1]!, a[2]!, a[3]! !== 0, a[4]! !== 0, toX, toY);
        x = toX;
        y = toY;
        break;
      }
      case 'z':
        doc.closePath();
        x = startX;
        y = startY;
        break;
    }
    cubic = nextCubic;
    quad = nextQuad;
  };
  TOKEN.lastIndex = 0;
  while (at < data.length) {
    TOKEN.lastIndex = at;
    const match = TOKEN.exec(data);
    if (!match || match[4] !== undefined) return;
    at = TOKEN.lastIndex;
    if (match[3] !== undefined) continue;
    if (match[1] !== undefined) {
      if (args.length > 0) return;
      command = match[1];
      if (command === 'z' || command === 'Z') run(command, []);
      continue;
    }
    if (!command || command === 'z' || command === 'Z') return;
    args.push(boundedNumber(match[2]!));
    const lower = command.toLowerCase();
    // An arc's two flags may be written without separators: "a1 1 0 00 1 1".
    while (lower === 'a' && (args.length === 3 || args.length === 4)) {
      FLAG.lastIndex = at;
      const flag = FLAG.exec(data);
      if (!flag) return;
      args.push(Number(flag[1]));
      at = FLAG.lastIndex;
    }
    if (args.length === ARITY[lower]) {
      run(command, args);
      args = [];
      // Coordinates after a moveto are linetos.
      if (command === 'm') command = 'l';
      else if (command === 'M') command = 'L';
    }
  }
}

/** An elliptical arc as cubic Béziers (SVG 1.1, appendix F.6: endpoint to centre parameterisation). */
function arc(
  doc: Doc,
  x1: number,
  y1: number,
  rxIn: number,
  ryIn: number,
  degrees: number,
  large: boolean,
  sweep: boolean,
  x2: number,
  y2: number,
): void {
  let rx = Math.abs(rxIn);
  let ry = Math.abs(ryIn);
  if ((x1 === x2 && y1 === y2) || rx === 0 || ry === 0) {
    if (x1 !== x2 || y1 !== y2) doc.lineTo(x2, y2);
    return;
  }
  const phi = (degrees * Math.PI) / 180;
  const cos = Math.cos(phi);
  const sin = Math.sin(phi);
  const mx = (x1 - x2) / 2;
  const my = (y1 - y2) / 2;
  const xp = cos * mx + sin * my;
  const yp = -sin * mx + cos * my;
  const lambda = (xp * xp) / (rx * rx) + (yp * yp) / (ry * ry);
  if (lambda > 1) {
    rx *= Math.sqrt(lambda);
    ry *= Math.sqrt(lambda);
  }
  const numerator = rx * rx * ry * ry - rx * rx * yp * yp - ry * ry * xp * xp;
  const denominator = rx * rx * yp * yp + ry * ry * xp * xp;
  let factor = Math.sqrt(Math.max(0, numerator / denominator));
  if (large === sweep) factor = -factor;
  const cxp = (factor * rx * yp) / ry;
  const cyp = (-factor * ry * xp) / rx;
  const cx = cos * cxp - sin * cyp + (x1 + x2) / 2;
  const cy = sin * cxp + cos * cyp + (y1 + y2) / 2;
  if (!Number.isFinite(cx) || !Number.isFinite(cy)) {
    doc.lineTo(x2, y2);
    return;
  }
  const angle = (ux: number, uy: number, vx: number, vy: number) =>
    Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
  const theta = angle(1, 0, (xp - cxp) / rx, (yp - cyp) / ry);
  let delta = angle((xp - cxp) / rx, (yp - cyp) / ry, (-xp - cxp) / rx, (-yp - cyp) / ry);
  if (!sweep && delta > 0) delta -= 2 * Math.PI;
  if (sweep && delta < 0) delta += 2 * Math.PI;
  const segments = Math.ceil(Math.abs(delta) / (Math.PI / 2) - 1e-9);
  const step = delta / segments;
  const k = (4 / 3) * Math.tan(step / 4);
  const point = (t: number): [number, number] => {
    const ex = rx * Math.cos(t);
    const ey = ry * Math.sin(t);
    return [cx + cos * ex - sin * ey, cy + sin * ex + cos * ey];
  };
  const derivative = (t: number): [number, number] => {
    const ex = -rx * Math.sin(t);
    const ey = ry * Math.cos(t);
    return [cos * ex - sin * ey, sin * ex + cos * ey];
  };
  for (let index = 0; index < segments; index++) {
    const t1 = theta + index * step;
    const t2 = t1 + step;
    const [px1, py1] = point(t1);
    const [px2, py2] = index === segments - 1 ? [x2, y2] : point(t2);
    const [d1x, d1y] = derivative(t1);
    const [d2x, d2y] = derivative(t2);
    doc.bezierCurveTo(px1 + k * d1x, py1 + k * d1y, px2 - k * d2x, py2 - k * d2y, px2, py2);
  }
}
