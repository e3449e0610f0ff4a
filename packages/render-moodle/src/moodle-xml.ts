import type { DeckInput, RichText } from '@quizmark/model';
import { renderRichHtml } from '@quizmark/rich-html';
import { questionXml } from './moodle-question.js';
import { cdata, escapeXml } from './xml-text.js';

/** A title as one level of a Moodle category path, where `/` separates levels and `//` is a slash. */
const categoryLevel = (title: string) => title.replaceAll('/', '//');

/** The category path of a deck, or of one of its sections: `$course$/top/<deck>/<section>`. */
export function categoryPath(deckTitle: string, sectionTitle?: string): string {
  const levels = ['$course$', 'top', categoryLevel(deckTitle)];
  if (sectionTitle !== undefined) levels.push(categoryLevel(sectionTitle));
  return levels.join('/');
}

// A category's description has no file area in Moodle XML: its images
// show their alt text (the `moodle-description-image` warning).
const infoHtml = (text: RichText | null) =>
  text ? renderRichHtml(text, { codeStyle: 'inline', math: 'mathjax' }) : '';

// No category idnumber: Moodle inserts a new category with it, and a deck
// whose title changed would then collide with its old category's idnumber.
function categoryXml(path: string, info: RichText | null): string {
  return [
    '<question type="category">',
    `  <category><text>${escapeXml(path)}</text></category>`,
    `  <info format="html"><text>${cdata(infoHtml(info))}</text></info>`,
    '</question>',
  ].join('\n');
}

/**
 * A deck as a Moodle XML question bank: a category for the deck (its
 * description as the category's), one below it per section, and each
 * section's questions after its category, in deck order.
 */
export function moodleXml({ deck, assets }: DeckInput): string {
  const parts = [categoryXml(categoryPath(deck.title), deck.description)];
  for (const section of deck.sections) {
    parts.push(categoryXml(categoryPath(deck.title, section.title), section.description));
    for (const item of section.items) parts.push(questionXml(deck, item, assets));
  }
  // Not indented: a line break inside CDATA is the author's (code blocks keep their lines).
  return `<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n${parts.join('\n')}\n</quiz>\n`;
}
