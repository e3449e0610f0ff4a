import { numericAnswer } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { SANS_COVERAGE } from '../src/glyph-coverage.js';
import { describeNumericAnswer } from '../src/numeric-answer-text.js';

const NBSP = '\u00a0';
const spaced = (text: string) => text.replaceAll(NBSP, ' ');

describe('numeric answers in the key', () => {
  it('should state the value, the tolerance as written and the accepted interval with the unit', () => {
    const describe = (answer: Parameters<typeof describeNumericAnswer>[0]) =>
      spaced(describeNumericAnswer(answer));
    expect(describe(numericAnswer(9, { kind: 'percent', tolerance: 2, unit: 'J' }))).toBe(
      '9 J ± 2 % (8.82–9.18 J)',
    );
    expect(describe(numericAnswer(9.81, { kind: 'absolute', tolerance: 0.05 }))).toBe(
      '9.81 ± 0.05 (9.76–9.86)',
    );
    expect(describe(numericAnswer(100, { kind: 'range', tolerance: 0.5, unit: '°C' }))).toBe(
      '99.5–100.5 °C (100 ± 0.5 °C)',
    );
    expect(describe(numericAnswer(42, { unit: 'm' }))).toBe('42 m');
    // Numbers as the model writes them for every output: the author's decimal comma, powers of ten.
    expect(
      describe(numericAnswer(9.81, { kind: 'absolute', tolerance: 0.05, text: '9,81 ± 0,05' })),
    ).toBe('9,81 ± 0,05 (9,76–9,86)');
    expect(describe(numericAnswer(-1.602e-19, { unit: 'C' }))).toBe('−1.602 × 10⁻¹⁹ C');
    // A negative bound gets a spaced dash, so it does not read as a minus sign.
    expect(describe(numericAnswer(-5, { kind: 'absolute', tolerance: 1 }))).toBe(
      '−5 ± 1 (−6 – −4)',
    );
  });

  it('should keep a number with its unit on one line', () => {
    const text = describeNumericAnswer(
      numericAnswer(9, { kind: 'percent', tolerance: 2, unit: 'J' }),
    );
    expect(text).toBe(`9${NBSP}J ±${NBSP}2${NBSP}% (8.82–9.18${NBSP}J)`);
  });

  it('should only print characters the bundled text font has', () => {
    // What the quiz and key add to the author's text: arrows, signs, dashes, superscripts, spaces, rules.
    const covered = (char: string) => {
      const code = char.codePointAt(0)!;
      for (let index = 0; index < SANS_COVERAGE.length; index += 2)
        if (code >= SANS_COVERAGE[index]! && code <= SANS_COVERAGE[index + 1]!) return true;
      return false;
    };
    const printed = '→±×⁻⁰¹²³⁴⁵⁶⁷⁸⁹–−·…_\u00a0\u2009';
    expect([...printed].filter((char) => !covered(char))).toEqual([]);
  });
});
