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

export interface CorrectWeight {
  /** The grade of each correct option, as written in `~%…%`. */
  weight: string;
  /** Whether the correct options add up to 100% (to Moodle's 7 digits). */
  exact: boolean;
}

/**
 * The grade of each of `count` correct options of a select-all question:
 * 100/count when Moodle lists it, else the largest listed grade below it
 * (the options then add up to less than 100%: `gift-choice-weights`).
 */
export function correctWeight(count: number): CorrectWeight {
  const share = 100 / count;
  const listed = MOODLE_GRADES.find((grade) => Math.abs(Number(grade) - share) < 1e-4);
  if (listed) return { weight: listed, exact: true };
  const below = MOODLE_GRADES.find((grade) => Number(grade) < share) ?? '5';
  return { weight: below, exact: false };
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
