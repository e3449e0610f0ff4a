import type { AnkiDeckContent } from './anki-notes.js';
import { noteTypes } from './note-types.js';

// Anki reads a field as CSV: one that holds the separator, a quote, a line
// break or surrounding spaces, or that starts with `#` (a comment line when
// it opens a row), is quoted, with quotes doubled.
// The start and the end are tested on their own: an end-anchored pattern
// would be tried at every position of a long field.
const cell = (value: string) =>
  /[\t\r\n"]/.test(value) || /^[#\s]/.test(value) || /\s/.test(value.slice(-1))
    ? `"${value.replace(/"/g, '""')}"`
    : value;

const FIELD_COLUMNS = Math.max(...Object.values(noteTypes).map((type) => type.fields.length));

/**
 * The deck in Anki's text import format (Anki 2.1.55+ reads the headers):
 * tab-separated HTML fields; column 1 the note type, 2 the deck, 3 the GUID
 * (so a re-import updates notes), then the note type's fields in order,
 * padded to the widest note type, and the tags last.
 */
export function ankiTextImport(content: AnkiDeckContent): string {
  const tagsColumn = 3 + FIELD_COLUMNS + 1;
  const lines = [
    '#separator:tab',
    '#html:true',
    '#notetype column:1',
    '#deck column:2',
    '#guid column:3',
    `#tags column:${tagsColumn}`,
  ];
  for (const note of content.notes) {
    const fields = Array.from({ length: FIELD_COLUMNS }, (_, index) => note.fields[index] ?? '');
    lines.push(
      [note.noteType.name, note.deck.name, note.guid, ...fields, note.tags.join(' ')]
        .map(cell)
        .join('\t'),
    );
  }
  return `${lines.join('\n')}\n`;
}
