import type { DeckInput, RenderedFile, RenderRequest } from '@quizmark/model';
import type { PdfOptions, ResolvedPdfOptions } from './options.js';
import type { QuizPlan } from './plan-versions.js';

/**
 * The answer sheet of one version (`<name>.sheet.pdf`, `<name>.A.sheet.pdf`):
 * a bubble row per choice question, numbered as in the quiz.
 * Seam: the answer-sheet work fills this in.
 */
export async function renderAnswerSheet(
  _plan: QuizPlan,
  _input: DeckInput,
  _options: ResolvedPdfOptions,
  _request: RenderRequest<PdfOptions>,
): Promise<RenderedFile[]> {
  return [];
}
