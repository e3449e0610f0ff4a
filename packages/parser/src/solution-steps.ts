import {
  type Block,
  type Inline,
  inlinesToPlainText,
  type RichText,
  type Step,
} from '@quizmark/model';
import type { ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { ParseContext } from './parse-context.js';
import { sliceSource } from './source-slice.js';

const PART_DEPTH = 4;
const STEP_PREFIX = /^step\s*\d+\s*[:.)-]\s*/i;
/** A lone first line such as `Final Answer:` is a title when more blocks follow. */
const LABEL_MAX_LENGTH = 80;

/** Blocks after the first one, as rich text. */
function restRichText(children: readonly RootContent[], context: ParseContext): RichText {
  return context.builder.richText(children.slice(1), PART_DEPTH);
}

function trimLeading(inlines: Inline[]): Inline[] {
  const first = inlines[0];
  if (first?.type !== 'text') return inlines;
  const value = first.value.replace(/^[.:]?\s*/, '');
  return value === '' ? inlines.slice(1) : [{ type: 'text', value }, ...inlines.slice(1)];
}

/** `**Check the condition.** The rest…`: the bold lead is the title. */
function boldLeadStep(
  paragraph: Paragraph,
  children: readonly RootContent[],
  context: ParseContext,
): Step | null {
  const [strong, next] = paragraph.children as [PhrasingContent, PhrasingContent | undefined];
  if (strong.type !== 'strong' || strong.position?.end.offset === undefined) return null;
  const lead = inlinesToPlainText(context.builder.inlines(strong.children)).trim();
  const punctuated = /[.:]$/.test(lead) || (next?.type === 'text' && /^[.:]/.test(next.value));
  if (!punctuated || lead === '') return null;
  const title = lead.replace(/[.:]$/, '').trim();
  const rest = trimLeading(context.builder.inlines(paragraph.children.slice(1)));
  const blocks: Block[] = [];
  if (rest.length > 0) blocks.push({ type: 'paragraph', children: rest });
  const after = restRichText(children, context);
  blocks.push(...after.children);
  const { source } = context;
  let start = strong.position.end.offset;
  while (start < source.length && /[.:\s]/.test(source[start]!)) start++;
  const lastEnd = children[children.length - 1]?.position?.end.offset ?? start;
  const column = paragraph.position?.start.column ?? 1;
  const markdown = start < lastEnd ? sliceSource(source, start, lastEnd, column) : '';
  return { title, body: { markdown, children: blocks } };
}

/** One step from one list item (or one block of a Solution that is not a list). */
export function readStep(children: readonly RootContent[], context: ParseContext): Step {
  const first = children[0];
  if (first?.type === 'paragraph' && first.children.length > 0) {
    const bold = boldLeadStep(first, children, context);
    if (bold) return bold;
    const text = inlinesToPlainText(context.builder.inlines(first.children)).trim();
    if (STEP_PREFIX.test(text)) {
      const title = text.replace(STEP_PREFIX, '').replace(/\s+/g, ' ').replace(/[.:]$/, '').trim();
      return { title: title === '' ? null : title, body: restRichText(children, context) };
    }
    if (
      children.length > 1 &&
      text.endsWith(':') &&
      !text.includes('\n') &&
      text.length <= LABEL_MAX_LENGTH
    ) {
      return { title: text.slice(0, -1).trim(), body: restRichText(children, context) };
    }
  }
  return { title: null, body: context.builder.richText(children, PART_DEPTH) };
}

/** The steps of a `#### Solution`: each item of its lists is a step, any other block is one too. */
export function readSteps(blocks: readonly RootContent[], context: ParseContext): Step[] {
  const steps: Step[] = [];
  for (const block of blocks) {
    if (block.type === 'list') {
      for (const item of block.children as ListItem[]) {
        const step = readStep(item.children, context);
        context.places.set(step, item.position ?? block.position!);
        steps.push(step);
      }
    } else if (block.type !== 'definition') {
      const step = readStep([block], context);
      if (block.position) context.places.set(step, block.position);
      steps.push(step);
    }
  }
  return steps.filter((step) => step.title !== null || step.body.children.length > 0);
}

/** One rich text per list item, or per block: mistakes and concepts. */
export function readEntries(blocks: readonly RootContent[], context: ParseContext): RichText[] {
  const entries: RichText[] = [];
  for (const block of blocks) {
    const groups: Array<{ nodes: readonly RootContent[]; place: typeof block.position }> =
      block.type === 'list'
        ? block.children.map((item) => ({ nodes: item.children, place: item.position }))
        : [{ nodes: [block], place: block.position }];
    for (const group of groups) {
      const text = context.builder.richText(group.nodes, PART_DEPTH);
      if (text.children.length === 0) continue;
      if (group.place) context.places.set(text, group.place);
      entries.push(text);
    }
  }
  return entries;
}
