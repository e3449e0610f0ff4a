import type { ClozeBlank } from '@quizmark/model';
import type { ClozeHtml } from '@quizmark/rich-html';
import { escapeHtml } from './field-parts.js';

// Anki reads `{{c1::answer::hint}}` in the HTML of a cloze field: `{{c`
// opens a blank, the first `::` ends the answer and `}}` the blank. In an
// answer or hint these characters are written as entities, which show the
// same text and cannot open, split or close a blank.
const markerText = (text: string) =>
  escapeHtml(text).replace(/[{}:]/g, (char) => `&#${char.charCodeAt(0)};`);

/** A blank as Anki's cloze marker, answer and hint escaped. */
export const clozeMarker = (blank: ClozeBlank) =>
  `{{c${blank.number}::${markerText(blank.answer)}${blank.hint ? `::${markerText(blank.hint)}` : ''}}}`;

/**
 * The HTML of a cloze text with its blanks as Anki's markers, from a render
 * that takes the HTML of each blank. The author's own braces (`{{c1::x}}` in
 * inline code, say) are written as entities: Anki would read them as blanks.
 * A slot with NUL, which Markdown never lets through, holds each blank until
 * then.
 */
export function clozeFieldHtml(render: (cloze: ClozeHtml) => string): string {
  const markers: string[] = [];
  const html = render((blank) => `\0${markers.push(clozeMarker(blank)) - 1}\0`);
  return html
    .replace(/[{}]/g, (char) => `&#${char.charCodeAt(0)};`)
    .replace(/\0(\d+)\0/g, (_, index: string) => markers[Number(index)]!);
}

// Anki's own pattern for a blank (rslib/src/cloze.rs).
const CLOZE = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;

const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * What Anki's `cloze` filter shows for the card of cloze `number`: on the
 * question, that blank as `[hint]` or `[...]`; on the answer, its text
 * marked; the other blanks as plain text, in the markup Anki uses.
 */
export function revealClozes(html: string, number: number, side: 'question' | 'answer'): string {
  return html.replace(CLOZE, (_, ordinal: string, answer: string, hint: string | undefined) => {
    if (Number(ordinal) !== number) {
      return `<span class="cloze-inactive" data-ordinal="${ordinal}">${answer}</span>`;
    }
    return side === 'question'
      ? `<span class="cloze" data-cloze="${attribute(answer)}" data-ordinal="${ordinal}">[${hint ?? '...'}]</span>`
      : `<span class="cloze" data-ordinal="${ordinal}">${answer}</span>`;
  });
}
