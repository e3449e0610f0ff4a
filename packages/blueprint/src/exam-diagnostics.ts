import type { Diagnostic } from '@quizmark/model';
import { BLUEPRINT_RULES, type BlueprintRuleId } from './rules.js';
import type { Span } from './yaml-places.js';

/** Collects the problems of one exam file. */
export class ExamDiagnostics {
  readonly list: Diagnostic[] = [];

  constructor(readonly file: string) {}

  report(ruleId: BlueprintRuleId, message: string, span: Span): void {
    this.list.push({
      file: this.file,
      ...span,
      severity: BLUEPRINT_RULES[ruleId].severity,
      ruleId,
      message,
      source: 'quizmark',
    });
  }
}

/** A value as a message quotes it: `thirty`, `3`, a list, a mapping, nothing. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (typeof value === 'object') return 'a mapping';
  const text = String(value);
  if (text.trim() === '') return 'empty text';
  return `\`${text.length > 60 ? `${text.slice(0, 60)}…` : text}\``;
}
