import type { Diagnostic } from '@quizmark/model';

// Control characters (terminal escapes such as ESC [ 2 J or OSC 52, which
// can rewrite the screen or the clipboard; line breaks and tabs, which split
// or shift a report line) and invisible or reordering format characters
// that author text and file names may carry into a message.
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** One line as printed to a terminal: unsafe characters shown as `\u{…}` escapes. */
export function shown(text: string): string {
  return text.replace(
    UNSAFE,
    (char) => `\\u{${char.codePointAt(0)!.toString(16).padStart(4, '0')}}`,
  );
}

/** A message of several lines as printed: each line shown, its line breaks kept. */
export function shownLines(text: string): string {
  return text.split('\n').map(shown).join('\n');
}

/**
 * `file:line:col  severity  message  rule-id`, one line per problem,
 * aligned: the one report of diagnostics, for the CLI and library users.
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  if (diagnostics.length === 0) return '';
  const places = diagnostics.map((d) => shown(`${d.file}:${d.line}:${d.column}`));
  const width = Math.max(...places.map((place) => place.length));
  const severityWidth = diagnostics.some((d) => d.severity === 'warning') ? 7 : 5;
  return diagnostics
    .map(
      (d, index) =>
        `${places[index]!.padEnd(width)}  ${d.severity.padEnd(severityWidth)}  ${shown(d.message.replace(/\s*\n\s*/g, ' '))}  ${d.ruleId}\n`,
    )
    .join('');
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** "2 errors, 1 warning in 3 files" */
export function summarize(diagnostics: readonly Diagnostic[], fileCount: number): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(fileCount, 'file')}\n`;
}
