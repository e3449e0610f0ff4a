// GIFT's control characters, written as Moodle's importer reads them back
// (qformat_gift::escapedchar_pre): a backslash before `~ = # { } :` and
// before itself. A newline becomes the `\n` escape, which the importer turns
// back into a newline: a real one could make a blank line, and a blank line
// ends a question in GIFT (a code block's empty line would cut it in two).

const CONTROL = /[\\~=#{}:\n]/g;

/** Text (HTML or plain) as it goes into a GIFT file: every control character escaped, no line breaks. */
export function escapeGift(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, (char) => (char === '\n' ? '\\n' : `\\${char}`));
}
