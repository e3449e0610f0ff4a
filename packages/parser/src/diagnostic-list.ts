import type { Diagnostic } from '@quizmark/model';
import type { Place } from './line-index.js';
import { RULES, type RuleId } from './rules.js';

/** Collects the problems of one file, like vfile's `file.message()`. */
export class DiagnosticList {
  readonly diagnostics: Diagnostic[] = [];

  constructor(readonly file: string) {}

  report(ruleId: RuleId, message: string, place: Place | null | undefined): void {
    const start = place?.start ?? { line: 1, column: 1 };
    const end = place?.end ?? null;
    this.diagnostics.push({
      file: this.file,
      line: start.line,
      column: start.column,
      endLine: end ? end.line : null,
      endColumn: end ? end.column : null,
      severity: RULES[ruleId].severity,
      ruleId,
      message,
      source: 'quizmark',
    });
  }
}
