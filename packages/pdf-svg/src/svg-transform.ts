/** An affine matrix [a b c d e f], as in SVG's `matrix()` and PDF's `cm`. */
export type Matrix = readonly [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

const FUNCTION = /(matrix|translate|scale|rotate|skewX|skewY)\s*\(([^)]*)\)/g;
const NUMBER = /[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g;

/**
 * Coordinates beyond a billion user units draw nothing anyone can see, and
 * pdfkit refuses to write numbers past 1e21: every number read is held
 * within this range, so hostile values never stop a document.
 */
const LIMIT = 1e9;

export function boundedNumber(text: string): number {
  const value = Number(text);
  return Number.isNaN(value) ? 0 : Math.max(-LIMIT, Math.min(LIMIT, value));
}

export function numbersIn(text: string): number[] {
  return (text.match(NUMBER) ?? []).map(boundedNumber);
}

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** The matrix of an SVG `transform` list, or null when it is not one. */
export function parseTransform(text: string): Matrix | null {
  let matrix = IDENTITY;
  let rest = text;
  for (const [whole, name, args] of text.matchAll(FUNCTION)) {
    rest = rest.replace(whole, '');
    const step = transformStep(name!, numbersIn(args!));
    if (!step) return null;
    matrix = multiply(matrix, step);
  }
  // A product of huge steps is left out whole rather than written as numbers pdfkit refuses.
  if (!matrix.every((value) => Number.isFinite(value) && Math.abs(value) < 1e15)) return null;
  return /^[\s,]*$/.test(rest) ? matrix : null;
}

function transformStep(name: string, n: number[]): Matrix | null {
  switch (name) {
    case 'matrix':
      return n.length === 6 ? [n[0]!, n[1]!, n[2]!, n[3]!, n[4]!, n[5]!] : null;
    case 'translate':
      return n.length === 1 || n.length === 2 ? [1, 0, 0, 1, n[0]!, n[1] ?? 0] : null;
    case 'scale':
      return n.length === 1 || n.length === 2 ? [n[0]!, 0, 0, n[1] ?? n[0]!, 0, 0] : null;
    case 'rotate': {
      if (n.length !== 1 && n.length !== 3) return null;
      const a = radians(n[0]!);
      const rotation: Matrix = [Math.cos(a), Math.sin(a), -Math.sin(a), Math.cos(a), 0, 0];
      if (n.length === 1) return rotation;
      const [, cx, cy] = n as [number, number, number];
      return multiply(multiply([1, 0, 0, 1, cx, cy], rotation), [1, 0, 0, 1, -cx, -cy]);
    }
    case 'skewX':
      return n.length === 1 ? [1, 0, Math.tan(radians(n[0]!)), 1, 0, 0] : null;
    case 'skewY':
      return n.length === 1 ? [1, Math.tan(radians(n[0]!)), 0, 1, 0, 0] : null;
    default:
      return null;
  }
}
