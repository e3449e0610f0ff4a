import { decimalNumber, type NumericAnswer } from '@quizmark/model';

/**
 * The answer section of a numeric answer: `#9.81` exact, `#9.81:0.05` for
 * a ± amount, `#min..max` for a percentage or a range. Plain decimals: GIFT
 * readers take digits only, no exponent; the digits are `formatNumber`'s.
 */
export function numericAnswerText(answer: NumericAnswer): string {
  switch (answer.kind) {
    case 'exact':
      return `#${decimalNumber(answer.value)}`;
    case 'absolute':
      return `#${decimalNumber(answer.value)}:${decimalNumber(answer.tolerance)}`;
    case 'percent':
    case 'range':
      return `#${decimalNumber(answer.min)}..${decimalNumber(answer.max)}`;
  }
}
