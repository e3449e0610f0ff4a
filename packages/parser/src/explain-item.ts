import type { Explain } from '@quizmark/model';
import { ITEM_DEPTH, type ItemInput, withHeading } from './item-input.js';
import { readEntries } from './solution-steps.js';

/** An open prompt; `#### Concepts` lists the key points of a good answer. */
export function buildExplain(input: ItemInput): Explain {
  const { context, body, parts, place, fields } = input;
  input.misplaced(
    'answer',
    'expected no `#### Answer` in an explain item (use `#### Concepts` for the key points and `#### Explanation` for a model answer), found one: it is left out',
  );
  const conceptsPart = parts.get('concepts');
  const concepts = conceptsPart ? readEntries(conceptsPart.blocks, context) : [];
  if (conceptsPart?.heading.position) fields.set('concepts', conceptsPart.heading.position);
  if (concepts.length === 0) {
    context.list.report(
      'explain-no-concepts',
      conceptsPart
        ? 'expected a list of concepts under `#### Concepts`, found none'
        : 'expected a `#### Concepts` list in this explain item (the key points of a good answer), found none',
      conceptsPart?.heading.position ?? place,
    );
  }
  return {
    type: 'explain',
    ...input.base,
    prompt: withHeading(input.heading, context.builder.richText(body, ITEM_DEPTH)),
    concepts,
  };
}
