import { assertNever, type NumericAnswer } from '@quizmark/model';

// How the key states a numeric answer: the value, the tolerance as the author
// gave it, and the interval a marker accepts, with the unit:
// "9 J ± 2 % (8.82–9.18 J)". No-break spaces keep a number with its unit.

const NBSP = '\u00a0';
const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/**
 * A number as a reader writes it: at most 12 significant digits (so
 * 9.81 − 0.05 prints 9.76), a true minus sign, and "× 10ⁿ" where JavaScript
 * would write an exponent (below 10⁻⁶ and from 10²¹).
 */
export function formatNumber(value: number): string {
  const text = String(Number(value.toPrecision(12)));
  const minus = (digits: string) => digits.replace('-', '−');
  const exponent = /^(-?[\d.]+)e([+-]\d+)$/.exec(text);
  if (!exponent) return minus(text);
  const power = String(Number(exponent[2])).replace(/[-\d]/g, (char) => SUPERSCRIPT[char]!);
  return `${minus(exponent[1]!)}${NBSP}×${NBSP}10${power}`;
}

/** "8.82–9.18 J"; spaced when a bound is negative, so the dash is not read as a minus. */
function interval(answer: NumericAnswer, unit: string): string {
  const dash = answer.min < 0 || answer.max < 0 ? ' – ' : '–';
  return `${formatNumber(answer.min)}${dash}${formatNumber(answer.max)}${unit}`;
}

/** The key's statement of a numeric answer. */
export function describeNumericAnswer(answer: NumericAnswer): string {
  const unit = answer.unit ? `${NBSP}${answer.unit}` : '';
  const value = `${formatNumber(answer.value)}${unit}`;
  const tolerance = formatNumber(answer.tolerance);
  switch (answer.kind) {
    case 'exact':
      return value;
    case 'absolute':
      return `${formatNumber(answer.value)} ±${NBSP}${tolerance}${unit} (${interval(answer, unit)})`;
    case 'percent':
      return `${value} ±${NBSP}${tolerance}${NBSP}% (${interval(answer, unit)})`;
    case 'range':
      return `${interval(answer, unit)} (${formatNumber(answer.value)} ±${NBSP}${tolerance}${unit})`;
    default:
      return assertNever(answer.kind, 'numeric answer kind');
  }
}
