import { htmlToPlainText } from '@quizmark/model';
import type { AnkiNote } from './anki-notes.js';
import { renderCardTemplate } from './card-template.js';
import { escapeHtml } from './field-parts.js';

export interface CardPreview {
  front: string;
  back: string;
}

const TYPE_ANSWER = /\[\[type:([^\]]+)\]\]/g;

/**
 * The front and back HTML of a note's card `ord`, rendered from its note
 * type's template the way Anki renders them (without Anki's own page around
 * them). A cloze note has one card per cloze number, `ord` = number - 1, all
 * from its one template. The typed-answer box is an empty input on the front
 * and, as in Anki when nothing was typed, the expected answer on the back.
 */
export function renderCardPreview(note: AnkiNote, ord = 0): CardPreview {
  const cloze = note.noteType.kind === 'cloze';
  const template = note.noteType.templates[cloze ? 0 : ord];
  if (!template || (cloze && !note.cards.some((card) => card.ord === ord))) {
    throw new Error(`note type "${note.noteType.name}" has no card ${ord} for this note`);
  }
  const fields = Object.fromEntries(
    note.noteType.fields.map((field, index) => [field.name, note.fields[index] ?? '']),
  );
  const side = (name: 'question' | 'answer') =>
    cloze ? { cloze: { number: ord + 1, side: name } } : {};
  const front = renderCardTemplate(template.qfmt, fields, side('question'));
  const back = renderCardTemplate(template.afmt, fields, { frontSide: front, ...side('answer') });
  return {
    front: front.replace(TYPE_ANSWER, '<input type="text" id="typeans">'),
    back: back.replace(
      TYPE_ANSWER,
      (_, name: string) =>
        `<code id="typeans">${escapeHtml(htmlToPlainText(fields[name] ?? ''))}</code>`,
    ),
  };
}
