import { formatNumber, type NumericAnswer } from '@quizmark/model';

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
 * A number as Moodle's numerical question reads it: the digits the model's
 * `formatNumber` chooses, in ASCII (`-`, `.`, `1.5e-7`), whatever decimal
 * separator the author used, since Moodle parses the stored answer itself.
 */
export function moodleNumber(value: number): string {
  const written = formatNumber(value).replace('−', '-');
  const power = /^(.*)\u00a0×\u00a010(.+)$/.exec(written);
  if (!power) return written;
  return `${power[1]}e${[...power[2]!].map((char) => DIGITS[char] ?? char).join('')}`;
}

/**
 * The accepted interval as Moodle's answer and absolute tolerance: the
 * midpoint plus or minus half the width, so a percentage or a range accepts
 * exactly the numbers the model's `min` and `max` do.
 */
export function moodleTolerance(answer: NumericAnswer): { value: string; tolerance: string } {
  return {
    value: moodleNumber((answer.min + answer.max) / 2),
    tolerance: moodleNumber((answer.max - answer.min) / 2),
  };
}
