import type { DeckInput, RenderProblem } from '@quizmark/model';
import { imageProblems } from './image-problems.js';
import { type PdfOptions, resolveOptions } from './options.js';
import { emptySelectionMessage } from './plan-versions.js';
import { selectItems } from './select-items.js';
import { isBubbleQuestion } from './sheet-questions.js';
import { spaceProblems } from './space-problems.js';

/** The PDF output's own checks of one deck (the descriptor's `check`, loaded when a deck is checked). */
export function pdfProblems(input: DeckInput, options: PdfOptions): RenderProblem[] {
  const { select, seed, answerSheet, paper } = resolveOptions(options);
  const selected = selectItems(input.deck, select, seed ?? '');
  if (selected.length > 0) {
    const problems = [...imageProblems(input), ...spaceProblems(input.deck, paper)];
    if (answerSheet && !selected.some(({ item }) => isBubbleQuestion(item)))
      problems.push({
        ruleId: 'pdf-no-sheet-questions',
        message: `Deck "${input.deck.id}" has no choice or true/false question to print, so no answer sheet is written for it`,
        item: null,
      });
    return problems;
  }
  const items = input.deck.sections.reduce((sum, section) => sum + section.items.length, 0);
  const message = emptySelectionMessage(input.deck, select);
  // A deck with questions, none selected: skipped, as a site generator skips a page.
  if (items > 0)
    return [
      { ruleId: 'pdf-no-match', message: `${message}: no PDF for it`, item: null, skip: true },
    ];
  return [{ ruleId: 'pdf-no-questions', message, item: null }];
}
