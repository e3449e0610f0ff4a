import type { Block, Difficulty, Inline, Item, ItemType, Level, RichText } from '@quizmark/model';
import type { Heading, RootContent } from 'mdast';
import { readAttributes } from './attributes.js';
import { closestMatch } from './did-you-mean.js';
import { readAttributedText } from './heading.js';
import type { Place } from './line-index.js';
import { mdastText } from './mdast-text.js';
import { reportOptionNearMisses } from './option-near-misses.js';
import { isTaskList, readOptions } from './options.js';
import type { ParseContext } from './parse-context.js';
import {
  normalizePartHeading,
  PART_HEADINGS,
  PART_SPELLINGS,
  type PartName,
  partHeadingFor,
  partName,
} from './parts.js';
import { isHtmlComment } from './rich-text-builder.js';
import { deriveId } from './slug.js';
import { readEntries, readSteps } from './solution-steps.js';

const ITEM_DEPTH = 3;
const PART_DEPTH = 4;

/** What a section (and the frontmatter) hand down to its items. */
export interface ItemDefaults {
  type: ItemType | null;
  level: Level | null;
  difficulty: Difficulty | null;
  tags: string[];
  multiple: boolean | null;
  shuffle: boolean | null;
}

export interface BuiltItem {
  item: Item;
  place: Place | null;
  /** Where the id came from: the `#id` attribute or the heading. */
  idPlace: Place | null;
}

interface Part {
  name: PartName;
  heading: Heading;
  blocks: RootContent[];
}

/** Blocks that carry content (not comments, not link definitions). */
function contentBlocks(blocks: readonly RootContent[]): RootContent[] {
  return blocks.filter((block) => block.type !== 'definition' && !isHtmlComment(block));
}

/** Rich text that starts with the heading as its first paragraph (stems, prompts). */
function withHeading(heading: { inlines: Inline[]; markdown: string }, body: RichText): RichText {
  const children: Block[] =
    heading.inlines.length > 0 ? [{ type: 'paragraph', children: heading.inlines }] : [];
  children.push(...body.children);
  const markdown = [heading.markdown, body.markdown].filter((text) => text !== '').join('\n\n');
  return { markdown, children };
}

function splitParts(
  blocks: readonly RootContent[],
  context: ParseContext,
): { body: RootContent[]; parts: Map<PartName, Part> } {
  const body: RootContent[] = [];
  const parts = new Map<PartName, Part>();
  let current: Part | 'skip' | null = null;
  for (const block of blocks) {
    if (block.type === 'heading' && block.depth === PART_DEPTH) {
      const text = mdastText(block).trim();
      const name = partName(text);
      if (name === null) {
        const match = closestMatch(normalizePartHeading(text), PART_SPELLINGS);
        const hint = match === null ? '' : `; did you mean \`#### ${partHeadingFor(match)}\`?`;
        context.list.report(
          'unknown-part',
          `unknown part \`#### ${text}\`${hint} (expected one of ${Object.values(PART_HEADINGS).join(', ')}); it and its content are ignored`,
          block.position,
        );
        current = 'skip';
      } else if (parts.has(name)) {
        const first = parts.get(name)!.heading.position?.start.line;
        context.list.report(
          'duplicate-part',
          `expected one \`#### ${PART_HEADINGS[name]}\` per item, found a second one (the first is on line ${first}); merge them`,
          block.position,
        );
        current = 'skip';
      } else {
        current = { name, heading: block, blocks: [] };
        parts.set(name, current);
      }
      continue;
    }
    if (current === 'skip') continue;
    if (current !== null) {
      current.blocks.push(block);
    } else if (block.type === 'heading') {
      context.list.report(
        'unexpected-content',
        `expected \`####\` parts (Solution, Hint, …) as the only headings of an item, found a \`${'#'.repeat(block.depth)}\` heading: it is left out`,
        block.position,
      );
    } else {
      body.push(block);
    }
  }
  return { body, parts };
}

/** Builds one `###` item: its type, id, parts and the defaults it inherits. */
export function buildItem(
  heading: Heading,
  blocks: readonly RootContent[],
  defaults: ItemDefaults,
  deckId: string,
  context: ParseContext,
): BuiltItem {
  const { list, builder } = context;
  const headingText = readAttributedText(heading, context);
  const attributes = readAttributes(headingText.attributes, 'item', list);
  const place = heading.position ?? null;
  if (headingText.title === '') {
    list.report(
      'title-empty',
      'expected the item heading to have text (`### What does MLOps stand for?`), found none',
      place,
    );
  }
  const id = attributes.id?.value ?? deriveId(deckId, headingText.title);
  const { body, parts } = splitParts(blocks, context);

  const partText = (name: PartName): RichText | null => {
    const part = parts.get(name);
    if (!part) return null;
    const text = builder.richText(part.blocks, PART_DEPTH);
    if (text.children.length === 0) {
      if (name !== 'concepts') {
        list.report(
          'part-empty',
          `expected content under \`#### ${PART_HEADINGS[name]}\`, found none`,
          part.heading.position,
        );
      }
      return null;
    }
    return text;
  };
  const misplaced = (name: PartName, reason: string): void => {
    const part = parts.get(name);
    if (part) list.report('unexpected-content', reason, part.heading.position);
  };

  const taskIndex = body.findIndex(isTaskList);
  reportOptionNearMisses(
    body.filter((block) => !isTaskList(block)),
    context,
  );
  const forced = attributes.type ?? defaults.type;
  const type: ItemType =
    forced ?? (taskIndex !== -1 ? 'choice' : parts.has('concepts') ? 'explain' : 'flashcard');

  const base = {
    id,
    title: headingText.title,
    tags: [...new Set([...defaults.tags, ...(attributes.tags ?? [])])],
    level: attributes.level ?? defaults.level,
    difficulty: attributes.difficulty ?? defaults.difficulty,
    hint: partText('hint'),
    steps: parts.has('solution') ? readSteps(parts.get('solution')!.blocks, context) : [],
    quickCheck: partText('quickCheck'),
    mistakes: parts.has('mistakes') ? readEntries(parts.get('mistakes')!.blocks, context) : [],
    explanation: partText('explanation'),
    pinned: attributes.pin,
  };
  for (const name of ['solution', 'mistakes'] as const) {
    const part = parts.get(name);
    if (part && contentBlocks(part.blocks).length === 0) {
      list.report(
        'part-empty',
        `expected content under \`#### ${PART_HEADINGS[name]}\`, found none`,
        part.heading.position,
      );
    }
  }
  const fields = new Map(attributes.places);

  let item: Item;
  if (type === 'choice') {
    misplaced(
      'answer',
      'expected no `#### Answer` in a choice (its answer comes from the `[x]` options), found one: it is left out',
    );
    misplaced(
      'concepts',
      'expected `#### Concepts` only in explain items, found it in a choice (a task list makes a choice): it is left out',
    );
    const taskList = taskIndex === -1 ? null : body[taskIndex];
    const stemBlocks = taskIndex === -1 ? body : body.slice(0, taskIndex);
    for (const extra of contentBlocks(taskIndex === -1 ? [] : body.slice(taskIndex + 1))) {
      list.report(
        'unexpected-content',
        'expected the options list to end the question, found more content after it: it is left out (put it before the options, or in a `#### Explanation` part)',
        extra.position,
      );
    }
    const options = taskList && isTaskList(taskList) ? readOptions(taskList, context) : [];
    if (taskList?.position) fields.set('options', taskList.position);
    const correct = options.filter((option) => option.correct);
    const multiple = attributes.multiple ?? defaults.multiple ?? correct.length > 1;
    if (!taskList) {
      list.report(
        'choice-no-options',
        'expected a task list of options (`- [x] right`, `- [ ] wrong`) in this choice, found none',
        place,
      );
    } else if (options.length === 1) {
      list.report(
        'choice-one-option',
        'expected at least two options in a choice, found one',
        taskList.position,
      );
    }
    if (options.length > 0 && correct.length === 0) {
      list.report(
        'choice-no-correct',
        'expected at least one correct option marked `- [x]`, found none',
        taskList?.position,
      );
    } else if (!multiple && correct.length > 1) {
      list.report(
        'choice-several-correct',
        `expected one correct option in a single-answer choice (\`multiple=false\`), found ${correct.length} marked \`[x]\`; remove \`multiple=false\` to ask "select all that apply"`,
        context.places.get(correct[1]!),
      );
    }
    item = {
      type,
      ...base,
      stem: withHeading(headingText, builder.richText(stemBlocks, ITEM_DEPTH)),
      options,
      multiple,
      shuffle: attributes.shuffle ?? defaults.shuffle ?? true,
    };
  } else if (type === 'explain') {
    misplaced(
      'answer',
      'expected no `#### Answer` in an explain item (use `#### Concepts` for the key points and `#### Explanation` for a model answer), found one: it is left out',
    );
    const conceptsPart = parts.get('concepts');
    const concepts = conceptsPart ? readEntries(conceptsPart.blocks, context) : [];
    if (conceptsPart?.heading.position) fields.set('concepts', conceptsPart.heading.position);
    if (concepts.length === 0) {
      list.report(
        'explain-no-concepts',
        conceptsPart
          ? 'expected a list of concepts under `#### Concepts`, found none'
          : 'expected a `#### Concepts` list in this explain item (the key points of a good answer), found none',
        conceptsPart?.heading.position ?? place,
      );
    }
    item = {
      type,
      ...base,
      prompt: withHeading(headingText, builder.richText(body, ITEM_DEPTH)),
      concepts,
    };
  } else {
    misplaced(
      'concepts',
      'expected `#### Concepts` only in explain items, found it in a flashcard: it is left out',
    );
    const answer = parts.has('answer') ? partText('answer') : null;
    const bodyText = builder.richText(body, ITEM_DEPTH);
    const front = withHeading(headingText, answer ? bodyText : { markdown: '', children: [] });
    const back = answer ?? bodyText;
    if (back.children.length === 0) {
      list.report(
        'flashcard-empty',
        'expected the answer of this flashcard under its heading (or in a `#### Answer` part), found nothing',
        place,
      );
    } else if (!answer && parts.has('solution')) {
      // A practice problem: its statement would silently become the hidden back.
      list.report(
        'flashcard-solution-no-answer',
        'expected a `#### Answer` in a flashcard with a `#### Solution`, found none: the text under the heading became the hidden answer (the back of the card); put the answer under `#### Answer`, and the statement stays on the front',
        place,
      );
    }
    item = { type: 'flashcard', ...base, front, back };
  }
  if (place) context.places.set(item, place);
  context.fieldPlaces.set(item, fields);
  return { item, place, idPlace: attributes.id?.place ?? place };
}
