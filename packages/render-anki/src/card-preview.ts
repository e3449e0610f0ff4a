import type { AnkiNote } from './anki-notes.js';
import { renderCardTemplate } from './card-template.js';

export interface CardPreview {
  front: string;
  back: string;
}

/**
 * The front and back HTML of a note's card, rendered from its note type's
 * template the way Anki renders them (without Anki's own page around them).
 */
export function renderCardPreview(note: AnkiNote, ord = 0): CardPreview {
  const template = note.noteType.templates[ord];
  if (!template) throw new Error(`note type "${note.noteType.name}" has no template ${ord}`);
  const fields = Object.fromEntries(
    note.noteType.fields.map((field, index) => [field.name, note.fields[index] ?? '']),
  );
  const front = renderCardTemplate(template.qfmt, fields);
  return { front, back: renderCardTemplate(template.afmt, fields, { frontSide: front }) };
}
