/**
 * A deck name as Anki stores it: whitespace collapsed, each `::` level
 * trimmed, empty levels dropped, double quotes removed (Anki drops them). A deck title may use `::` on purpose to
 * nest the deck under a parent ("Courses::MLOps").
 */
export function normalizeDeckName(name: string): string {
  return name
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/"/g, '')
    .split('::')
    .map((level) => level.replace(/\s+/g, ' ').trim())
    .filter((level) => level !== '')
    .join('::');
}

/** The name of a section's subdeck: `Deck::Section`; `::` in a section title is not nesting. */
export function subdeckName(deckName: string, sectionTitle: string): string {
  const section = normalizeDeckName(sectionTitle.replace(/::/g, ':'));
  return section ? `${deckName}::${section}` : deckName;
}

/** `A::B::C` -> [`A`, `A::B`, `A::B::C`]: Anki needs every parent deck to exist. */
export function deckAncestry(name: string): string[] {
  const levels = name.split('::');
  return levels.map((_, index) => levels.slice(0, index + 1).join('::'));
}
