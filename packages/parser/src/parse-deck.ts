import {
  compareDiagnostics,
  type Deck,
  DeckSchema,
  hasErrors,
  type Item,
  type RichText,
  SCHEMA_VERSION,
  type Section,
} from '@quizmark/model';
import type { Heading, Root, RootContent } from 'mdast';
import { readAttributes } from './attributes.js';
import { replaceControlCharacters } from './control-characters.js';
import { decodeSource } from './decode-source.js';
import { collectDefinitions } from './definitions.js';
import { DiagnosticList } from './diagnostic-list.js';
import { readFrontmatter } from './frontmatter.js';
import { readAttributedText } from './heading.js';
import { checkFileSize, findTooDeep, type LimitProblem, scanMarkdown } from './input-limits.js';
import { buildItem, type ItemDefaults } from './item.js';
import { LineIndex, type Place } from './line-index.js';
import type { ParseContext } from './parse-context.js';
import type { ImageReference, ItemPosition, ParseOptions, ParseResult } from './parse-result.js';
import { answerSpaceOf } from './print-defaults.js';
import { markdownTree } from './processor.js';
import { isHtmlComment, RichTextBuilder } from './rich-text-builder.js';
import { reportSchemaIssues } from './schema-issues.js';
import { deriveId } from './slug.js';

/** Id used to derive item ids when the deck has none (the deck is rejected anyway). */
const PLACEHOLDER_DECK_ID = 'deck';
const FILE_START: Place = { start: { line: 1, column: 1 } };

interface ItemDraft {
  heading: Heading;
  blocks: RootContent[];
}

interface SectionDraft {
  /** Null for `###` items written before the first `##`: they are titled as the deck. */
  heading: Heading | null;
  description: RootContent[];
  items: ItemDraft[];
}

interface Outline {
  h1: Heading | null;
  description: RootContent[];
  sections: SectionDraft[];
}

/** `---` lines between items are visual separators, not content. */
function withoutTrailingBreaks(blocks: RootContent[]): RootContent[] {
  let end = blocks.length;
  while (end > 0 && blocks[end - 1]!.type === 'thematicBreak') end--;
  return end === blocks.length ? blocks : blocks.slice(0, end);
}

/** One pass over the top-level blocks: deck preamble, `##` sections, `###` items. */
function outline(children: readonly RootContent[], context: ParseContext): Outline {
  const result: Outline = { h1: null, description: [], sections: [] };
  let mode: 'preamble' | 'section' | 'item' | 'skip' = 'preamble';
  for (const node of children) {
    if (node.type === 'yaml') continue;
    if (node.type === 'heading' && node.depth <= 3) {
      if (node.depth === 1) {
        if (mode === 'preamble' && result.h1 === null && result.description.length === 0) {
          result.h1 = node;
          continue;
        }
        context.list.report(
          'unexpected-content',
          'expected a single `# Title` before the first `##` section, found another `#` heading: it and its content are left out',
          node.position,
        );
        mode = 'skip';
      } else if (node.depth === 2) {
        result.sections.push({ heading: node, description: [], items: [] });
        mode = 'section';
      } else {
        let section = result.sections[result.sections.length - 1];
        if (!section) {
          // Dropping them would lose every question of a deck written without sections.
          context.list.report(
            'unexpected-content',
            'expected a `## Section` heading before the first `###` item, found items outside any section: they make a section of their own, titled as the deck; add a `## …` heading above them to name it',
            node.position,
          );
          section = { heading: null, description: [], items: [] };
          result.sections.push(section);
        }
        section.items.push({ heading: node, blocks: [] });
        mode = 'item';
      }
      continue;
    }
    const section = result.sections[result.sections.length - 1];
    if (mode === 'item') {
      section!.items[section!.items.length - 1]!.blocks.push(node);
    } else if (mode !== 'skip') {
      if (node.type === 'heading') {
        context.list.report(
          'unexpected-content',
          `expected \`###\` items under a \`##\` section, found a \`${'#'.repeat(node.depth)}\` heading outside any item: it and its content are left out`,
          node.position,
        );
        mode = 'skip';
      } else if (node.type !== 'definition' && !isHtmlComment(node)) {
        (mode === 'preamble' ? result.description : section!.description).push(node);
      }
    }
  }
  return result;
}

function joinRichText(first: RichText | null, second: RichText | null): RichText | null {
  if (!first || first.children.length === 0) return second?.children.length ? second : null;
  if (!second || second.children.length === 0) return first;
  return {
    markdown: `${first.markdown}\n\n${second.markdown}`,
    children: [...first.children, ...second.children],
  };
}

function buildDeck(
  tree: Root,
  context: ParseContext,
  itemPositions: Map<string, ItemPosition>,
): Deck | null {
  const { list, builder } = context;
  const yaml = tree.children[0]?.type === 'yaml' ? tree.children[0] : null;
  const frontmatter = readFrontmatter(yaml, context);
  const parts = outline(tree.children, context);

  if (frontmatter.id === null && frontmatter.readable) {
    list.report(
      'deck-no-id',
      yaml
        ? 'expected an `id` in the frontmatter (`id: my-deck`), found none'
        : 'expected frontmatter with an `id` and a `title` (`---` / `id: my-deck` / `title: My deck` / `---`) at the start of the file, found none',
      yaml?.position ?? FILE_START,
    );
  }
  const deckId = frontmatter.id ?? PLACEHOLDER_DECK_ID;
  let title = frontmatter.title;
  if (title === null && parts.h1) title = readAttributedText(parts.h1, context).title || null;
  if (title === null && frontmatter.readable) {
    list.report(
      'deck-no-title',
      'expected a `title` in the frontmatter or a `# Title` heading before the first section, found neither',
      yaml?.position ?? FILE_START,
    );
  }

  const deckDefaults: ItemDefaults = {
    type: null,
    level: frontmatter.level,
    difficulty: frontmatter.difficulty,
    tags: [],
    multiple: null,
    shuffle: frontmatter.shuffle,
    caseSensitive: null,
    points: frontmatter.points,
    scoring: frontmatter.scoring,
    answerSpace: frontmatter.answerSpace,
  };
  const seen = new Map<string, Place | null>();
  const claim = (id: string, place: Place | null, kind: string): void => {
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, place);
      return;
    }
    list.report(
      'duplicate-id',
      `expected unique ids in a deck, found ${kind} id \`${id}\` again (first used on line ${first?.start.line ?? 1}); give one of them an explicit \`{#id}\``,
      place,
    );
  };

  const sections: Section[] = [];
  // A deck of `##` questions: say so once, at the first of them.
  let headingHint = !parts.sections.some((draft) => draft.items.length > 0);
  for (const draft of parts.sections) {
    const heading = draft.heading
      ? readAttributedText(draft.heading, context)
      : { title: title ?? PLACEHOLDER_DECK_ID, attributes: null };
    const attributes = readAttributes(heading.attributes, 'section', list);
    const place = draft.heading?.position ?? null;
    if (heading.title === '') {
      list.report(
        'title-empty',
        'expected the section heading to have text (`## Quiz`), found none',
        place,
      );
    }
    const id = attributes.id?.value ?? deriveId(deckId, heading.title);
    claim(id, attributes.id?.place ?? place, 'section');
    const defaults: ItemDefaults = {
      type: attributes.type ?? deckDefaults.type,
      level: attributes.level ?? deckDefaults.level,
      difficulty: attributes.difficulty ?? deckDefaults.difficulty,
      tags: attributes.tags ?? deckDefaults.tags,
      multiple: attributes.multiple ?? deckDefaults.multiple,
      shuffle: attributes.shuffle ?? deckDefaults.shuffle,
      caseSensitive: attributes.caseSensitive ?? deckDefaults.caseSensitive,
      points: attributes.points ?? deckDefaults.points,
      scoring: attributes.scoring ?? deckDefaults.scoring,
      answerSpace: answerSpaceOf(attributes, deckDefaults.answerSpace),
    };
    const items: Item[] = [];
    for (const itemDraft of draft.items) {
      const built = buildItem(
        itemDraft.heading,
        withoutTrailingBreaks(itemDraft.blocks),
        defaults,
        deckId,
        context,
      );
      const before = seen.size;
      claim(built.item.id, built.idPlace, 'item');
      if (seen.size > before && built.place) {
        itemPositions.set(built.item.id, {
          line: built.place.start.line,
          column: built.place.start.column,
        });
      }
      items.push(built.item);
    }
    if (items.length === 0) {
      const hint =
        headingHint && draft.description.length > 0
          ? `; did you mean \`### ${heading.title}\`? Questions are \`###\` headings, under \`##\` sections`
          : '';
      if (hint) headingHint = false;
      list.report(
        'section-empty',
        `expected \`###\` items in section \`${heading.title}\`, found none${hint}`,
        place,
      );
    }
    const description = builder.richText(withoutTrailingBreaks(draft.description), 2);
    const section: Section = {
      id,
      title: heading.title,
      description: description.children.length > 0 ? description : null,
      pageBreak: attributes.pageBreak ?? false,
      items,
    };
    if (place) context.places.set(section, place);
    context.fieldPlaces.set(section, attributes.places);
    sections.push(section);
  }
  if (parts.sections.length === 0) {
    list.report(
      'deck-empty',
      'expected at least one `## Section` with `###` items, found none',
      FILE_START,
    );
  }

  const deck: Deck = {
    schemaVersion: SCHEMA_VERSION,
    id: deckId,
    title: title ?? '',
    topic: frontmatter.topic,
    category: frontmatter.category,
    duration: frontmatter.duration,
    tags: frontmatter.tags,
    language: frontmatter.language,
    description: joinRichText(
      frontmatter.description,
      builder.richText(withoutTrailingBreaks(parts.description), 1),
    ),
    author: frontmatter.author,
    course: frontmatter.course,
    date: frontmatter.date,
    version: frontmatter.version,
    instructions: frontmatter.instructions,
    fields: frontmatter.fields,
    sections,
  };
  context.places.set(deck, yaml?.position ?? FILE_START);
  context.fieldPlaces.set(deck, frontmatter.places);

  // Schema issues are a safety net behind the checks above; they would only
  // repeat problems already reported, so the schema runs on clean decks.
  if (hasErrors(list.diagnostics)) return null;
  const checked = DeckSchema.safeParse(deck);
  if (checked.success) return checked.data;
  reportSchemaIssues(deck, checked.error.issues, context);
  return null;
}

/** The Markdown tree of a deck, unless the text is too deep or too complex to parse safely. */
function parseMarkdown(text: string): { tree: Root } | { problem: LimitProblem } {
  const refused = scanMarkdown(text);
  if (refused) return { problem: refused };
  const tree = markdownTree(text);
  const tooDeep = findTooDeep(tree);
  return tooDeep ? { problem: tooDeep } : { tree };
}

/**
 * Parses one Markdown deck into the quizmark model. Never throws on content:
 * every problem is a positioned diagnostic, and `deck` is null when any of
 * them is an error.
 */
export function parseDeck(source: string | Uint8Array, options: ParseOptions): ParseResult {
  if (typeof options?.file !== 'string') {
    throw new TypeError('parseDeck: expected `options.file` to be a string');
  }
  if (typeof source !== 'string' && !(source instanceof Uint8Array)) {
    throw new TypeError('parseDeck: expected the source to be a string or a Uint8Array');
  }
  const list = new DiagnosticList(options.file);
  const images: ImageReference[] = [];
  const itemPositions = new Map<string, ItemPosition>();
  let deck: Deck | null = null;
  try {
    const tooLarge = checkFileSize(
      typeof source === 'string' ? utf8Length(source) : source.byteLength,
    );
    const decoded = tooLarge ? null : decodeSource(source);
    if (tooLarge) {
      list.report(tooLarge.ruleId, tooLarge.message, { start: tooLarge.point });
    } else if (!decoded!.ok) {
      list.report('encoding-not-utf8', decoded!.message, { start: decoded!.point });
    } else {
      // Offsets and columns do not move: `\r` only ever ends a line.
      const lines = decoded!.text.includes('\r')
        ? decoded!.text.replace(/\r\n?/g, '\n')
        : decoded!.text;
      const controls = replaceControlCharacters(lines);
      const text = controls?.text ?? lines;
      if (controls) {
        const many =
          controls.count === 1
            ? 'a control character'
            : `${controls.count} control characters, the first`;
        list.report(
          'control-character',
          `expected text, found ${many} ${controls.name} (from a terminal or a broken editor?): ${controls.count === 1 ? 'it is' : 'they are'} shown as \ufffd; remove ${controls.count === 1 ? 'it' : 'them'}`,
          { start: new LineIndex(text).point(controls.first) },
        );
      }
      const parsed = parseMarkdown(text);
      if ('problem' in parsed) {
        const { ruleId, message, point } = parsed.problem;
        list.report(ruleId, message, { start: point });
      } else {
        const { tree } = parsed;
        const context: ParseContext = {
          source: text,
          lines: new LineIndex(text),
          list,
          builder: new RichTextBuilder({
            source: text,
            list,
            images,
            definitions: collectDefinitions(tree),
          }),
          images,
          places: new WeakMap(),
          fieldPlaces: new WeakMap(),
        };
        deck = buildDeck(tree, context, itemPositions);
      }
    }
  } catch (error) {
    // The limits above keep honest and hostile decks well inside the stack;
    // should one still overflow it, the author hears why, not a crash.
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      list.report(
        'input-too-deep',
        'expected content nested less deeply: the file is nested too deep to read; flatten its lists, quotes and emphasis',
        FILE_START,
      );
      deck = null;
    } else {
      list.report(
        'internal-error',
        `expected to parse the file, but the parser failed: ${error instanceof Error ? error.message : String(error)}`,
        FILE_START,
      );
      deck = null;
    }
  }
  const diagnostics = list.diagnostics.sort(compareDiagnostics);
  // Parts are read before options, descriptions last: report in document order.
  images.sort((a, b) => a.line - b.line || a.column - b.column);
  return {
    file: options.file,
    deck: hasErrors(diagnostics) ? null : deck,
    diagnostics,
    images,
    itemPositions: Object.fromEntries(itemPositions),
  };
}

/** Bytes of a string in UTF-8, without encoding it. */
function utf8Length(text: string): number {
  let length = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) length += 1;
    else if (code < 0x800) length += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      length += 4;
      index++;
    } else length += 3;
  }
  return length;
}
