import type { ShortAnswer } from '@quizmark/model';
import type { RootContent } from 'mdast';
import { contentBlocks, ITEM_DEPTH, type ItemInput, withHeading } from './item-input.js';
import { mdastText } from './mdast-text.js';

/** An accepted answer as plain text: inline code is kept as its text, white space collapsed. */
const answerText = (node: RootContent): string => mdastText(node).replace(/\s+/g, ' ').trim();

/** `type=short`: one accepted answer per list item under `#### Answer`, or a single paragraph. */
export function buildShortAnswer(input: ItemInput): ShortAnswer {
  const { context, body, parts, place, attributes, defaults } = input;
  input.misplaced(
    'concepts',
    'expected `#### Concepts` only in explain items, found it in a short-answer question: it is left out',
  );
  const part = parts.get('answer');
  const answers: string[] = [];
  for (const block of contentBlocks(part?.blocks ?? [])) {
    if (block.type === 'list') {
      for (const item of block.children) {
        const text = answerText(item);
        if (text !== '') answers.push(text);
      }
    } else if (block.type === 'paragraph') {
      const text = answerText(block);
      if (text !== '') answers.push(text);
    } else {
      context.list.report(
        'unexpected-content',
        `expected accepted answers as a list (\`- newton\`) or one paragraph under \`#### Answer\`, found a ${block.type}: it is left out`,
        block.position,
      );
    }
  }
  if (part?.heading.position) input.fields.set('answers', part.heading.position);
  if (answers.length === 0) {
    context.list.report(
      'short-no-answer',
      part
        ? 'expected accepted answers under `#### Answer` (a list such as `- newton` / `- N`, or one paragraph), found none'
        : 'expected a `#### Answer` with the accepted answers (a list such as `- newton` / `- N`) in this short-answer question, found none',
      part?.heading.position ?? place,
    );
  }
  return {
    type: 'short',
    ...input.base,
    stem: withHeading(input.heading, context.builder.richText(body, ITEM_DEPTH)),
    answers,
    caseSensitive: attributes.caseSensitive ?? defaults.caseSensitive ?? false,
  };
}
