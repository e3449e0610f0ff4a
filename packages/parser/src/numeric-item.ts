import type { Numeric, NumericAnswer } from '@quizmark/model';
import { ITEM_DEPTH, type ItemInput, withHeading } from './item-input.js';
import { mdastText } from './mdast-text.js';
import { NUMERIC_FORMS, readNumericAnswer } from './numeric-answer.js';

/** Stands in for an answer that could not be read; the error keeps the deck from being built. */
const UNREAD: NumericAnswer = {
  text: '?',
  kind: 'exact',
  value: 0,
  tolerance: 0,
  min: 0,
  max: 0,
  unit: null,
};

/** `type=numeric`: the stem is the heading and body, the number is under `#### Answer`. */
export function buildNumeric(input: ItemInput): Numeric {
  const { context, body, parts, place } = input;
  input.misplaced(
    'concepts',
    'expected `#### Concepts` only in explain items, found it in a numeric question: it is left out',
  );
  const stem = withHeading(input.heading, context.builder.richText(body, ITEM_DEPTH));
  const part = parts.get('answer');
  const blocks = part?.blocks.filter((block) => block.type !== 'definition') ?? [];
  const paragraph = blocks.length === 1 && blocks[0]!.type === 'paragraph' ? blocks[0]! : null;
  if (part?.heading.position) input.fields.set('answer', part.heading.position);
  if (!part || !paragraph) {
    const found = !part
      ? 'no `#### Answer`'
      : blocks.length === 0
        ? 'an empty `#### Answer`'
        : `${blocks.length === 1 ? `a ${blocks[0]!.type}` : `${blocks.length} blocks`} under \`#### Answer\``;
    context.list.report(
      'numeric-unreadable',
      `expected ${NUMERIC_FORMS} as the one paragraph under \`#### Answer\`, found ${found}`,
      blocks[0]?.position ?? part?.heading.position ?? place,
    );
    return { type: 'numeric', ...input.base, stem, answer: UNREAD };
  }
  const written = mdastText(paragraph);
  const read = readNumericAnswer(written);
  if (read.ok) return { type: 'numeric', ...input.base, stem, answer: read.answer };
  const { problem } = read;
  // Point at the characters when the paragraph is the text as written (no escapes, one line).
  const start = paragraph.position?.start.offset;
  const end = paragraph.position?.end.offset;
  const exact =
    start !== undefined && end !== undefined && context.source.slice(start, end) === written.trim();
  context.list.report(
    problem.ruleId,
    problem.message,
    exact ? context.lines.place(start + problem.start, start + problem.end) : paragraph.position,
  );
  return { type: 'numeric', ...input.base, stem, answer: UNREAD };
}
