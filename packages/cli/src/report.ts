import type { Diagnostic } from '@quizmark/model';

/** `file:line:col  severity  message  rule-id`, one line per problem, aligned. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  if (diagnostics.length === 0) return '';
  const places = diagnostics.map((d) => `${d.file}:${d.line}:${d.column}`);
  const width = Math.max(...places.map((place) => place.length));
  const severityWidth = diagnostics.some((d) => d.severity === 'warning') ? 7 : 5;
  return diagnostics
    .map(
      (d, index) =>
        `${places[index]!.padEnd(width)}  ${d.severity.padEnd(severityWidth)}  ${d.message.replace(/\s*\n\s*/g, ' ')}  ${d.ruleId}\n`,
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
