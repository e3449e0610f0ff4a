import { hash } from 'node:crypto';

// Anki uses millisecond timestamps as ids for note types, decks, notes and
// cards. quizmark derives them from stable strings instead, so the same deck
// and item always get the same ids, whatever the content, position or clock.
// The range 1e12..9e12 looks like such a timestamp and stays far below 2^53.
const MIN_ID = 1_000_000_000_000;
const ID_SPAN = 8_000_000_000_000;

// The alphabet of Anki's own `guid64` (and genanki's `guid_for`).
const BASE91 =
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~';

function sha256(key: string): Buffer {
  return hash('sha256', key, 'buffer');
}

/** A positive integer id in Anki's id range, derived from a namespaced key. */
export function ankiIdFor(key: string): number {
  return MIN_ID + (sha256(key).readUIntBE(0, 6) % ID_SPAN);
}

/**
 * The Anki note GUID of an item: base91 of 64 bits of a hash of the deck id
 * and the item id (at most 10 characters). Anki matches notes by GUID on
 * import, so this is what makes a re-import update the notes it made before.
 */
export function guidFor(deckId: string, itemId: string): string {
  let value = sha256(`quizmark/note/${deckId}/${itemId}`).readBigUInt64BE(0);
  let out = '';
  do {
    out = BASE91[Number(value % 91n)]! + out;
    value /= 91n;
  } while (value > 0n);
  return out;
}
