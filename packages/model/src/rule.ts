/** Severity of a rule: errors stop a build, warnings are reported and the deck is still built. */
export type RuleSeverity = 'error' | 'warning';

/** One problem quizmark can report, as the rule registry and the docs list it. */
export interface RuleInfo {
  severity: RuleSeverity;
  description: string;
  /** A short piece of a deck (or a situation) that triggers the rule. */
  example: string;
}

/** Rules by id. Each package that reports problems owns one table; the pipeline joins them. */
export type RuleTable = Readonly<Record<string, RuleInfo>>;
