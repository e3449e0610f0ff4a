import { formatNumber } from '@quizmark/model';

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

/**
 * A number as an XML Schema float (`9.76`, `-1.5e-7`): the digits the
 * model's `formatNumber` decides, so the bounds a QTI player grades with are
 * the ones the key and the other outputs print, in the schema's syntax.
 */
export function xmlFloat(value: number): string {
  return formatNumber(value)
    .replace('\u00a0×\u00a010', 'e')
    .replace(/[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (char) => DIGITS[char]!)
    .replace('−', '-');
}
