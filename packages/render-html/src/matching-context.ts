import type { Matching } from '@quizmark/model';
import { optionLetter, seededOrder, toPlainText } from '@quizmark/model';
import {
  baseContext,
  type Html,
  type ItemBaseContext,
  type RichRenderer,
} from './item-base-context.js';

export interface MatchChoice {
  /** A, B, C… in the shuffled order; the value of its `<option>`. */
  letter: string;
  html: Html;
  /** What the `<option>` shows (an option holds text only). */
  plain: string;
}

export interface MatchingContext extends ItemBaseContext {
  type: 'matching';
  /** The left-hand entries, in author order, each with the letter that matches it. */
  rows: Array<{ number: number; html: Html; selectId: string; answer: string }>;
  /** The right-hand entries and distractors, shuffled (seeded by the item id). */
  choices: MatchChoice[];
  /** The correct pairs in author order, for answers and the key. */
  pairs: Array<{ left: Html; right: Html; letter: string }>;
  distractors: Html[];
}

export function matchingContext(
  item: Matching,
  rich: RichRenderer,
  number: number,
): MatchingContext {
  const base = baseContext(item, item.stem, rich, number);
  const right = [...item.pairs.map((pair) => pair.right), ...item.distractors];
  const order = seededOrder(right.length, item.id);
  // letterOf[i]: the letter the i-th right-hand entry (author order) is shown with.
  const letterOf: string[] = [];
  order.forEach((source, place) => {
    letterOf[source] = optionLetter(place);
  });
  const choices = order.map((source, place) => ({
    letter: optionLetter(place),
    html: rich.inline(right[source]!),
    plain: toPlainText(right[source]!).replace(/\s+/g, ' ').trim(),
  }));
  return {
    ...base,
    type: 'matching',
    rows: item.pairs.map((pair, index) => ({
      number: index + 1,
      html: rich.inline(pair.left),
      selectId: `${base.anchor}-match-${index + 1}`,
      answer: letterOf[index]!,
    })),
    choices,
    pairs: item.pairs.map((pair, index) => ({
      left: rich.inline(pair.left),
      right: rich.inline(pair.right),
      letter: letterOf[index]!,
    })),
    distractors: item.distractors.map((distractor) => rich.inline(distractor)),
  };
}
