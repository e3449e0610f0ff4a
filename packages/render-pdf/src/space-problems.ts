import type { Deck, RenderProblem } from '@quizmark/model';
import type { Paper } from './options.js';
import { pageGeometry } from './paper.js';
import { MAX_SPACE_SHARE, MM, wantedHeight } from './written-space.js';

/**
 * `pdf-space-too-tall` warnings: an answer space taller than the PDF prints
 * one (three quarters of a page, so its question fits above it) is cut to
 * that height, and the author is told where.
 */
export function spaceProblems(deck: Deck, paper: Paper): RenderProblem[] {
  const limit = pageGeometry(paper).contentHeight * MAX_SPACE_SHARE;
  const problems: RenderProblem[] = [];
  for (const section of deck.sections)
    for (const item of section.items) {
      const wanted = wantedHeight(item);
      if (wanted <= limit) continue;
      const cm = (points: number) => `${(points / MM / 10).toFixed(1)} cm`;
      problems.push({
        ruleId: 'pdf-space-too-tall',
        message: `The answer space asks for ${cm(wanted)}, taller than a page leaves below its question: it prints ${cm(limit)} tall`,
        item: item.id,
      });
    }
  return problems;
}
