import { type Deck, type Item, type Section, seededRandom } from '@quizmark/model';
import type { PdfSelection } from './options.js';

export interface SelectedItem {
  section: Section;
  item: Item;
}

/**
 * The items of a deck a quiz takes, in deck order. Each given criterion must
 * match (types, tags, levels, difficulties; any value of a list matches).
 * With `count`, the matching items are grouped into strata (by difficulty;
 * items without one by level; items with neither by type), the count is
 * shared out as evenly as the strata allow, and each stratum's share is
 * drawn with the seed. The same deck, selection and seed give the same pick.
 */
export function selectItems(deck: Deck, selection: PdfSelection = {}, seed = ''): SelectedItem[] {
  const matching: SelectedItem[] = [];
  for (const section of deck.sections)
    for (const item of section.items)
      if (matches(item, selection)) matching.push({ section, item });

  const count = selection.count;
  if (count === undefined || count >= matching.length) return matching;

  const strata = new Map<string, number[]>();
  matching.forEach(({ item }, index) => {
    const key = stratumOf(item);
    const members = strata.get(key);
    if (members) members.push(index);
    else strata.set(key, [index]);
  });
  const random = seededRandom(`${seed}\u0000${deck.id}\u0000select`);
  const groups = [...strata.values()];
  const shares = shareOut(
    count,
    groups.map((members) => members.length),
    random,
  );
  const picked = new Set<number>();
  groups.forEach((members, index) => {
    const pool = members.slice();
    // Partial Fisher-Yates: the first `share` entries are a uniform draw.
    for (let at = 0; at < shares[index]!; at++) {
      const other = at + Math.floor(random() * (pool.length - at));
      [pool[at], pool[other]] = [pool[other]!, pool[at]!];
      picked.add(pool[at]!);
    }
  });
  return matching.filter((_, index) => picked.has(index));
}

function matches(item: Item, selection: PdfSelection): boolean {
  if (selection.types?.length && !selection.types.includes(item.type)) return false;
  if (selection.tags?.length && !item.tags.some((tag) => selection.tags!.includes(tag)))
    return false;
  if (selection.levels?.length && (item.level === null || !selection.levels.includes(item.level)))
    return false;
  if (
    selection.difficulties?.length &&
    (item.difficulty === null || !selection.difficulties.includes(item.difficulty))
  )
    return false;
  return true;
}

function stratumOf(item: Item): string {
  if (item.difficulty) return `difficulty:${item.difficulty}`;
  if (item.level) return `level:${item.level}`;
  return `type:${item.type}`;
}

/**
 * Splits `count` across groups of the given sizes as evenly as they allow:
 * a group smaller than its share gives the rest to the others, and when the
 * count does not divide evenly the seed decides which groups get one more.
 */
function shareOut(count: number, sizes: readonly number[], random: () => number): number[] {
  const shares = sizes.map(() => 0);
  let left = count;
  for (;;) {
    const open = sizes.flatMap((size, index) => (shares[index]! < size ? [index] : []));
    if (left === 0 || open.length === 0) return shares;
    const share = Math.floor(left / open.length);
    if (share === 0) {
      // Fewer units than groups: a seeded draw of which groups get one.
      for (let at = 0; at < left; at++) {
        const other = at + Math.floor(random() * (open.length - at));
        [open[at], open[other]] = [open[other]!, open[at]!];
        shares[open[at]!]! += 1;
      }
      return shares;
    }
    for (const index of open) {
      const add = Math.min(share, sizes[index]! - shares[index]!);
      shares[index]! += add;
      left -= add;
    }
  }
}
