import {
  DIFFICULTIES,
  type Difficulty,
  ITEM_TYPES,
  type ItemType,
  LEVELS,
  type Level,
} from '@quizmark/model';

export type Paper = 'a4' | 'letter';

/** Which items a quiz takes from a deck. Lists match any of their values; given lists must all match. */
export interface PdfSelection {
  types?: ItemType[];
  /** Items carrying at least one of these tags. */
  tags?: string[];
  levels?: Level[];
  difficulties?: Difficulty[];
  /** How many of the matching items to pick: a stratified, seeded mix. */
  count?: number;
}

export interface PdfOptions {
  /** Paper size; `a4` by default. */
  paper?: Paper;
  /** How many versions (A, B, C…) to write, each with its own order and key; 1 by default. */
  versions?: number;
  /** Seed of every shuffle and pick; the same seed gives the same quizzes. */
  seed?: string;
  select?: PdfSelection;
}

/** The most versions: one per letter of the alphabet. */
const MAX_VERSIONS = 26;

/** Options checked and defaulted. Throws on values the CLI may pass through unchecked. */
export function resolveOptions(options: PdfOptions | undefined): Required<
  Omit<PdfOptions, 'seed'>
> & {
  seed: string | null;
} {
  const paper = options?.paper ?? 'a4';
  if (paper !== 'a4' && paper !== 'letter')
    throw new Error(
      `Unknown paper size: expected "a4" or "letter", but got ${JSON.stringify(paper)}`,
    );
  const versions = options?.versions ?? 1;
  if (!Number.isInteger(versions) || versions < 1 || versions > MAX_VERSIONS)
    throw new Error(
      `Invalid number of versions: expected a whole number from 1 to ${MAX_VERSIONS}, but got ${String(versions)}`,
    );
  const count = options?.select?.count;
  if (count !== undefined && (!Number.isInteger(count) || count < 1))
    throw new Error(
      `Invalid question count: expected a whole number of at least 1, but got ${String(count)}`,
    );
  const select = options?.select ?? {};
  checkValues('type', select.types, ITEM_TYPES);
  checkValues('level', select.levels, LEVELS);
  checkValues('difficulty', select.difficulties, DIFFICULTIES);
  return { paper, versions, seed: options?.seed ?? null, select };
}

function checkValues(name: string, given: readonly string[] | undefined, known: readonly string[]) {
  const unknown = given?.find((value) => !known.includes(value));
  if (unknown !== undefined)
    throw new Error(
      `Unknown ${name} in the selection: expected ${known.join(', ')}, but got ${JSON.stringify(unknown)}`,
    );
}
