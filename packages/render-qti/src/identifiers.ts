// QTI identifiers are NCName-like and ids are slugs that may start with a
// digit, so every identifier made from an id gets a prefix, in one place.

export const itemIdentifier = (id: string) => `item-${id}`;
export const sectionIdentifier = (id: string) => `section-${id}`;
export const testIdentifier = (deckId: string) => `test-${deckId}`;
export const manifestIdentifier = (deckId: string) => `manifest-${deckId}`;
/** An item's file in the package, relative to the package root. */
export const itemFile = (id: string) => `items/${id}.xml`;
export const TEST_FILE = 'assessment-test.xml';
/** Where an item file sees the package root from. */
export const FROM_ITEM_TO_ROOT = '../';
