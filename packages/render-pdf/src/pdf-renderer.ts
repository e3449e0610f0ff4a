import type { DeckInput, RenderedFile, Renderer, RenderRequest } from '@quizmark/model';
import { renderAnswerSheet } from './answer-sheet.js';
import { drawPdf } from './draw-pdf.js';
import { layoutQuiz } from './layout-quiz.js';
import { type PdfOptions, type ResolvedPdfOptions, resolveOptions } from './options.js';
import { paginate } from './paginate.js';
import { planVersions } from './plan-versions.js';
import { layoutSheet } from './sheet-layout.js';

/**
 * Printable quizzes: per deck a student quiz and an answer key
 * (`<name>.quiz.pdf`, `<name>.key.pdf`), or with several versions one pair
 * per version (`<name>.A.quiz.pdf`, `<name>.A.key.pdf`, …).
 */
export const pdfRenderer: Renderer<PdfOptions> = {
  async render(request: RenderRequest<PdfOptions>): Promise<RenderedFile[]> {
    const options = resolveOptions(request.options);
    if (!Number.isFinite(request.sourceDateEpoch))
      throw new Error(
        `Invalid sourceDateEpoch: expected seconds since the epoch, but got ${String(request.sourceDateEpoch)}`,
      );
    const files: RenderedFile[] = [];
    for (const input of request.decks) files.push(...(await renderDeck(input, options, request)));
    return files;
  },
};

async function renderDeck(
  input: DeckInput,
  options: ResolvedPdfOptions,
  request: RenderRequest<PdfOptions>,
): Promise<RenderedFile[]> {
  const { paper } = options;
  const { deck } = input;
  const files: RenderedFile[] = [];
  for (const plan of planVersions(deck, request.options)) {
    for (const kind of ['quiz', 'key'] as const) {
      let layout = layoutQuiz(plan, { kind, paper, assets: input.assets, options });
      let pages = paginate(layout.groups, { contentHeight: layout.page.contentHeight });
      const overlay =
        kind === 'key' && options.answerSheet
          ? layoutSheet(plan, 'overlay', { paper, fields: deck.fields ?? options.fields })
          : null;
      // The marking overlay follows the answers, each of its pages placed as the sheet's.
      if (overlay) {
        const offset = layout.groups.length;
        layout = { ...layout, groups: [...layout.groups, ...overlay.groups] };
        pages = [
          ...pages,
          ...overlay.pages.map((page) => ({
            placements: page.placements.map((placement) => ({
              ...placement,
              group: placement.group + offset,
            })),
          })),
        ];
      }
      const what = kind === 'quiz' ? 'Quiz' : 'Answer key';
      const bytes = await drawPdf({
        layout,
        pages,
        assets: input.assets,
        title: deck.title,
        subject: plan.version ? `${what} · Version ${plan.version}` : what,
        language: deck.language,
        sourceDateEpoch: request.sourceDateEpoch,
      });
      const version = plan.version ? `.${plan.version}` : '';
      const label = plan.version ? `${what}, version ${plan.version} (PDF)` : `${what} (PDF)`;
      files.push({ path: `${input.name}${version}.${kind}.pdf`, bytes, label });
    }
    if (options.answerSheet)
      files.push(...(await renderAnswerSheet(plan, input, options, request)));
  }
  return files;
}
