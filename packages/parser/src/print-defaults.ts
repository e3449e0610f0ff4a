import type { AnswerSpace } from '@quizmark/model';
import type { Attributes } from './attributes.js';

export const NO_ANSWER_SPACE: AnswerSpace = { lines: null, height: null, style: null };

/**
 * The answer space a heading asks for, on top of what it inherits. Lines
 * and height are one amount: `lines=3` on an item replaces its section's
 * `space=4cm`; the style is inherited on its own.
 */
export function answerSpaceOf(attributes: Attributes, inherited: AnswerSpace): AnswerSpace {
  const own = attributes.lines !== null || attributes.height !== null;
  return {
    lines: own ? attributes.lines : inherited.lines,
    height: own ? attributes.height : inherited.height,
    style: attributes.answerStyle ?? inherited.style,
  };
}
