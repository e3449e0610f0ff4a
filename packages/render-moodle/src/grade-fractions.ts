// Moodle refuses any answer grade that is not on its list (import stops with
// "invalid grade"), and a multiple-answer question whose positive grades do
// not add up to 100% (rounded to whole percent). These choose grades from it.

/** Moodle's grade list in percent, as its export writes them, largest first. */
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

const POSITIVE = MOODLE_GRADES.map(Number);

// Moodle's check: the sum of positive fractions, rounded to two places, is 1.
const addsUp = (sum: number) => Math.abs(sum - 100) < 0.5;

/**
 * The grades of the k correct options of a multiple-answer choice, as equal
 * as the list allows: 100/k when it is on the list (every k up to 10), else
 * two neighbouring grades (k = 11: nine at 10% and two at 5%). Null when no
 * mix of grades adds up (more than 20 correct options).
 */
export function correctGrades(k: number): string[] | null {
  for (let high = 0; high < POSITIVE.length; high++) {
    for (let low = high; low < POSITIVE.length && low <= high + 1; low++) {
      for (let many = k; many >= 0; many--) {
        if (addsUp(many * POSITIVE[high]! + (k - many) * POSITIVE[low]!)) {
          return [
            ...Array<string>(many).fill(MOODLE_GRADES[high]!),
            ...Array<string>(k - many).fill(MOODLE_GRADES[low]!),
          ];
        }
      }
    }
  }
  return null;
}

/**
 * The grade of each wrong option of a multiple-answer choice: −100/w on the
 * list, rounded to the nearest grade, so that ticking every option scores
 * nothing (Moodle never lets a question score below zero).
 */
export function wrongGrade(w: number): string {
  const target = 100 / w;
  let best = 0;
  for (let index = 1; index < POSITIVE.length; index++) {
    if (Math.abs(POSITIVE[index]! - target) < Math.abs(POSITIVE[best]! - target)) best = index;
  }
  return `-${MOODLE_GRADES[best]}`;
}
