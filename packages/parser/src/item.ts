import { assertNever, type Item, type ItemType, type RichText } from '@quizmark/model';
import type { Heading, RootContent } from 'mdast';
import { readAttributes } from './attributes.js';
import { buildChoice } from './choice-item.js';
import { buildCloze, clozeTitle } from './cloze-item.js';
import { ClozeMarkers, hasClozeMarkers } from './cloze-markers.js';
import { closestMatch } from './did-you-mean.js';
import { buildExplain } from './explain-item.js';
import { buildFlashcard } from './flashcard-item.js';
import { readAttributedText, trailingAttributes } from './heading.js';
import {
  contentBlocks,
  type ItemDefaults,
  type ItemInput,
  PART_DEPTH,
  type Part,
} from './item-input.js';
import type { Place } from './line-index.js';
import { buildMatching } from './matching-pairs.js';
import { mdastText } from './mdast-text.js';
import { buildNumeric } from './numeric-item.js';
import { reportOptionNearMisses } from './option-near-misses.js';
import { isTaskList } from './options.js';
import { buildOrdering } from './ordering-list.js';
import type { ParseContext } from './parse-context.js';
import {
  normalizePartHeading,
  PART_HEADINGS,
  PART_SPELLINGS,
  type PartName,
  partHeadingFor,
  partName,
} from './parts.js';
import { answerSpaceOf } from './print-defaults.js';
import { buildShortAnswer } from './short-answers.js';
import { deriveId } from './slug.js';
import { readEntries, readSteps } from './solution-steps.js';
import { buildTrueFalse } from './true-false.js';

export type { ItemDefaults } from './item-input.js';

export interface BuiltItem {
  item: Item;
  place: Place | null;
  /** Where the id came from: the `#id` attribute or the heading. */
  idPlace: Place | null;
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

/**
 * The type an item's content makes when no `type=` says: a task list makes
 * a choice (or a true/false), `#### Concepts` an explain prompt, `{{…}}`
 * blanks a cloze, anything else a flashcard. Concepts come before blanks: a
 * prompt may quote a template (`{{ name }}`), a part is written on purpose.
 */
function inferType(heading: Heading, body: RootContent[], parts: Map<PartName, Part>): ItemType {
  if (body.some(isTaskList)) return 'choice';
  if (parts.has('concepts')) return 'explain';
  return hasClozeMarkers([heading, ...body]) ? 'cloze' : 'flashcard';
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
  const attributeBlock = trailingAttributes(heading, context);
  const attributes = readAttributes(attributeBlock, 'item', list);
  const { body, parts } = splitParts(blocks, context);
  reportOptionNearMisses(
    body.filter((block) => !isTaskList(block)),
    context,
  );
  const forced = attributes.type ?? defaults.type;
  const type = forced ?? inferType(heading, body, parts);
  const markers = new ClozeMarkers(context);
  const cloze = type === 'cloze';
  const headingText = readAttributedText(
    heading,
    context,
    attributeBlock,
    cloze ? markers.phrasing : undefined,
  );
  const title = cloze ? clozeTitle(headingText.inlines) : headingText.title;
  const place = heading.position ?? null;
  if (title === '') {
    list.report(
      'title-empty',
      'expected the item heading to have text (`### What does MLOps stand for?`), found none',
      place,
    );
  }
  const id = attributes.id?.value ?? deriveId(deckId, title);

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

  const base = {
    id,
    title,
    tags: [...new Set([...defaults.tags, ...(attributes.tags ?? [])])],
    level: attributes.level ?? defaults.level,
    difficulty: attributes.difficulty ?? defaults.difficulty,
    hint: partText('hint'),
    steps: parts.has('solution') ? readSteps(parts.get('solution')!.blocks, context) : [],
    quickCheck: partText('quickCheck'),
    mistakes: parts.has('mistakes') ? readEntries(parts.get('mistakes')!.blocks, context) : [],
    explanation: partText('explanation'),
    pinned: attributes.pin,
    points: attributes.points ?? defaults.points,
    scoring: attributes.scoring ?? defaults.scoring,
    answerSpace: answerSpaceOf(attributes, defaults.answerSpace),
    pageBreak: attributes.pageBreak ?? false,
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
  const input: ItemInput = {
    context,
    attributes,
    defaults,
    heading: headingText,
    base,
    body,
    parts,
    place,
    fields: new Map(attributes.places),
    partText,
    misplaced,
  };
  const item = buildTyped(type, input, markers);
  if (place) context.places.set(item, place);
  context.fieldPlaces.set(item, input.fields);
  return { item, place, idPlace: attributes.id?.place ?? place };
}

function buildTyped(type: ItemType, input: ItemInput, markers: ClozeMarkers): Item {
  switch (type) {
    case 'flashcard':
      return buildFlashcard(input);
    case 'choice':
      return buildChoice(
        input,
        input.attributes.type === 'choice' || input.defaults.type === 'choice',
      );
    case 'explain':
      return buildExplain(input);
    case 'truefalse':
      return buildTrueFalse(input);
    case 'numeric':
      return buildNumeric(input);
    case 'short':
      return buildShortAnswer(input);
    case 'cloze':
      return buildCloze(input, markers);
    case 'matching':
      return buildMatching(input);
    case 'ordering':
      return buildOrdering(input);
    default:
      return assertNever(type);
  }
}
