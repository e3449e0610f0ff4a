import { posix } from 'node:path';
import {
  type Deck,
  DIFFICULTIES,
  type Difficulty,
  type Item,
  seededRandom,
  shuffleKeepingPinned,
} from '@quizmark/model';
import { didYouMean } from '@quizmark/parser/names';
import type { ExamDiagnostics } from './exam-diagnostics.js';
import type { ExamBlueprint, ExamDraw } from './exam-schema.js';
import type { Path, YamlPlaces } from './yaml-places.js';

/** A question drawn into the exam, with where it came from. */
export interface DrawnItem {
  item: Item;
  /** The deck as written in `from:`. */
  from: string;
  /** Path of the draw in the exam file (`sections.0.draw.1`). */
  draw: Path;
  /** The draw's and the section's `points`, which win over the item's own. */
  points: number | null;
}

export interface DrawContext {
  exam: ExamBlueprint;
  seed: string;
  /** Parsed decks by `from:` as written; null when the deck could not be used (already reported). */
  decks: ReadonlyMap<string, Deck | null>;
  places: YamlPlaces;
  diagnostics: ExamDiagnostics;
}

/** Two spellings of one deck (`./a.md`, `a.md`) are one deck: read once, never drawn twice. */
export const deckKey = (from: string): string => posix.normalize(from);

type Stratum = Difficulty | 'unrated';
const STRATA: readonly Stratum[] = [...DIFFICULTIES, 'unrated'];
const stratumOf = (item: Item): Stratum => item.difficulty ?? 'unrated';

/** `(types choice; tags pipelines)`: the filters of a draw, as a message repeats them. */
function describeFilters(draw: ExamDraw): string {
  const parts = (['sections', 'tags', 'types', 'levels'] as const)
    .filter((key) => draw[key] !== undefined)
    .map((key) => `${key} ${draw[key]!.join(', ')}`);
  return parts.length === 0 ? '' : ` (${parts.join('; ')})`;
}

/** `4 easy, 2 medium, 1 hard, 3 not rated (2 already drawn above)`. */
function describePool(pool: readonly Item[], alreadyDrawn: number): string {
  const count = (stratum: Stratum) => pool.filter((item) => stratumOf(item) === stratum).length;
  const parts = DIFFICULTIES.map((difficulty) => `${count(difficulty)} ${difficulty}`);
  const unrated = count('unrated');
  if (unrated > 0) parts.push(`${unrated} not rated`);
  return `${parts.join(', ')}${alreadyDrawn > 0 ? ` (${alreadyDrawn} already drawn above)` : ''}`;
}

/** `n` of `pool`, picked by a generator seeded with `key`. */
function pick(pool: readonly Item[], n: number, key: string): Item[] {
  return shuffleKeepingPinned(pool, () => false, seededRandom(key)).slice(0, n);
}

/**
 * How many of `n` to take from each difficulty: in proportion to what the
 * pool holds (largest remainders, easy first on ties), so `count: 6` from a
 * deck of 6 easy and 3 hard questions draws 4 easy and 2 hard.
 */
function stratify(pool: readonly Item[], n: number): Map<Stratum, number> {
  const sizes = STRATA.map((stratum) => pool.filter((item) => stratumOf(item) === stratum).length);
  const shares = sizes.map((size) => (size * n) / pool.length);
  const taken = shares.map(Math.floor);
  let left = n - taken.reduce((sum, value) => sum + value, 0);
  const order = STRATA.map((_, index) => index).sort(
    (a, b) => shares[b]! - taken[b]! - (shares[a]! - taken[a]!) || a - b,
  );
  for (const index of order) {
    if (left === 0) break;
    if (taken[index]! < sizes[index]!) {
      taken[index]!++;
      left--;
    }
  }
  return new Map(STRATA.map((stratum, index) => [stratum, taken[index]!]));
}

/** Items of the deck's sections a draw names; reports a name the deck does not have. */
function sectionsOf(deck: Deck, draw: ExamDraw, path: Path, context: DrawContext): Item[] | null {
  if (draw.sections === undefined) return deck.sections.flatMap((section) => section.items);
  const items = new Set<Item>();
  let known = true;
  draw.sections.forEach((name, index) => {
    const section = deck.sections.find(
      (candidate) => candidate.id === name || candidate.title.toLowerCase() === name.toLowerCase(),
    );
    if (section) {
      for (const item of section.items) items.add(item);
      return;
    }
    known = false;
    const titles = deck.sections.map((candidate) => candidate.title);
    const names = [...titles, ...deck.sections.map((candidate) => candidate.id)];
    context.diagnostics.report(
      'exam-unknown-section',
      `expected a section of ${draw.from} (${titles.map((title) => `\`${title}\``).join(', ')}), found \`${name}\`${didYouMean(name, names)}`,
      context.places.value([...path, 'sections', index]),
    );
  });
  // A section named twice gives its items once, in deck order.
  const order = deck.sections.flatMap((section) => section.items);
  return known ? order.filter((item) => items.has(item)) : null;
}

/** `; no question in ../python.md has the tag \`lopos\`; did you mean \`loops\`?` for tags nothing has: typos. */
function unknownTags(deck: Deck, draw: ExamDraw): string {
  if (!draw.tags) return '';
  const known = [...new Set(deck.sections.flatMap((s) => s.items.flatMap((item) => item.tags)))];
  return draw.tags
    .filter((tag) => !known.includes(tag))
    .map((tag) => `; no question in ${draw.from} has the tag \`${tag}\`${didYouMean(tag, known)}`)
    .join('');
}

function matches(item: Item, draw: ExamDraw): boolean {
  if (draw.tags && !draw.tags.some((tag) => item.tags.includes(tag))) return false;
  if (draw.types && !draw.types.includes(item.type)) return false;
  if (draw.levels && (item.level === null || !draw.levels.includes(item.level))) return false;
  return true;
}

/**
 * Draws every section's questions, in blueprint order: a question drawn once
 * is not drawn again. Seeded by the exam's seed, the section, the draw and
 * the difficulty, so adding a draw below never changes those above.
 */
export function drawQuestions(context: DrawContext): DrawnItem[][] {
  const { exam, seed, decks, places, diagnostics } = context;
  const drawn = new Map<string, Set<Item>>();
  return exam.sections.map((section, sectionIndex) =>
    section.draw.flatMap((draw, drawIndex): DrawnItem[] => {
      const deck = decks.get(draw.from);
      if (!deck) return [];
      const path: Path = ['sections', sectionIndex, 'draw', drawIndex];
      const inSections = sectionsOf(deck, draw, path, context);
      if (!inSections) return [];
      const taken = drawn.get(deckKey(draw.from)) ?? new Set<Item>();
      drawn.set(deckKey(draw.from), taken);
      const matching = inSections.filter((item) => matches(item, draw));
      const pool = matching.filter((item) => !taken.has(item));
      const alreadyDrawn = matching.length - pool.length;
      const key = `${seed}\u0000${sectionIndex}\u0000${drawIndex}`;
      const notEnough = (asked: string, found: number, at: Path) =>
        diagnostics.report(
          'exam-not-enough',
          `asks for ${asked} from ${draw.from}${describeFilters(draw)}, found ${found}: ${describePool(pool, alreadyDrawn)}${unknownTags(deck, draw)}`,
          places.value(at),
        );
      const chosen = new Set<Item>();
      if (draw.mix) {
        let met = true;
        for (const difficulty of DIFFICULTIES) {
          const wanted = draw.mix[difficulty] ?? 0;
          if (wanted === 0) continue;
          const stratum = pool.filter((item) => item.difficulty === difficulty);
          if (stratum.length < wanted) {
            met = false;
            notEnough(
              `${wanted} ${difficulty} question${wanted === 1 ? '' : 's'}`,
              stratum.length,
              [...path, 'mix', difficulty],
            );
            continue;
          }
          for (const item of pick(stratum, wanted, `${key}\u0000${difficulty}`)) chosen.add(item);
        }
        if (!met) return [];
      } else if (draw.count === 'all') {
        if (pool.length === 0) {
          notEnough('all questions', 0, [...path, 'count']);
          return [];
        }
        for (const item of pool) chosen.add(item);
      } else {
        const wanted = draw.count!;
        if (pool.length < wanted) {
          notEnough(`${wanted} question${wanted === 1 ? '' : 's'}`, pool.length, [
            ...path,
            'count',
          ]);
          return [];
        }
        const shares = stratify(pool, wanted);
        for (const stratum of STRATA) {
          const members = pool.filter((item) => stratumOf(item) === stratum);
          for (const item of pick(members, shares.get(stratum)!, `${key}\u0000${stratum}`)) {
            chosen.add(item);
          }
        }
      }
      // Deck order within a draw, whatever the order of the picks.
      const inOrder = pool.filter((item) => chosen.has(item));
      for (const item of inOrder) taken.add(item);
      const points = draw.points ?? section.points ?? null;
      return inOrder.map((item) => ({ item, from: draw.from, draw: path, points }));
    }),
  );
}
