export { pdfDescriptor } from './descriptor.js';
export type { FontName } from './fonts.js';
export type {
  BreakAfter,
  DrawOp,
  LayoutGroup,
  LayoutPage,
  LayoutRow,
  PageGeometry,
  Placement,
  QuizLayout,
} from './layout-model.js';
export { type LayoutOptions, layoutQuiz } from './layout-quiz.js';
export {
  type Paper,
  type PdfOptions,
  PdfOptionsSchema,
  type PdfSelection,
  PdfSelectionSchema,
} from './options.js';
export { type PaginateOptions, paginate } from './paginate.js';
export { PAPER_SIZES } from './paper.js';
export { pdfRenderer } from './pdf-renderer.js';
export {
  type PlannedQuestion,
  type PlannedSection,
  planVersions,
  type QuizPlan,
} from './plan-versions.js';
export { type SelectedItem, selectItems } from './select-items.js';
