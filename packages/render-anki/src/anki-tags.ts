import type { Deck, Item } from '@quizmark/model';

/**
 * A tag as Anki can store it, or null when nothing is left. Anki separates
 * tags with spaces, so runs of whitespace inside a tag become `_`; double
 * quotes and control characters are dropped; `::` keeps its meaning of a
 * hierarchy level, with empty levels removed: ` Data  Ops:: ` -> `Data_Ops`.
 */
export function normalizeAnkiTag(tag: string): string | null {
  const levels = tag
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .split('::')
    .map((level) => level.trim().replace(/\s+/g, '_'))
    .filter((level) => level !== '');
  return levels.length > 0 ? levels.join('::') : null;
}

const byFoldedName = (a: string, b: string) => {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
};

// Items of a deck repeat the same few tag lists: each distinct list is
// worked out once (up to a bound, so memory stays flat).
const tagLists = new Map<string, readonly string[]>();
const CACHE_SIZE = 10_000;

/**
 * The tags of an item's note: the deck's tags, the item's tags, then
 * `quizmark::level::<level>` and `quizmark::difficulty::<difficulty>`.
 * Anki compares tags without case, so case variants collapse to the first.
 */
export function noteTags(deck: Deck, item: Item): string[] {
  const raw = [...deck.tags, ...item.tags];
  if (item.level) raw.push(`quizmark::level::${item.level}`);
  if (item.difficulty) raw.push(`quizmark::difficulty::${item.difficulty}`);
  const key = JSON.stringify(raw);
  let tags = tagLists.get(key);
  if (!tags) {
    tags = normalizeTagList(raw);
    if (tagLists.size >= CACHE_SIZE) tagLists.clear();
    tagLists.set(key, tags);
  }
  return [...tags];
}

function normalizeTagList(raw: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const tag of raw) {
    const normal = normalizeAnkiTag(tag);
    if (normal && !seen.has(normal.toLowerCase())) seen.set(normal.toLowerCase(), normal);
  }
  return [...seen.values()].sort(byFoldedName);
}
