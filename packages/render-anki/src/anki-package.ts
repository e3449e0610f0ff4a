import type { DeckInput } from '@quizmark/model';
import { writeZip, type ZipEntry } from '@quizmark/zip';
import { writeAnkiCollection } from './anki-collection.js';
import { type AnkiDeckContent, ankiDeckContent } from './anki-notes.js';

/** Checks the epoch the caller passes, which Anki uses to decide whether to update notes. */
export function checkSourceDateEpoch(sourceDateEpoch: number): number {
  if (!Number.isFinite(sourceDateEpoch) || sourceDateEpoch < 0) {
    throw new Error(
      `sourceDateEpoch must be seconds since the epoch (a finite number >= 0), got ${sourceDateEpoch}`,
    );
  }
  return Math.floor(sourceDateEpoch);
}

/**
 * An .apkg from deck content: a zip of `collection.anki2` (schema 11), the
 * `media` map (`{"0": "name.png", …}`, present even when empty) and the
 * media files stored under their numbers.
 */
export async function ankiPackageBytes(
  content: AnkiDeckContent,
  sourceDateEpoch: number,
): Promise<Uint8Array> {
  const collection = await writeAnkiCollection(content, checkSourceDateEpoch(sourceDateEpoch));
  const map = Object.fromEntries(content.media.map((file, index) => [String(index), file.name]));
  const entries: ZipEntry[] = [
    { name: 'collection.anki2', bytes: collection },
    { name: 'media', bytes: new TextEncoder().encode(JSON.stringify(map)) },
    ...content.media.map((file, index) => ({ name: String(index), bytes: file.bytes })),
  ];
  return writeZip(entries);
}

/** The .apkg of one deck, as `ankiRenderer` writes it. */
export async function buildAnkiPackage(
  input: DeckInput,
  sourceDateEpoch: number,
): Promise<Uint8Array> {
  return ankiPackageBytes(ankiDeckContent(input), sourceDateEpoch);
}
