import type { Database, SqlJsStatic } from 'sql.js';
import initSqlJs from 'sql.js';
import type { AnkiDeckContent } from './anki-notes.js';
import {
  collectionConfigJson,
  deckConfigJson,
  decksJson,
  noteTypeJson,
} from './collection-json.js';
import { COLLECTION_SCHEMA_11, COLLECTION_SCHEMA_VERSION } from './collection-schema.js';
import { type NoteType, noteTypes } from './note-types.js';
import { stripFieldHtml, strippedFieldChecksum } from './sort-field.js';

// sql.js is SQLite compiled to WebAssembly: no native build, same bytes on
// every platform. It is loaded once per process.
let sqlJs: Promise<SqlJsStatic> | undefined;

/** The sql.js module, loaded on first use. */
export function loadSqlJs(): Promise<SqlJsStatic> {
  sqlJs ??= initSqlJs();
  return sqlJs;
}

// Creating the tables and indexes costs more than filling a small deck's
// collection, so it is done once per process: every collection starts as a
// copy of this empty one (the same file SQLite would have made in place).
let emptyCollection: Promise<Uint8Array> | undefined;

function loadEmptyCollection(SQL: SqlJsStatic): Promise<Uint8Array> {
  emptyCollection ??= Promise.resolve().then(() => {
    const db = new SQL.Database();
    try {
      db.run(COLLECTION_SCHEMA_11);
      return db.export();
    } finally {
      db.close();
    }
  });
  return emptyCollection;
}

const DAY = 86_400;

const utf8 = (text: string) => Buffer.from(text, 'utf8');

/**
 * Writes an Anki collection (schema 11) holding the deck's notes and their
 * cards, and the note types they use, and returns the SQLite file. Modification times are
 * `sourceDateEpoch` (seconds), never the clock.
 */
export async function writeAnkiCollection(
  content: AnkiDeckContent,
  sourceDateEpoch: number,
): Promise<Uint8Array> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database(await loadEmptyCollection(SQL));
  try {
    fill(db, content, sourceDateEpoch);
    return db.export();
  } finally {
    db.close();
  }
}

// A package holds the note types its notes use, in the order of `noteTypes`
// (a deck with no notes gets the first, which `curModel` names).
function usedNoteTypes(content: AnkiDeckContent): NoteType[] {
  const used = new Set(content.notes.map((note) => note.noteType));
  const types = [...new Set(Object.values(noteTypes))].filter((type) => used.has(type));
  return types.length > 0 ? types : [noteTypes.flashcard];
}

// The note types (templates and CSS, the bulk of `col`) are the same in
// most packages of a build: their JSON is made once per epoch and set of types.
let models: { mod: number; key: string; json: Uint8Array } | undefined;

function modelsJson(types: readonly NoteType[], mod: number): Uint8Array {
  const key = types.map((type) => type.id).join(',');
  if (models?.mod !== mod || models.key !== key) {
    const json = Object.fromEntries(types.map((type) => [type.id, noteTypeJson(type, mod)]));
    models = { mod, key, json: utf8(JSON.stringify(json)) };
  }
  return models.json;
}

function fill(db: Database, content: AnkiDeckContent, mod: number): void {
  // The database lives in memory until it is exported: no rollback journal
  // to write, no syncs to wait for, and a page cache (up to 256 MiB) large
  // enough to write each page once at commit. None of this changes the file.
  db.run('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144');
  db.run('BEGIN');
  const types = usedNoteTypes(content);
  db.run(
    'INSERT INTO col VALUES (1, ?, ?, ?, ?, 0, 0, 0, CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), ?)',
    [
      // crt: the day the collection was created (Anki counts days from it).
      Math.floor(mod / DAY) * DAY,
      mod * 1000,
      mod * 1000,
      COLLECTION_SCHEMA_VERSION,
      utf8(JSON.stringify(collectionConfigJson(types[0]!.id, content.notes.length + 1))),
      modelsJson(types, mod),
      utf8(JSON.stringify(decksJson(content.decks, mod))),
      utf8(JSON.stringify(deckConfigJson(mod))),
      '{}',
    ],
  );

  // Text goes in as UTF-8 bytes cast back to text: Buffer encodes it
  // natively, where sql.js would encode each string character by character
  // in JavaScript. The stored value, and the column affinity applied to it,
  // are the same. Constant columns are written in the statement: every
  // bound value costs a call into sql.js.
  const insertNote = db.prepare(
    "INSERT INTO notes VALUES (?, CAST(? AS TEXT), ?, ?, -1, CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), ?, 0, '')",
  );
  const insertCard = db.prepare(
    "INSERT INTO cards VALUES (?, ?, ?, ?, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')",
  );
  try {
    for (const note of content.notes) {
      const sortField = stripFieldHtml(note.fields[0] ?? '');
      insertNote.run([
        note.id,
        utf8(note.guid),
        note.noteType.id,
        mod,
        // Anki stores tags space-separated with a space at each end.
        utf8(note.tags.length > 0 ? ` ${note.tags.join(' ')} ` : ''),
        utf8(note.fields.join('\x1f')),
        utf8(sortField),
        strippedFieldChecksum(sortField),
      ]);
      for (const card of note.cards) {
        // New cards: type 0, queue 0, due = position among new cards.
        insertCard.run([card.id, note.id, note.deck.id, card.ord, mod, note.position]);
      }
    }
  } finally {
    insertNote.free();
    insertCard.free();
  }
  db.run('COMMIT');
}
