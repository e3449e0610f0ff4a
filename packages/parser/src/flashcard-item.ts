import type { Flashcard } from '@quizmark/model';
import { ITEM_DEPTH, type ItemInput, withHeading } from './item-input.js';

/** The heading is the front; the back is `#### Answer`, or else the body. */
export function buildFlashcard(input: ItemInput): Flashcard {
  const { context, body, parts, place } = input;
  input.misplaced(
    'concepts',
    'expected `#### Concepts` only in explain items, found it in a flashcard: it is left out',
  );
  const answer = parts.has('answer') ? input.partText('answer') : null;
  const bodyText = context.builder.richText(body, ITEM_DEPTH);
  const front = withHeading(input.heading, answer ? bodyText : { markdown: '', children: [] });
  const back = answer ?? bodyText;
  if (back.children.length === 0) {
    context.list.report(
      'flashcard-empty',
      'expected the answer of this flashcard under its heading (or in a `#### Answer` part), found nothing',
      place,
    );
  } else if (!answer && parts.has('solution')) {
    // A practice problem: its statement would silently become the hidden back.
    context.list.report(
      'flashcard-solution-no-answer',
      'expected a `#### Answer` in a flashcard with a `#### Solution`, found none: the text under the heading became the hidden answer (the back of the card); put the answer under `#### Answer`, and the statement stays on the front',
      place,
    );
  }
  return { type: 'flashcard', ...input.base, front, back };
}
