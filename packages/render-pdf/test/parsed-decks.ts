import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
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

/** A one-colour RGB PNG of the given size, to test image scaling without fixture files. */
export function solidPng(width: number, height: number): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x40)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
