import { describe, expect, it } from 'vitest';
import {
  decimalNumber,
  formatNumber,
  MOODLE_GRADES,
  MOODLE_MOST_GRADED,
  machineNumber,
  moodleCorrectGrades,
  moodleWrongGrade,
} from '../src/index.js';

describe('numbers for software to read', () => {
  it.each([
    [9.81 - 0.05, '9.76', '9.76'],
    [-3, '-3', '-3'],
    [0, '0', '0'],
    [-1.5e-7, '-1.5e-7', '-0.00000015'],
    [2.5e21, '2.5e21', '2500000000000000000000'],
    [6.02e23, '6.02e23', '602000000000000000000000'],
    [1.6e-19, '1.6e-19', '0.00000000000000000016'],
  ])(
    'should write %s as %s (machine) and %s (decimal), the digits formatNumber prints',
    (value, machine, decimal) => {
      expect(machineNumber(value)).toBe(machine);
      expect(decimalNumber(value)).toBe(decimal);
      expect(Number.parseFloat(machine)).toBeCloseTo(value, 12);
      expect(Number(decimal)).toBe(Number(machine));
      // The same digits a reader sees in every other output.
      const shown = formatNumber(value).replace('−', '-');
      expect(shown.startsWith(machine.split('e')[0]!)).toBe(true);
    },
  );
});

describe("Moodle's grades", () => {
  const listed = (grade: string) => MOODLE_GRADES.includes(grade.replace('-', '') as never);
  const sum = (grades: readonly string[]) =>
    grades.reduce((total, grade) => total + Number(grade), 0);

  it('should give k right options listed grades that add up to 100% (Moodle rounds to 2 places) up to 20', () => {
    for (let k = 1; k <= MOODLE_MOST_GRADED; k++) {
      const grades = moodleCorrectGrades(k);
      expect(grades, `k = ${k}`).toHaveLength(k);
      expect(grades.every(listed), `k = ${k}`).toBe(true);
      expect(Math.round(sum(grades)) / 100, `k = ${k}`).toBe(1);
      expect(Math.max(...grades.map(Number)) - Math.min(...grades.map(Number))).toBeLessThanOrEqual(
        5,
      );
    }
    for (let k = 1; k <= 10; k++) expect(Number(moodleCorrectGrades(k)[0])).toBeCloseTo(100 / k, 4);
    expect(moodleCorrectGrades(11)).toEqual([...Array(9).fill('10'), '5', '5']);
  });

  it('should give past 20 right options twenty at 5% and the rest nothing', () => {
    expect(moodleCorrectGrades(22)).toEqual([...Array(20).fill('5'), '0', '0']);
  });

  it('should take off enough for each wrong option that ticking every option scores nothing', () => {
    expect([1, 2, 3, 4, 7, 11, 17].map(moodleWrongGrade)).toEqual([
      '-100',
      '-50',
      '-33.33333',
      '-25',
      '-14.28571',
      '-10',
      '-10',
    ]);
    for (let w = 1; w <= 30; w++) {
      const grade = moodleWrongGrade(w);
      expect(listed(grade), `w = ${w}`).toBe(true);
      expect(w * Number(grade) + 100, `w = ${w}`).toBeLessThanOrEqual(0.01);
    }
  });
});
