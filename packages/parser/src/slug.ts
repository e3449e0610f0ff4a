import { createHash } from 'node:crypto';

/** Longest slug kept from a heading before a hash keeps it distinct. */
const MAX_SLUG_LENGTH = 60;

/** Ids are slugs: lower-case ASCII letters, digits and single hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function shortHash(text: string): string {
  return createHash('sha256').update(text.normalize('NFC'), 'utf8').digest('hex').slice(0, 8);
}

/** `Café & Crème!` -> `cafe-creme`: NFKD, diacritics dropped, lower-case ASCII runs joined by `-`. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The slug of a heading for an id. Long headings are cut at a hyphen and get
 * a hash of the full text, headings without any ASCII letter or digit (Greek,
 * Cyrillic, CJK…) get the hash alone: ids stay valid, short and distinct, and
 * depend on the text only — never on position or time.
 */
export function headingSlug(text: string): string {
  const slug = slugify(text);
  if (slug === '') return shortHash(text);
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH);
  const hyphen = cut.lastIndexOf('-');
  const head = (hyphen > MAX_SLUG_LENGTH / 2 ? cut.slice(0, hyphen) : cut).replace(/-+$/, '');
  return `${head}-${shortHash(text)}`;
}

/** `<deck id>-<slug of the heading>`, the id of an item or section without an explicit `{#id}`. */
export function deriveId(deckId: string, headingText: string): string {
  return `${deckId}-${headingSlug(headingText)}`;
}
