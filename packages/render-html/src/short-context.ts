import type { ShortAnswer } from '@quizmark/model';
import { baseContext, type ItemBaseContext, type RichRenderer } from './item-base-context.js';

export interface ShortContext extends ItemBaseContext {
  type: 'short';
  inputId: string;
  /** Every accepted answer; the first is the one keys show. */
  answers: string[];
  /** The answers after the first, for keys ("also accepted"). */
  otherAnswers: string[];
  caseSensitive: boolean;
  /** What the grading forgives, in words. */
  caseNote: string;
}

export function shortContext(item: ShortAnswer, rich: RichRenderer, number: number): ShortContext {
  const base = baseContext(item, item.stem, rich, number);
  return {
    ...base,
    type: 'short',
    inputId: `${base.anchor}-answer`,
    answers: item.answers,
    otherAnswers: item.answers.slice(1),
    caseSensitive: item.caseSensitive,
    caseNote: item.caseSensitive ? 'case matters' : 'case and spacing do not matter',
  };
}
