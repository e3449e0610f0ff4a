// The grades Moodle accepts for an answer (question_bank::fraction_options):
// an import whose grade is not one of them fails under the importer's default
// "error if grade not listed". Written as Moodle lists them, as percentages.
const MOODLE_GRADES = [
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

/** The most right options whose grades can add up to 100%: 20 at 5%. */
export const MOST_WEIGHTED = 20;

/**
 * The grades of the `count` right options of a select-all question, in
 * order, adding up to 100%: each 100/count when Moodle lists it; from 11 to
 * 20 options a mix of 10% and 5% (11: nine at 10%, two at 5%), as the
 * Moodle XML output gives them; past 20, twenty at 5% and the rest at 0%
 * (`gift-choice-weights`).
 */
export function correctWeights(count: number): string[] {
  const share = 100 / count;
  const listed = MOODLE_GRADES.find((grade) => Math.abs(Number(grade) - share) < 1e-4);
  if (listed) return Array<string>(count).fill(listed);
  const tens = Math.max(0, MOST_WEIGHTED - count);
  const fives = Math.min(count, MOST_WEIGHTED) - tens;
  return [...Array<string>(tens).fill('10'), ...Array<string>(fives).fill('5')].concat(
    Array<string>(Math.max(0, count - MOST_WEIGHTED)).fill('0'),
  );
}

/**
 * The grade of each of `count` wrong options of a select-all question:
 * minus the smallest listed grade of at least 100/count, so that ticking
 * every option scores nothing (as in the Moodle XML output).
 */
export function wrongWeight(count: number): string {
  const share = 100 / count;
  const listed = MOODLE_GRADES.filter((grade) => Number(grade) >= share - 1e-4).at(-1) ?? '100';
  return `-${listed}`;
}
