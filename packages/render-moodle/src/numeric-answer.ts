import { machineNumber, type NumericAnswer } from '@quizmark/model';

/**
 * The accepted interval as Moodle's answer and absolute tolerance: the
 * midpoint plus or minus half the width, so a percentage or a range accepts
 * exactly the numbers the model's `min` and `max` do. Moodle parses the
 * stored answer itself: ASCII digits (`-1.5e-7`), whatever the author's
 * decimal separator.
 */
export function moodleTolerance(answer: NumericAnswer): { value: string; tolerance: string } {
  return {
    value: machineNumber((answer.min + answer.max) / 2),
    tolerance: machineNumber((answer.max - answer.min) / 2),
  };
}
