/** The `####` parts an item may have. */
export type PartName =
  | 'solution'
  | 'answer'
  | 'quickCheck'
  | 'hint'
  | 'mistakes'
  | 'concepts'
  | 'explanation';

/** Part headings as the docs spell them, for messages and suggestions. */
export const PART_HEADINGS: Record<PartName, string> = {
  solution: 'Solution',
  answer: 'Answer',
  quickCheck: 'Quick check',
  hint: 'Hint',
  mistakes: 'Common mistakes',
  concepts: 'Concepts',
  explanation: 'Explanation',
};

const ALIASES: Record<string, PartName> = {
  solution: 'solution',
  answer: 'answer',
  'quick check': 'quickCheck',
  hint: 'hint',
  'common mistake': 'mistakes',
  mistake: 'mistakes',
  concept: 'concepts',
  explanation: 'explanation',
};

/** The spellings that are compared for "did you mean". */
export const PART_SPELLINGS = Object.keys(ALIASES);

/**
 * Normalises a part heading: case, surrounding spaces, a trailing colon,
 * hyphens (`Quick-check`) and a plural `s` do not matter.
 */
export function normalizePartHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/[-_\s]+/g, ' ')
    .replace(/[\s:.]+$/, '')
    .trim()
    .replace(/s$/, '');
}

export function partName(text: string): PartName | null {
  return ALIASES[normalizePartHeading(text)] ?? null;
}

export function partHeadingFor(spelling: string): string {
  const name = ALIASES[spelling];
  return name ? PART_HEADINGS[name] : spelling;
}
