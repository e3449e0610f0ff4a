import type { NumericAnswer } from './deck.js';

// How every output writes the numbers of a numeric answer (the interval a
// marker accepts, the value a learner types into Anki): the one place that
// decides digits, minus signs, exponents and the decimal separator, so the
// key, the cards and the page agree with each other and with the author.

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

export interface NumberStyle {
  /** Write `9,81` rather than `9.81`, as the author did. */
  decimalComma: boolean;
}

/** The decimal separator the author used: a comma between digits and no decimal point. */
export function numberStyleOf(answer: Pick<NumericAnswer, 'text'>): NumberStyle {
  return { decimalComma: /\d,\d/.test(answer.text) && !/\d\.\d/.test(answer.text) };
}

/**
 * A number as a reader writes it: at most 12 significant digits (so
 * 9.81 − 0.05 prints 9.76), a true minus sign, "× 10ⁿ" where JavaScript
 * would write an exponent (below 10⁻⁶ and from 10²¹), and the author's
 * decimal separator. The spaces around × do not break.
 */
export function formatNumber(value: number, style: NumberStyle = { decimalComma: false }): string {
  const text = String(Number(value.toPrecision(12)));
  const written = (digits: string) => {
    const signed = digits.replace('-', '−');
    return style.decimalComma ? signed.replace('.', ',') : signed;
  };
  const exponent = /^(-?[\d.]+)e([+-]\d+)$/.exec(text);
  if (!exponent) return written(text);
  const power = String(Number(exponent[2])).replace(/[-\d]/g, (char) => SUPERSCRIPT[char]!);
  return `${written(exponent[1]!)}\u00a0×\u00a010${power}`;
}

/** The bounds of the accepted interval, written as `formatNumber` writes them. */
export function numericBounds(answer: NumericAnswer): { min: string; max: string; value: string } {
  const style = numberStyleOf(answer);
  return {
    min: formatNumber(answer.min, style),
    max: formatNumber(answer.max, style),
    value: formatNumber(answer.value, style),
  };
}

/**
 * A number as software reads it (QTI's float, Moodle's numerical answer):
 * the digits `formatNumber` decides, in ASCII, with an `e` exponent where
 * it writes "× 10ⁿ" (`-1.5e-7`, `2.5e21`), whatever the author's separator.
 */
export function machineNumber(value: number): string {
  return String(Number(value.toPrecision(12))).replace('e+', 'e');
}

/**
 * The same number as a plain decimal, never an exponent (GIFT's `{#…}`,
 * whose readers take digits only): `1.5e-7` is `0.00000015`.
 */
export function decimalNumber(value: number): string {
  const text = machineNumber(value);
  const power = /^(-?)(\d+)(?:\.(\d+))?e(-?\d+)$/.exec(text);
  if (!power) return text;
  const [, sign, whole, fraction = '', exponent] = power;
  const digits = whole! + fraction;
  // Where the decimal point goes, counted from the start of `digits`.
  const point = whole!.length + Number(exponent);
  const shifted =
    point <= 0
      ? `0.${'0'.repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + '0'.repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  const trimmed = shifted.includes('.') ? shifted.replace(/0+$/, '').replace(/\.$/, '') : shifted;
  return sign + trimmed.replace(/^0+(?=\d)/, '');
}
