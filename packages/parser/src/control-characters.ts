// C0 controls but tab, line feed and form feed (carriage returns are line
// endings, normalised away before), DEL and the C1 controls: nothing in a
// deck means them, terminals obey them, and HTML forbids them.
const CONTROL = /[\u0001-\u0008\u000b\u000e-\u001f\u007f-\u009f]/g;

export interface ControlCharacters {
  /** The text with each control character replaced by U+FFFD, so offsets stay put. */
  text: string;
  /** Offset of the first one. */
  first: number;
  count: number;
  /** The first one as `U+0007`. */
  name: string;
}

/** Control characters pasted from a terminal or a broken editor, made visible; null when there are none. */
export function replaceControlCharacters(text: string): ControlCharacters | null {
  CONTROL.lastIndex = 0;
  const found = CONTROL.exec(text);
  if (!found) return null;
  let count = 0;
  const replaced = text.replace(CONTROL, () => {
    count++;
    return '\ufffd';
  });
  const code = found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return { text: replaced, first: found.index, count, name: `U+${code}` };
}
