import type { DeckInput, RenderedFile, RenderRequest } from '@quizmark/model';
import { drawPdf } from './draw-pdf.js';
import type { PdfOptions, ResolvedPdfOptions } from './options.js';
import type { QuizPlan } from './plan-versions.js';
import { layoutSheet } from './sheet-layout.js';

/**
 * The answer sheet of one version (`<name>.sheet.pdf`, `<name>.A.sheet.pdf`):
 * a bubble row per choice and true/false question, numbered and lettered as
 * in that version's quiz. None when the version has no such question (the
 * descriptor's check warns: `pdf-no-sheet-questions`).
 */
export async function renderAnswerSheet(
  plan: QuizPlan,
  input: DeckInput,
  options: ResolvedPdfOptions,
  request: RenderRequest<PdfOptions>,
): Promise<RenderedFile[]> {
  const { deck } = input;
  const sheet = layoutSheet(plan, 'sheet', {
    paper: options.paper,
    fields: deck.fields ?? options.fields,
  });
  if (!sheet) return [];
  const bytes = await drawPdf({
    layout: { kind: 'sheet', page: sheet.page, groups: sheet.groups },
    pages: sheet.pages,
    assets: input.assets,
    title: deck.title,
    subject: plan.version ? `Answer sheet · Version ${plan.version}` : 'Answer sheet',
    language: deck.language,
    sourceDateEpoch: request.sourceDateEpoch,
  });
  const version = plan.version ? `.${plan.version}` : '';
  const label = plan.version ? `Answer sheet, version ${plan.version} (PDF)` : 'Answer sheet (PDF)';
  return [{ path: `${input.name}${version}.sheet.pdf`, bytes, label }];
}
