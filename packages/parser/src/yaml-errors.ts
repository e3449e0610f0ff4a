import type { YAMLError } from 'yaml';

/** A YAML error as the author should read it: what to write, and where the problem starts. */
export interface YamlProblem {
  message: string;
  /** Offset in the YAML text. */
  start: number;
  end: number;
}

/** `title: Chemistry: Acids` — the key and the value of a line. */
const KEY_VALUE_LINE = /^(\s*)([^\s:#'"][^:#]*?):[ \t]+(.*?)\s*$/;

function lineAt(text: string, offset: number): { start: number; text: string } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return { start, text: text.slice(start, end === -1 ? undefined : end) };
}

/** Where a quoted value that never closes opens (YAML reports the end of the text). */
function unclosedQuote(text: string): number | null {
  let offset = 0;
  while (offset < text.length) {
    const line = lineAt(text, offset);
    const opening = /^\s*(?:-\s+)?(?:[^\s:#'"][^:#]*:[ \t]+)?(["'])/.exec(line.text);
    let next = line.start + line.text.length + 1;
    if (opening) {
      const quote = opening[1]!;
      const open = line.start + opening[0].length - 1;
      const close = quote === '"' ? /(?<!\\)(?:\\\\)*"/g : /'(?!')/g;
      close.lastIndex = open + 1;
      // A doubled `''` inside single quotes is an escaped quote.
      let found = close.exec(text);
      while (quote === "'" && found && text[found.index - 1] === "'" && found.index - 1 > open) {
        found = close.exec(text);
      }
      if (!found) return open;
      next = Math.max(next, text.indexOf('\n', found.index) + 1 || text.length);
    }
    offset = next;
  }
  return null;
}

/** Rewords the YAML errors a new author meets into what to write instead. */
export function describeYamlError(error: YAMLError, text: string): YamlProblem {
  const [start, end] = error.pos;
  const first = error.message.split('\n')[0]!;
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY') {
    const line = KEY_VALUE_LINE.exec(lineAt(text, start).text);
    if (line) {
      const [, , key, value] = line;
      const quoted = `"${value!.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
      return {
        message: `expected the value of \`${key}\` in quotes, since it holds \`: \` (\`${key}: ${quoted}\`), found it unquoted`,
        start,
        end,
      };
    }
  }
  if (error.code === 'MISSING_CHAR' && /closing ["']quote/.test(first)) {
    const open = unclosedQuote(text);
    if (open !== null) {
      return {
        message: `expected a closing \`${text[open]}\` for the quote opened here, found none before the end of the frontmatter`,
        start: open,
        end: open + 1,
      };
    }
  }
  return { message: `expected valid YAML frontmatter, found an error: ${first}`, start, end };
}
