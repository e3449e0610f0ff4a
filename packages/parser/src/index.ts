// Text helpers other front ends (exam files) share, so their messages and ids read alike.

export { findDuplicateIds, type IdSource } from './find-duplicate-ids.js';
export {
  type MarkdownPlace,
  parseRichText,
  type RichTextResult,
} from './markdown-text.js';
export { didYouMean, slugify } from './names.js';
export { parseDeck } from './parse-deck.js';
export type { ImageReference, ItemPosition, ParseOptions, ParseResult } from './parse-result.js';
export { RULES, type RuleId } from './rules.js';
