import { formatNumber, type NumericAnswer, numericBounds } from '@quizmark/model';

// A number as GIFT's `{#…}` takes it: ASCII minus, decimal point, no
// exponent (Moodle reads PHP numbers, GIFT parsers read digits only). The
// digits are formatNumber's, so they agree with every other output; only
// "× 10ⁿ" is spelt out, by moving the decimal point in the string.

const DIGITS: Record<string, string> = {
  '⁻': '-',
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
};

/** `formatNumber`'s text for a reader, as the plain decimal GIFT needs. */
export function giftNumber(written: string): string {
  const ascii = written.replace('−', '-').replace(',', '.');
  const power = /^(-?)(\d+)(?:\.(\d+))?\u00a0×\u00a010([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/.exec(ascii);
  if (!power) return ascii;
  const [, sign, whole, fraction = '', superscript] = power;
  const exponent = Number([...superscript!].map((char) => DIGITS[char]).join(''));
  const digits = whole! + fraction;
  // Where the decimal point goes, counted from the start of `digits`.
  const point = whole!.length + exponent;
  const shifted =
    point <= 0
      ? `0.${'0'.repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + '0'.repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  const trimmed = shifted.includes('.') ? shifted.replace(/0+$/, '').replace(/\.$/, '') : shifted;
  return sign + trimmed.replace(/^0+(?=\d)/, '');
}

/**
 * The answer section of a numeric answer: `#9.81` exact, `#9.81:0.05` for
 * a ± amount, `#min..max` for a percentage or a range (its bounds as
 * numericBounds writes them).
 */
export function numericAnswerText(answer: NumericAnswer): string {
  const bounds = numericBounds(answer);
  switch (answer.kind) {
    case 'exact':
      return `#${giftNumber(bounds.value)}`;
    case 'absolute':
      return `#${giftNumber(bounds.value)}:${giftNumber(formatNumber(answer.tolerance))}`;
    case 'percent':
    case 'range':
      return `#${giftNumber(bounds.min)}..${giftNumber(bounds.max)}`;
  }
}
