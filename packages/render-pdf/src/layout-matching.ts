import { type Matching, optionLetter, type RichText } from '@quizmark/model';
import { entryIndent, entryRows } from './answer-space.js';
import type { LayoutRow } from './layout-model.js';
import type { RichContext } from './layout-rich-text.js';
import { sideBySide } from './rows-side-by-side.js';
import { listItem, structNode } from './struct-tags.js';
import type { Frame } from './text-rows.js';

/** Space between a matching question's columns. */
const COLUMN_GAP = 24;
/** The left column's share of the width: right-hand entries (definitions, units) tend to be longer. */
const LEFT_SHARE = 0.45;

/**
 * Two columns: the left entries numbered 1, 2… with a box for the letter of
 * their match, the right entries (shuffled) lettered A, B…; one row per line-up.
 */
export function matchingRows(
  item: Matching,
  matches: readonly RichText[],
  frame: Frame,
  context: RichContext,
): LayoutRow[] {
  const leftWidth = (frame.width - COLUMN_GAP) * LEFT_SHARE;
  const left = { x: frame.x, width: leftWidth };
  const right = {
    x: frame.x + leftWidth + COLUMN_GAP,
    width: frame.width - leftWidth - COLUMN_GAP,
  };
  const numbers = item.pairs.map((_, index) => `${index + 1}.`);
  const letters = matches.map((_, index) => `${optionLetter(index)}.`);
  const leftIndent = entryIndent(numbers, true);
  const rightIndent = entryIndent(letters, false);
  const count = Math.max(numbers.length, letters.length);
  // Each column is a list of its own: the left entries are read, then the right.
  const leftList = structNode('L');
  const rightList = structNode('L');
  return Array.from({ length: count }, (_, index) => {
    const pair = item.pairs[index];
    const match = matches[index];
    const row = sideBySide([
      pair
        ? listItem(
            entryRows(numbers[index]!, pair.left.children, left, leftIndent, true, context),
            leftList,
          )
        : [],
      match
        ? listItem(
            entryRows(letters[index]!, match.children, right, rightIndent, false, context),
            rightList,
          )
        : [],
    ]);
    return {
      ...row,
      spaceBefore: index === 0 ? 7 : 5,
      breakAfter: index === count - 1 ? 'block' : 'line',
    };
  });
}
