import { type Cloze, type Inline, inlinesToPlainText } from '@quizmark/model';
import type { ClozeMarkers } from './cloze-markers.js';
import { ITEM_DEPTH, type ItemInput, withHeading } from './item-input.js';

/** The heading with each blank shown as `[…]`: a title must not give the answer away. */
function withoutAnswers(nodes: readonly Inline[]): Inline[] {
  return nodes.map((node): Inline => {
    if (node.type === 'cloze') return { type: 'text', value: '[…]' };
    if ('children' in node) return { ...node, children: withoutAnswers(node.children) };
    return node;
  });
}

/** The title of a cloze: its heading, blanks hidden. */
export function clozeTitle(inlines: readonly Inline[]): string {
  return inlinesToPlainText(withoutAnswers(inlines)).replace(/\s+/g, ' ').trim();
}

/**
 * A cloze: the body with its blanks; a heading with blanks of its own is the
 * text's first paragraph (otherwise it is only the title). The heading was
 * read with `markers`, so its blanks are already counted.
 */
export function buildCloze(input: ItemInput, markers: ClozeMarkers): Cloze {
  const { context, body, place } = input;
  const headingBlanks = markers.count;
  input.misplaced(
    'answer',
    'expected no `#### Answer` in a cloze (its answers are the `{{c1::…}}` blanks in the text), found one: it is left out',
  );
  input.misplaced(
    'concepts',
    'expected `#### Concepts` only in explain items, found it in a cloze: it is left out',
  );
  markers.readBlocks(body);
  const bodyText = context.builder.richText(body, ITEM_DEPTH);
  markers.numberShorthand();
  if (markers.count === 0 && markers.malformed === 0) {
    context.list.report(
      'cloze-no-blank',
      'expected at least one blank such as `{{c1::answer}}` in this cloze (`type=cloze`), found none (blanks inside code stay code)',
      place,
    );
  }
  return {
    type: 'cloze',
    ...input.base,
    text: headingBlanks > 0 ? withHeading(input.heading, bodyText) : bodyText,
  };
}
