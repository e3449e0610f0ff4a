import type { Cloze, ClozeBlank } from '@quizmark/model';
import type { MoodleField } from './moodle-field.js';
import { escapeXml } from './xml-text.js';

// Moodle's embedded-answers (multianswer) question finds its blanks in the
// question text itself: `{1:SHORTANSWER:=answer}`. Inside an answer it
// splits on `~`, `#` and `}` and reads `*` as a wildcard; it decodes HTML
// entities in the answer afterwards. So each special character of an
// answer is written as a numeric character reference (which holds none of
// them), a `*` as Moodle's escaped `\*`, and every `{` of the author's own
// text as `&#123;`, so that no text of theirs reads as a blank.

/** Text as a multianswer answer: a literal `*`, every special character as a reference. */
const embeddedAnswer = (answer: string) =>
  answer.replace(/\*/g, '\\*').replace(/[&<>"'{}#~/\\]/g, (char) => `&#${char.codePointAt(0)};`);

/** The blank as Moodle's embedded answer (case-insensitive short answer, full marks). */
export function embeddedBlank(blank: ClozeBlank): string {
  return `{1:SHORTANSWER:=${embeddedAnswer(blank.answer)}}`;
}

/**
 * The question text of a cloze item: the author's HTML with each blank an
 * embedded short answer, followed by the blank's hint in brackets (Moodle
 * has no place for a hint inside a blank).
 */
export function clozeQuestionHtml(item: Cloze, field: MoodleField): string {
  // A marker no text of the item contains stands for each blank until the
  // author's braces are escaped; it is chosen from the item, so the output
  // stays the same for the same input.
  const source = JSON.stringify(item.text);
  let marker = 0xe000;
  while (source.includes(String.fromCodePoint(marker))) marker++;
  const mark = String.fromCodePoint(marker);
  const blanks: string[] = [];
  const html = field.block(item.text, (blank) => {
    const hint = blank.hint ? ` <em>(${escapeXml(blank.hint)})</em>` : '';
    blanks.push(`${embeddedBlank(blank)}${hint}`);
    return `${mark}${blanks.length - 1}${mark}`;
  });
  return html
    .replaceAll('{', '&#123;')
    .replace(
      new RegExp(`${mark}(\\d+)${mark}`, 'g'),
      (_marker, index: string) => blanks[Number(index)]!,
    );
}
