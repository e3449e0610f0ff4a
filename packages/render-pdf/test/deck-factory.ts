import { readFileSync } from 'node:fs';
import {
  type Asset,
  type Choice,
  type Deck,
  type Difficulty,
  type Explain,
  type Flashcard,
  type Item,
  type Level,
  type RichText,
  SCHEMA_VERSION,
} from '@quizmark/model';
import { parseDeck } from '@quizmark/parser';

// Decks for the tests: the shipped seed deck and a fixture, both through the
// real parser, and small hand-built decks for the pure steps.

export function loadDeck(url: URL): Deck {
  const result = parseDeck(readFileSync(url, 'utf8'), { file: url.pathname });
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (!result.deck || errors.length > 0)
    throw new Error(`fixture ${url.pathname} does not parse: ${JSON.stringify(errors)}`);
  return result.deck;
}

export const seedDeck = (): Deck => loadDeck(new URL('../../../content/mlops.md', import.meta.url));

export const polyglotDeck = (): Deck =>
  loadDeck(new URL('./fixtures/polyglot.md', import.meta.url));

export const polyglotAssets = (): Map<string, Asset> =>
  new Map([
    [
      'diagram.png',
      {
        url: 'diagram.png',
        path: 'diagram.png',
        mediaType: 'image/png',
        bytes: readFileSync(new URL('./fixtures/diagram.png', import.meta.url)),
      },
    ],
  ]);

export function rich(text: string): RichText {
  return {
    markdown: text,
    children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }],
  };
}

interface ItemFields {
  level?: Level;
  difficulty?: Difficulty;
  tags?: string[];
  pinned?: boolean;
}

function base(id: string, fields: ItemFields) {
  return {
    id,
    title: `Question ${id}`,
    tags: fields.tags ?? [],
    level: fields.level ?? null,
    difficulty: fields.difficulty ?? null,
    hint: null,
    steps: [],
    quickCheck: null,
    mistakes: [],
    explanation: null,
    pinned: fields.pinned ?? false,
  };
}

export function choice(
  id: string,
  fields: ItemFields & { options?: string[]; pinnedOptions?: number[]; shuffle?: boolean } = {},
): Choice {
  const texts = fields.options ?? ['one', 'two', 'three', 'four'];
  return {
    type: 'choice',
    ...base(id, fields),
    stem: rich(`Question ${id}`),
    options: texts.map((text, index) => ({
      key: String.fromCharCode(97 + index),
      text: rich(`${id} ${text}`),
      correct: index === 0,
      pinned: fields.pinnedOptions?.includes(index) ?? false,
    })),
    multiple: false,
    shuffle: fields.shuffle ?? true,
  };
}

export function flashcard(id: string, fields: ItemFields = {}): Flashcard {
  return {
    type: 'flashcard',
    ...base(id, fields),
    front: rich(`Question ${id}`),
    back: rich(`Answer ${id}`),
  };
}

export function explain(id: string, fields: ItemFields = {}): Explain {
  return {
    type: 'explain',
    ...base(id, fields),
    prompt: rich(`Question ${id}`),
    concepts: [rich(`${id} first point`), rich(`${id} second point`)],
  };
}

export function deckOf(sections: Record<string, Item[]>, id = 'test-deck'): Deck {
  return {
    schemaVersion: SCHEMA_VERSION,
    id,
    title: 'Test deck',
    topic: null,
    category: null,
    duration: null,
    tags: [],
    language: 'en',
    description: null,
    sections: Object.entries(sections).map(([title, items]) => ({
      id: title.toLowerCase(),
      title,
      description: null,
      items,
    })),
  };
}

/** Question ids of a plan in printed order. */
export function printedIds(plan: {
  sections: Array<{ questions: Array<{ item: Item }> }>;
}): string[] {
  return plan.sections.flatMap((section) => section.questions.map((question) => question.item.id));
}
