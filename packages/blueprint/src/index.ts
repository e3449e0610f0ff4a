export {
  buildExam,
  type ExamDeckFile,
  type ExamInput,
  type ExamResult,
} from './build-exam.js';
export { EXAM_FILE, examDeckPaths } from './exam-files.js';
export { type ExamBlueprint, ExamSchema, examJsonSchema } from './exam-schema.js';
export { BLUEPRINT_RULES, type BlueprintRuleId } from './rules.js';
