import type { Item } from './deck.js';
import type { RichText } from './rich-text.js';

/**
 * Every rich text of an item, in reading order: what an output shows of it,
 * for checks over all of it. Plain-text answers (numeric, short) are not rich
 * text: checks read them from the item.
 */
export function itemTexts(item: Item): RichText[] {
  const texts: RichText[] = [];
  switch (item.type) {
    case 'flashcard':
      texts.push(item.front, item.back);
      break;
    case 'choice':
      texts.push(item.stem);
      for (const option of item.options) {
        texts.push(option.text);
        if (option.feedback) texts.push(option.feedback);
      }
      break;
    case 'truefalse':
      texts.push(item.stem);
      if (item.trueFeedback) texts.push(item.trueFeedback);
      if (item.falseFeedback) texts.push(item.falseFeedback);
      break;
    case 'numeric':
    case 'short':
      texts.push(item.stem);
      break;
    case 'cloze':
      texts.push(item.text);
      break;
    case 'matching':
      texts.push(item.stem);
      for (const pair of item.pairs) texts.push(pair.left, pair.right);
      texts.push(...item.distractors);
      break;
    case 'ordering':
      texts.push(item.stem, ...item.sequence);
      break;
    case 'explain':
      texts.push(item.prompt, ...item.concepts);
      break;
    default:
      return assertNoItemType(item);
  }
  if (item.hint) texts.push(item.hint);
  for (const step of item.steps) texts.push(step.body);
  if (item.quickCheck) texts.push(item.quickCheck);
  texts.push(...item.mistakes);
  if (item.explanation) texts.push(item.explanation);
  return texts;
}

// A new item type fails to compile here until its texts are listed.
function assertNoItemType(item: never): never {
  throw new Error(`unknown item type ${(item as Item).type}`);
}
