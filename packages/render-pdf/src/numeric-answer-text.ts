import { assertNever, formatNumber, type NumericAnswer, numberStyleOf } from '@quizmark/model';

// How the key states a numeric answer: the value, the tolerance as the author
// gave it, and the interval a marker accepts, with the unit:
// "9 J ± 2 % (8.82–9.18 J)". Numbers are written as the model writes them
// for every output; no-break spaces keep a number with its unit.

const NBSP = '\u00a0';

/** The key's statement of a numeric answer. */
export function describeNumericAnswer(answer: NumericAnswer): string {
  const style = numberStyleOf(answer);
  const number = (value: number) => formatNumber(value, style);
  const unit = answer.unit ? `${NBSP}${answer.unit}` : '';
  // Spaced when a bound is negative, so the dash is not read as a minus.
  const dash = answer.min < 0 || answer.max < 0 ? ' – ' : '–';
  const interval = `${number(answer.min)}${dash}${number(answer.max)}${unit}`;
  const tolerance = number(answer.tolerance);
  switch (answer.kind) {
    case 'exact':
      return `${number(answer.value)}${unit}`;
    case 'absolute':
      return `${number(answer.value)} ±${NBSP}${tolerance}${unit} (${interval})`;
    case 'percent':
      return `${number(answer.value)}${unit} ±${NBSP}${tolerance}${NBSP}% (${interval})`;
    case 'range':
      return `${interval} (${number(answer.value)} ±${NBSP}${tolerance}${unit})`;
    default:
      return assertNever(answer.kind, 'numeric answer kind');
  }
}
