import type { Choice, TrueFalse } from '@quizmark/model';
import { optionLetter } from '@quizmark/model';
import Handlebars from 'handlebars';
import {
  baseContext,
  type Html,
  type ItemBaseContext,
  type RichRenderer,
} from './item-base-context.js';

// Choices and true/false statements are both "pick an option": one markup
// (a fieldset of radios) and one grading in the page's script.

export interface OptionContext {
  key: string;
  /** A, B, C… in author order; null for True and False. */
  letter: string | null;
  html: Html;
  correct: boolean;
  inputId: string;
  /** Shown to a learner who picked this option; null when none was written. */
  feedback: Html | null;
  feedbackId: string;
}

export interface ChoiceContext extends ItemBaseContext {
  type: 'choice';
  multiple: boolean;
  inputType: 'radio' | 'checkbox';
  options: OptionContext[];
  correctOptions: OptionContext[];
  /** "A" or "A, C". */
  correctLetters: string;
  /** Whether any option has feedback. */
  hasFeedback: boolean;
}

export interface TrueFalseContext extends ItemBaseContext {
  type: 'truefalse';
  /** True first, then False: never shuffled. */
  options: OptionContext[];
  correctOptions: OptionContext[];
  /** "True" or "False". */
  answerLabel: string;
  hasFeedback: boolean;
}

export function choiceContext(item: Choice, rich: RichRenderer, number: number): ChoiceContext {
  const base = baseContext(item, item.stem, rich, number);
  const options = item.options.map((option, index) => {
    const inputId = `${base.anchor}-option-${option.key}`;
    return {
      key: option.key,
      letter: optionLetter(index),
      html: rich.inline(option.text),
      correct: option.correct,
      inputId,
      feedback: option.feedback ? rich.block(option.feedback) : null,
      feedbackId: `${inputId}-feedback`,
    };
  });
  const correctOptions = options.filter((option) => option.correct);
  return {
    ...base,
    type: 'choice',
    typeLabel: item.multiple ? 'Multiple answers' : 'Multiple choice',
    multiple: item.multiple,
    inputType: item.multiple ? 'checkbox' : 'radio',
    options,
    correctOptions,
    correctLetters: correctOptions.map((option) => option.letter).join(', '),
    hasFeedback: options.some((option) => option.feedback !== null),
  };
}

export function trueFalseContext(
  item: TrueFalse,
  rich: RichRenderer,
  number: number,
): TrueFalseContext {
  const base = baseContext(item, item.stem, rich, number);
  const option = (value: boolean): OptionContext => {
    const key = value ? 'true' : 'false';
    const feedback = value ? item.trueFeedback : item.falseFeedback;
    const inputId = `${base.anchor}-option-${key}`;
    return {
      key,
      letter: null,
      html: new Handlebars.SafeString(value ? 'True' : 'False'),
      correct: item.answer === value,
      inputId,
      feedback: feedback ? rich.block(feedback) : null,
      feedbackId: `${inputId}-feedback`,
    };
  };
  const options = [option(true), option(false)];
  return {
    ...base,
    type: 'truefalse',
    options,
    correctOptions: options.filter((entry) => entry.correct),
    answerLabel: item.answer ? 'True' : 'False',
    hasFeedback: options.some((entry) => entry.feedback !== null),
  };
}
