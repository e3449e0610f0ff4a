import { type Item, optionLetter } from '@quizmark/model';
import type { QuizPlan } from './plan-versions.js';

// Which questions an answer sheet holds, and with which bubbles. Light (no
// pdfkit): the descriptor's check asks it too.

/** Choice and true/false questions are answered by filling bubbles. */
export function isBubbleQuestion(item: Item): boolean {
  return item.type === 'choice' || item.type === 'truefalse';
}

export interface SheetQuestion {
  /** The number printed in the quiz. */
  number: number;
  /** The bubbles' letters in printed order: A, B, C… as in this version, or T, F. */
  letters: string[];
  /** Which bubbles are correct, by position. */
  correct: boolean[];
}

export interface SheetContent {
  questions: SheetQuestion[];
  /** Numbers of the questions answered on the quiz paper instead. */
  elsewhere: number[];
}

/** The bubble rows of one version, numbered and lettered as its quiz prints them. */
export function sheetContent(plan: QuizPlan): SheetContent {
  const questions: SheetQuestion[] = [];
  const elsewhere: number[] = [];
  for (const section of plan.sections)
    for (const { number, item, options } of section.questions) {
      if (item.type === 'choice')
        questions.push({
          number,
          letters: options.map((_, index) => optionLetter(index)),
          correct: options.map((option) => option.correct),
        });
      else if (item.type === 'truefalse')
        questions.push({ number, letters: ['T', 'F'], correct: [item.answer, !item.answer] });
      else elsewhere.push(number);
    }
  return { questions, elsewhere };
}

/** "Question 3 is", "Questions 3 and 7 are", "Questions 3, 7 and 12 are" answered on the quiz paper. */
export function elsewhereSentence(numbers: readonly number[]): string | null {
  if (numbers.length === 0) return null;
  if (numbers.length === 1) return `Question ${numbers[0]} is answered on the quiz paper.`;
  const list = `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
  return `Questions ${list} are answered on the quiz paper.`;
}
