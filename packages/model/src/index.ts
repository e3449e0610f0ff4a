export { type AfterAnswerPart, afterAnswerParts } from './after-answer-parts.js';
export { clozeBlanks, clozeNumbers } from './cloze-blanks.js';
export * from './code-point-ranges.js';
export * from './deck.js';
export { type DeckSummary, summarizeDeck } from './deck-summary.js';
export * from './diagnostic.js';
export { itemTexts } from './item-texts.js';
export * from './json-schema.js';
export { IMAGE_MEDIA_TYPES } from './media-types.js';
export {
  MOODLE_GRADES,
  MOODLE_MOST_GRADED,
  moodleCorrectGrades,
  moodleWrongGrade,
} from './moodle-grades.js';
export {
  decimalNumber,
  formatNumber,
  machineNumber,
  type NumberStyle,
  numberStyleOf,
  numericBounds,
} from './numeric-text.js';
export { optionKey, optionLetter } from './option-letters.js';
export * from './plain-text.js';
export * from './renderer.js';
export * from './rich-text.js';
export * from './rich-text-visitor.js';
export type { RuleInfo, RuleSeverity, RuleTable } from './rule.js';
export { SCHEMA_VERSION } from './schema-version.js';
export {
  seededOrder,
  seededRandom,
  shuffleKeepingPinned,
  shuffleOutOfOrder,
} from './seeded-order.js';
