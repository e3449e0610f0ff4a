import {
  clozeBlanks,
  type DeckInput,
  MOODLE_MOST_GRADED,
  type RenderProblem,
} from '@quizmark/model';
import { imageUrls } from './description-images.js';
import { isPlainMatchAnswer } from './match-answers.js';

/** What the Moodle XML of a deck loses, item by item (see the descriptor's rules). */
export function moodleProblems(input: DeckInput): RenderProblem[] {
  const problems: RenderProblem[] = [];
  const descriptions = [input.deck.description, ...input.deck.sections.map((s) => s.description)];
  for (const description of descriptions) {
    if (!description) continue;
    for (const url of imageUrls(description)) {
      if (!input.assets.has(url)) continue;
      problems.push({
        ruleId: 'moodle-description-image',
        item: null,
        image: url,
        message:
          'a Moodle category description cannot hold image files: the image shows its alt text there',
      });
    }
  }
  for (const section of input.deck.sections) {
    for (const item of section.items) {
      if (item.type === 'choice') {
        const correct = item.options.filter((option) => option.correct).length;
        if (item.multiple && correct > MOODLE_MOST_GRADED) {
          problems.push({
            ruleId: 'moodle-choice-grades',
            item: item.id,
            message: `${correct} correct options: Moodle's grade list has no grades for them that add up to 100%, so only the first 20 earn 5% each and the others earn nothing`,
          });
        }
        if (item.multiple && item.scoring === 'all') {
          problems.push({
            ruleId: 'moodle-choice-all-or-nothing',
            item: item.id,
            message:
              "Moodle's multiple-answer questions give partial credit: this one cannot be graded all or nothing there",
          });
        }
        if (item.shuffle && item.options.some((option) => option.pinned)) {
          problems.push({
            ruleId: 'moodle-choice-pinned',
            item: item.id,
            message:
              'Moodle shuffles all options of a question or none: the options keep their order, so that the pinned one stays in place',
          });
        }
      } else if (item.type === 'cloze') {
        const blanks = clozeBlanks(item.text).length;
        if (item.points !== null && item.points !== blanks) {
          problems.push({
            ruleId: 'moodle-cloze-points',
            item: item.id,
            message: `Moodle marks a cloze out of its blanks: this one is worth ${blanks} there, not ${item.points}`,
          });
        }
      } else if (item.type === 'matching') {
        const entries = [...item.pairs.map((pair) => pair.right), ...item.distractors];
        if (!entries.every(isPlainMatchAnswer)) {
          problems.push({
            ruleId: 'moodle-matching-plain-answers',
            item: item.id,
            message:
              "Moodle's matching answers are plain text: formatting, math, code and images on the right-hand side show as their text",
          });
        }
      }
    }
  }
  return problems;
}
