// Moodle refuses an answer grade that is not on its list (the import stops:
// "grade not listed"), and a multiple-answer question whose positive grades
// do not add up to 100%. Both of its import formats (Moodle XML and GIFT)
// take grades from here, so a question is graded alike whichever is used.

/** Moodle's positive grades in percent, as its export writes them, largest first. */
export const MOODLE_GRADES = [
  '100',
  '90',
  '83.33333',
  '80',
  '75',
  '70',
  '66.66667',
  '60',
  '50',
  '40',
  '33.33333',
  '30',
  '25',
  '20',
  '16.66667',
  '14.28571',
  '12.5',
  '11.11111',
  '10',
  '5',
] as const;

/** The most right options whose grades can add up to 100%: twenty at 5%. */
export const MOODLE_MOST_GRADED = 20;

/**
 * The grades of the `count` right options of a select-all question, in
 * order, adding up to 100%: each 100/count when Moodle lists it (every
 * count up to 10); from 11 to 20 a mix of 10% and 5% (11: nine at 10%, two
 * at 5%); past 20, twenty at 5% and the rest at 0%.
 */
export function moodleCorrectGrades(count: number): string[] {
  const share = 100 / count;
  const listed = MOODLE_GRADES.find((grade) => Math.abs(Number(grade) - share) < 1e-4);
  if (listed) return Array<string>(count).fill(listed);
  const tens = Math.max(0, MOODLE_MOST_GRADED - count);
  const fives = Math.min(count, MOODLE_MOST_GRADED) - tens;
  return [...Array<string>(tens).fill('10'), ...Array<string>(fives).fill('5')].concat(
    Array<string>(Math.max(0, count - MOODLE_MOST_GRADED)).fill('0'),
  );
}

/**
 * The grade of each of `count` wrong options of a select-all question:
 * minus the smallest listed grade of at least 100/count, so that ticking
 * every option scores nothing (Moodle never scores a question below zero).
 */
export function moodleWrongGrade(count: number): string {
  const share = 100 / count;
  const listed = MOODLE_GRADES.filter((grade) => Number(grade) >= share - 1e-4).at(-1) ?? '100';
  return `-${listed}`;
}
