/**
 * The author's Markdown between two offsets. Continuation lines of content
 * nested in a list item lose the item's indentation, so the slice reads as
 * Markdown on its own (a fenced code block inside an option stays a code block).
 */
export function sliceSource(source: string, start: number, end: number, column: number): string {
  const text = source.slice(start, end).trimEnd();
  if (column <= 1 || !text.includes('\n')) return text;
  const lines = text.split('\n');
  let indent = column - 1;
  for (const line of lines.slice(1)) {
    if (line.trim() === '') continue;
    const leading = /^ */.exec(line)![0].length;
    if (leading < indent) indent = leading;
  }
  if (indent === 0) return text;
  return [
    lines[0],
    ...lines.slice(1).map((line) => line.replace(/^ +/, (spaces) => spaces.slice(indent))),
  ].join('\n');
}
