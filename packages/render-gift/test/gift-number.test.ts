import { formatNumber } from '@quizmark/model';
import { describe, expect, it } from 'vitest';
import { giftNumber } from '../src/index.js';

describe('giftNumber', () => {
  it.each([
    [9.81, '9.81'],
    [-3, '-3'],
    [6.02e23, '602000000000000000000000'],
    [1.6e-19, '0.00000000000000000016'],
    [-2.5e-7, '-0.00000025'],
    [1e21, '1000000000000000000000'],
    [9.81 - 0.05, '9.76'],
  ])('should write %s as %s, a number parseFloat reads back', (value, written) => {
    expect(giftNumber(formatNumber(value))).toBe(written);
    expect(Number.parseFloat(written)).toBeCloseTo(value, 12);
  });

  it('should write a decimal comma as a point', () => {
    expect(giftNumber(formatNumber(9.81, { decimalComma: true }))).toBe('9.81');
  });
});
