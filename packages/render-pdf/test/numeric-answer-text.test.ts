import { numericAnswer } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { SANS_COVERAGE } from '../src/glyph-coverage.js';
import { describeNumericAnswer, formatNumber } from '../src/numeric-answer-text.js';

const NBSP = '\u00a0';
const spaced = (text: string) => text.replaceAll(NBSP, ' ');

describe('numeric answers in the key', () => {
  it('should write numbers as a reader does: no float noise, a true minus, powers of ten', () => {
    expect(formatNumber(9.81 - 0.05)).toBe('9.76');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(-4.5)).toBe('−4.5');
    expect(formatNumber(0.000001)).toBe('0.000001');
    expect(spaced(formatNumber(-1.602e-19))).toBe('−1.602 × 10⁻¹⁹');
    expect(spaced(formatNumber(6.022e23))).toBe('6.022 × 10²³');
  });

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
