import { DIFFICULTIES, ITEM_TYPES, LEVELS, SCORING_RULES } from '@quizmark/model';
import { z } from 'zod';

/** The most versions: one per letter of the alphabet. */
const MAX_VERSIONS = 26;

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `one of ${values.join(', ')}` });

const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) => {
  const error =
    max === Number.MAX_SAFE_INTEGER
      ? `a whole number of at least ${min}`
      : `a whole number from ${min} to ${max}`;
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

/** Which items a quiz takes from a deck. Lists match any of their values; given lists must all match. */
export const PdfSelectionSchema = z.strictObject({
  types: z.array(oneOf(ITEM_TYPES)).optional(),
  /** Items carrying at least one of these tags. */
  tags: z.array(z.string().min(1, { error: 'a tag' })).optional(),
  levels: z.array(oneOf(LEVELS)).optional(),
  difficulties: z.array(oneOf(DIFFICULTIES)).optional(),
  /** How many of the matching items to pick: a stratified, seeded mix. */
  count: wholeNumber(1).optional(),
});

export const PdfOptionsSchema = z.strictObject({
  /** Paper size; `a4` by default. */
  paper: oneOf(['a4', 'letter']).optional(),
  /** How many versions (A, B, C…) to write, each with its own order and key; 1 by default. */
  versions: wholeNumber(1, MAX_VERSIONS).optional(),
  /** Seed of every shuffle and pick; the same seed gives the same quizzes. */
  seed: z.string({ error: 'some text' }).optional(),
  select: PdfSelectionSchema.optional(),
  /** Points of a question that gives none (itself, its section or its deck); none shown when unset. */
  points: z
    .number({ error: 'a number of points' })
    .min(0, { error: 'a number of points' })
    .optional(),
  /** How questions with several parts score when their deck does not say: `all` or nothing (the default), or `partial` credit. */
  scoring: oneOf(SCORING_RULES).optional(),
  /** Plain-text instructions printed on the first page before the deck's own (blank lines separate paragraphs). */
  instructions: z.string({ error: 'some text' }).optional(),
  /** The cover's fields when the deck names none; `Name`, `Date` and `Score` by default. */
  fields: z.array(z.string().min(1, { error: 'a field name' })).optional(),
  /** Also write an answer sheet per version (`<name>.sheet.pdf`): a bubble row per choice question. */
  answerSheet: z.boolean({ error: 'true or false' }).optional(),
  /** Repeat a question's code and context blocks in the key. */
  keyContext: z.boolean({ error: 'true or false' }).optional(),
  /** Code in greyscale that prints well on any printer (the default), or in colour. */
  codeStyle: oneOf(['greyscale', 'colour']).optional(),
});

export type PdfSelection = z.infer<typeof PdfSelectionSchema>;
export type PdfOptions = z.infer<typeof PdfOptionsSchema>;
export type Paper = NonNullable<PdfOptions['paper']>;

/** Options with their defaults (they were checked against the schema where they entered). */
export function resolveOptions(options: PdfOptions | undefined) {
  return {
    paper: options?.paper ?? ('a4' as Paper),
    versions: options?.versions ?? 1,
    seed: options?.seed ?? null,
    select: options?.select ?? ({} as PdfSelection),
    points: options?.points ?? null,
    scoring: options?.scoring ?? 'all',
    instructions: options?.instructions ?? null,
    fields: options?.fields ?? DEFAULT_FIELDS,
    answerSheet: options?.answerSheet ?? false,
    keyContext: options?.keyContext ?? false,
    codeStyle: options?.codeStyle ?? 'greyscale',
  };
}

export type ResolvedPdfOptions = ReturnType<typeof resolveOptions>;

/** The cover's fields when neither the deck nor the options name any. */
export const DEFAULT_FIELDS: readonly string[] = ['Name', 'Date', 'Score'];
