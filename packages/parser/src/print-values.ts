import { ANSWER_STYLES, type AnswerStyle, SCORING_RULES, type ScoringRule } from '@quizmark/model';
import { didYouMean } from './did-you-mean.js';

// The values of the print attributes (`points=`, `lines=`, `space=`,
// `answer=`, `scoring=`, `break=`), read the same way in a heading's
// attribute block and in the frontmatter. Each reader gives the value or
// what was expected instead, for the caller to report where it was written.

export type Read<T> = { value: T } | { expected: string };

/** The most points one question may be worth: far above honest use. */
const MAX_POINTS = 1000;
/** The most ruled lines: about two A4 pages. */
const MAX_LINES = 60;
/** The tallest answer space, in millimetres: a whole A4 page's text column. */
const MAX_HEIGHT_MM = 250;

const MM_PER_UNIT = { mm: 1, cm: 10, in: 25.4, pt: 25.4 / 72 } as const;
const LENGTH = /^(\d+(?:\.\d+)?)\s*(mm|cm|in|pt)$/;
const NUMBER = /^\d+(?:\.\d+)?$/;

export function readPoints(text: string): Read<number> {
  const value = Number(text);
  if (!NUMBER.test(text) || value > MAX_POINTS)
    return {
      expected: `a number of points from 0 to ${MAX_POINTS} (\`points=2\`, \`points=0.5\`)`,
    };
  return { value };
}

export function readLines(text: string): Read<number> {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value > MAX_LINES)
    return { expected: `a whole number of lines from 0 to ${MAX_LINES} (\`lines=4\`)` };
  return { value };
}

/** A length (`4cm`, `30mm`, `1.5in`, `72pt`) in millimetres, rounded to 0.01 mm. */
export function readLength(text: string): Read<number> {
  const match = LENGTH.exec(text.trim().toLowerCase());
  const value = match
    ? Math.round(Number(match[1]) * MM_PER_UNIT[match[2] as keyof typeof MM_PER_UNIT] * 100) / 100
    : Number.NaN;
  if (!(value > 0 && value <= MAX_HEIGHT_MM))
    return {
      expected: `a length above 0 and up to ${MAX_HEIGHT_MM / 10}cm, in mm, cm, in or pt (\`space=4cm\`)`,
    };
  return { value };
}

function readChoice<T extends string>(text: string, allowed: readonly T[]): Read<T> {
  const value = text.toLowerCase();
  if ((allowed as readonly string[]).includes(value)) return { value: value as T };
  return { expected: `one of ${allowed.join(', ')}${didYouMean(value, allowed)}` };
}

export const readAnswerStyle = (text: string): Read<AnswerStyle> => readChoice(text, ANSWER_STYLES);
export const readScoring = (text: string): Read<ScoringRule> => readChoice(text, SCORING_RULES);
/** `break=page` starts a new page; `break=auto` (the default) lets it flow. */
export const readBreak = (text: string): Read<boolean> => {
  const read = readChoice(text, ['page', 'auto'] as const);
  return 'value' in read ? { value: read.value === 'page' } : read;
};
