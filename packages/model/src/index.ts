export * from './deck.js';
export { type DeckSummary, summarizeDeck } from './deck-summary.js';
export * from './diagnostic.js';
export * from './json-schema.js';
export * from './plain-text.js';
export type * from './renderer.js';
export * from './rich-text.js';
export type { RuleInfo, RuleSeverity, RuleTable } from './rule.js';
export { SCHEMA_VERSION } from './schema-version.js';
