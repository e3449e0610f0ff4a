export {
  buildExam,
  type ExamDeckFile,
  type ExamInput,
  type ExamResult,
} from './build-exam.js';
export { examDeckPaths } from './exam-deck-paths.js';
export { type ExamBlueprint, ExamSchema, examJsonSchema } from './exam-schema.js';
export { BLUEPRINT_RULES, type BlueprintRuleId } from './rules.js';

/** Files the build reads as exam blueprints rather than decks. */
export const EXAM_FILE = /\.exam\.ya?ml$/;
