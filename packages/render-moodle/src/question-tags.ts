import type { Deck, Item } from '@quizmark/model';

/**
 * A tag as Moodle keeps it: a comma separates tags in its forms, so it
 * becomes a space; runs of white space collapse; Moodle's tag names are at
 * most 50 characters. Null when nothing is left.
 */
function moodleTag(tag: string): string | null {
  const clean = tag
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f,]+/g, ' ')
    .replace(/\s+/g, ' ');
  const cut = [...clean.trim()].slice(0, 50).join('').trim();
  return cut === '' ? null : cut;
}

/**
 * The tags of an item's question: the deck's, the item's, then
 * `level-<level>` and `difficulty-<difficulty>`; Moodle compares tags
 * without case, so case variants collapse to the first.
 */
export function questionTags(deck: Deck, item: Item): string[] {
  const raw = [...deck.tags, ...item.tags];
  if (item.level) raw.push(`level-${item.level}`);
  if (item.difficulty) raw.push(`difficulty-${item.difficulty}`);
  const seen = new Map<string, string>();
  for (const tag of raw) {
    const clean = moodleTag(tag);
    if (clean && !seen.has(clean.toLowerCase())) seen.set(clean.toLowerCase(), clean);
  }
  return [...seen.values()];
}
