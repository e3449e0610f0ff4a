import type { Deck } from '@quizmark/model';
import { giftHolds } from './gift-check.js';
import { giftQuestion } from './gift-question.js';

// A deck as one GIFT file: a category per section, below the deck's own
// (`$course$/top/<deck>/<section>`), then its questions, blank lines between.

/** A category name as a path part: Moodle reads `/` as a level and `//` as a slash. */
const categoryPart = (title: string) => title.replace(/\s+/g, ' ').trim().replace(/\//g, '//');

/** The text of `<deck>.gift`. */
export function giftFile(deck: Deck): string {
  const blocks = [
    `// ${deck.title.replace(/\s+/g, ' ')}: questions for Moodle (Question bank → Import → GIFT)`,
  ];
  for (const section of deck.sections) {
    const items = section.items.filter(giftHolds);
    if (items.length === 0) continue;
    blocks.push(
      `$CATEGORY: $course$/top/${categoryPart(deck.title)}/${categoryPart(section.title)}`,
    );
    for (const item of items) blocks.push(giftQuestion(deck, item));
  }
  return `${blocks.join('\n\n')}\n`;
}
