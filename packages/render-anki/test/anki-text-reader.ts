/** Parses Anki's text import: `#key:value` headers, then tab-separated CSV rows. */
export function readAnkiText(text: string) {
  const headers: Record<string, string> = {};
  const rows: string[][] = [];
  let at = 0;
  while (text.startsWith('#', at)) {
    const end = text.indexOf('\n', at);
    const [key, value] = text.slice(at + 1, end).split(':');
    headers[key!] = value!;
    at = end + 1;
  }
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (; at < text.length; at++) {
    const char = text[at]!;
    if (quoted) {
      if (char === '"' && text[at + 1] === '"') {
        cell += '"';
        at++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === '\t' || char === '\n') {
      row.push(cell);
      cell = '';
      if (char === '\n') {
        rows.push(row);
        row = [];
      }
    } else cell += char;
  }
  return { headers, rows };
}
