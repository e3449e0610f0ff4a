import { describe, expect, it } from 'vitest';
import { readNumericAnswer } from '../src/numeric-answer.js';

function answer(text: string) {
  const read = readNumericAnswer(text);
  if (!read.ok) throw new Error(`expected ${text} to read, got: ${read.problem.message}`);
  return read.answer;
}

describe('readNumericAnswer', () => {
  it.each([
    // written, kind, value, tolerance, min, max, unit
    ['42', 'exact', 42, 0, 42, 42, null],
    ['9.81 ± 0.05', 'absolute', 9.81, 0.05, 9.76, 9.86, null],
    ['9.81±0.05', 'absolute', 9.81, 0.05, 9.76, 9.86, null],
    ['9.81 +- 0.05 m/s²', 'absolute', 9.81, 0.05, 9.76, 9.86, 'm/s²'],
    ['9.81 +/- 0.05', 'absolute', 9.81, 0.05, 9.76, 9.86, null],
    ['9 ± 2% J', 'percent', 9, 2, 8.82, 9.18, 'J'],
    ['-10 ± 5 %', 'percent', -10, 5, -10.5, -9.5, null],
    ['9.7 .. 9.9', 'range', 9.8, 0.1, 9.7, 9.9, null],
    ['9.7..9.9 m/s²', 'range', 9.8, 0.1, 9.7, 9.9, 'm/s²'],
    ['-5 .. −1', 'range', -3, 2, -5, -1, null],
    ['-273.15 °C', 'exact', -273.15, 0, -273.15, -273.15, '°C'],
    ['−40', 'exact', -40, 0, -40, -40, null],
    ['9,81', 'exact', 9.81, 0, 9.81, 9.81, null],
    ['9,81 ± 0,05 N', 'absolute', 9.81, 0.05, 9.76, 9.86, 'N'],
    ['0,5', 'exact', 0.5, 0, 0.5, 0.5, null],
    ['6.02e23', 'exact', 6.02e23, 0, 6.02e23, 6.02e23, null],
    ['6.02E-3 mol', 'exact', 0.00602, 0, 0.00602, 0.00602, 'mol'],
    ['6.02×10^23', 'exact', 6.02e23, 0, 6.02e23, 6.02e23, null],
    ['6.02 × 10^23', 'exact', 6.02e23, 0, 6.02e23, 6.02e23, null],
    ['6.02x10^23', 'exact', 6.02e23, 0, 6.02e23, 6.02e23, null],
    ['6.02·10^23', 'exact', 6.02e23, 0, 6.02e23, 6.02e23, null],
    ['1.6 × 10⁻¹⁹ C', 'exact', 1.6e-19, 0, 1.6e-19, 1.6e-19, 'C'],
    ['10^-3', 'exact', 0.001, 0, 0.001, 0.001, null],
    ['10⁻³ m', 'exact', 0.001, 0, 0.001, 0.001, 'm'],
    ['100', 'exact', 100, 0, 100, 100, null],
    ['3 ± 0.1e-1', 'absolute', 3, 0.01, 2.99, 3.01, null],
    ['50%', 'exact', 50, 0, 50, 50, '%'],
    ['  12 kg  ', 'exact', 12, 0, 12, 12, 'kg'],
  ] as const)('should read %s', (written, kind, value, tolerance, min, max, unit) => {
    expect(answer(written)).toEqual({
      text: written.trim(),
      kind,
      value,
      tolerance,
      min,
      max,
      unit,
    });
  });

  it('should compute the interval without float noise', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(answer('0.2 ± 0.1')).toMatchObject({ min: 0.1, max: 0.3 });
    expect(answer('1.1 .. 1.3')).toMatchObject({ value: 1.2, tolerance: 0.1 });
    expect(answer('6.02e23 ± 1%')).toMatchObject({ min: 5.9598e23, max: 6.0802e23 });
  });

  it.each([
    [
      '',
      'numeric-unreadable',
      'expected a number such as `9.81`, `9.81 ± 0.05`, `9 ± 2% J` or `9.7 .. 9.9`, found ``',
    ],
    ['about ten', 'numeric-unreadable', 'found `about ten`'],
    ['$5', 'numeric-unreadable', 'found `$5`'],
    [
      '1,000',
      'numeric-unreadable',
      'found `1,000`, which reads as 1000 or as 1.000: write `1000` or `1.000`',
    ],
    ['12,345 m', 'numeric-unreadable', 'write `12345` or `12.345`'],
    ['1,000,000', 'numeric-unreadable', 'thousands separators are not read'],
    ['1,234.5', 'numeric-unreadable', 'thousands separators are not read'],
    ['9.81 ±', 'numeric-unreadable', 'found `9.81 ±`'],
    ['9.81 .. ', 'numeric-unreadable', 'found `9.81 ..`'],
    ['9.81 ± 0.05 ± 1', 'numeric-unreadable', 'expected the unit once, at the end'],
    ['9.81 m/s² ± 0.05', 'numeric-unreadable', 'expected the unit once, at the end'],
    ['9.81 12', 'numeric-unreadable', 'found `9.81 12`'],
    ['1e400', 'numeric-unreadable', 'too large to compute with'],
    [
      '9.81 ± -0.05',
      'numeric-negative-tolerance',
      'expected a tolerance of zero or more after `±`, found `-0.05`',
    ],
    ['9.9 .. 9.7', 'numeric-negative-tolerance', 'expected the low end of a range first'],
  ])('should refuse %j', (written, ruleId, message) => {
    const read = readNumericAnswer(written);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problem.ruleId).toBe(ruleId);
    expect(read.problem.message).toContain(message);
    expect(read.problem.start).toBeGreaterThanOrEqual(0);
    expect(read.problem.end).toBeLessThanOrEqual(written.trim().length);
  });

  it('should point at the part of the text that cannot be read', () => {
    const read = readNumericAnswer('9.81 ± -0.05');
    expect(read.ok ? null : [read.problem.start, read.problem.end]).toEqual([7, 12]);
  });
});
