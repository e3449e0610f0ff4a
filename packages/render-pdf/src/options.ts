import { DIFFICULTIES, ITEM_TYPES, LEVELS } from '@quizmark/model';
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
});

export type PdfSelection = z.infer<typeof PdfSelectionSchema>;
export type PdfOptions = z.infer<typeof PdfOptionsSchema>;
export type Paper = NonNullable<PdfOptions['paper']>;

/** Options with their defaults (they were checked against the schema where they entered). */
export function resolveOptions(options: PdfOptions | undefined): {
  paper: Paper;
  versions: number;
  seed: string | null;
  select: PdfSelection;
} {
  return {
    paper: options?.paper ?? 'a4',
    versions: options?.versions ?? 1,
    seed: options?.seed ?? null,
    select: options?.select ?? {},
  };
}
