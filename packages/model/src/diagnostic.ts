/** A problem found in content: data, never an exception (vfile-message style). */
export interface Diagnostic {
  /** Path of the source file as given to the tool (posix separators). */
  file: string;
  /** 1-based line and column of the start of the problem. */
  line: number;
  column: number;
  endLine: number | null;
  endColumn: number | null;
  severity: 'error' | 'warning';
  /** Stable rule id, e.g. `choice-no-correct`; documented in the parser's README. */
  ruleId: string;
  message: string;
  /** Always `quizmark`, as in vfile's `source`. */
  source: 'quizmark';
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}

/** Order diagnostics by file, then position, then rule, so reports are stable. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (
    a.line - b.line ||
    a.column - b.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}
