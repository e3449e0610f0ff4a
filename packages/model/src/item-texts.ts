import type { Item } from './deck.js';
import type { RichText } from './rich-text.js';

/** Every rich text of an item, in reading order: what an output shows of it, for checks over all of it. */
export function itemTexts(item: Item): RichText[] {
  const texts: RichText[] = [];
  switch (item.type) {
    case 'flashcard':
      texts.push(item.front, item.back);
      break;
    case 'choice':
      texts.push(item.stem, ...item.options.map((option) => option.text));
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
