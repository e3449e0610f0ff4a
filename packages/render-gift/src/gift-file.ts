import type { Deck } from '@quizmark/model';
import { giftHolds } from './gift-check.js';
import { commentText, giftQuestion } from './gift-question.js';

// A deck as one GIFT file: a category per section, below the deck's own
// (`$course$/top/<deck>/<section>`), then its questions, blank lines between.

/**
 * A category name as a path part, as Moodle's exporter writes one
 * (assemble_category_path): `/` separates levels, so a slash in a name is
 * `//`, and a name that starts or ends with one is padded with a space. The
 * importer reads the `$CATEGORY:` line after turning `\\` into `\`, so a
 * backslash is doubled (other escapes would be left as placeholders).
 */
function categoryPart(title: string): string {
  const name = title.replace(/\s+/g, ' ').trim().replace(/\\/g, '\\\\').replace(/\//g, '//');
  return `${name.startsWith('/') ? ' ' : ''}${name}${name.endsWith('/') ? ' ' : ''}`;
}

/** The text of `<deck>.gift`. */
export function giftFile(deck: Deck): string {
  const blocks = [
    `// ${commentText(deck.title)}: questions for Moodle (Question bank → Import → GIFT)`,
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
