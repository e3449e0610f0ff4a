export { findDuplicateIds, type IdSource } from './find-duplicate-ids.js';
export { parseDeck } from './parse-deck.js';
export type { ImageReference, ItemPosition, ParseOptions, ParseResult } from './parse-result.js';
export { RULES, type RuleId } from './rules.js';
