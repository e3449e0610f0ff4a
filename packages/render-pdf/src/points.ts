import { clozeNumbers, type Item, type ScoringRule } from '@quizmark/model';
import type { ResolvedPdfOptions } from './options.js';

// What questions are worth and how they score: one place, so the quiz, its
// cover, its sections and the key never disagree.

/** The options points and scoring depend on (a layout without options prints none). */
export type PointsOptions = Pick<ResolvedPdfOptions, 'points' | 'scoring'>;

/** A question's points: its own (or its section's or deck's), else the options' default; null for none. */
export function questionPoints(item: Item, options: PointsOptions | undefined): number | null {
  return item.points ?? options?.points ?? null;
}

/** "1 point", "2 points", "0.5 points". */
export function pointsLabel(points: number): string {
  return `${formatPoints(points)} point${points === 1 ? '' : 's'}`;
}

/** A number of points as written: 2, 0.5, 12.25 (no float noise from sums). */
export function formatPoints(points: number): string {
  return String(Math.round(points * 1e6) / 1e6);
}

/** The total of the items that have points; null when none has. */
export function totalPoints(
  items: Iterable<Item>,
  options: PointsOptions | undefined,
): number | null {
  let total: number | null = null;
  for (const item of items) {
    const points = questionPoints(item, options);
    if (points !== null) total = (total ?? 0) + points;
  }
  return total === null ? null : Math.round(total * 1e6) / 1e6;
}

/** What a question scores part by part: a multiple-answer choice, matching, ordering, a cloze with several blanks. */
export type PartKind = 'boxes' | 'parts';

export function partKind(item: Item): PartKind | null {
  switch (item.type) {
    case 'choice':
      return item.multiple ? 'boxes' : null;
    case 'matching':
    case 'ordering':
      return 'parts';
    case 'cloze':
      return clozeNumbers(item.text).length > 1 ? 'parts' : null;
    default:
      return null;
  }
}

/** The scoring rule of a question with several parts; null for the others. */
export function scoringOf(item: Item, options: PointsOptions | undefined): ScoringRule | null {
  if (partKind(item) === null) return null;
  return item.scoring ?? options?.scoring ?? 'all';
}

export const SCORING_NAMES: Readonly<Record<ScoringRule, string>> = {
  all: 'All or nothing',
  partial: 'Partial credit',
};

/** The rules spelled out once, in the key's header: one line per rule and kind of question the key holds. */
export function scoringExplanations(
  used: ReadonlyArray<{ rule: ScoringRule; kind: PartKind }>,
): string[] {
  const has = (rule: ScoringRule, kind?: PartKind) =>
    used.some((use) => use.rule === rule && (kind === undefined || use.kind === kind));
  const lines: string[] = [];
  if (has('all'))
    lines.push(
      'All or nothing: a question with several parts earns its points only when every part is right.',
    );
  if (has('partial', 'boxes'))
    lines.push(
      'Partial credit, multiple answer: each correct box ticked earns the points ÷ the number of correct boxes, each wrong box ticked loses as much, never below 0.',
    );
  if (has('partial', 'parts'))
    lines.push(
      'Partial credit, matching, ordering and cloze: each part (a match, a position, a blank) earns an equal share of the points.',
    );
  return lines;
}
