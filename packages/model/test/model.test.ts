import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as model from '../src/index.js';
import {
  type Deck,
  DeckSchema,
  deckJsonSchema,
  type ITEM_TYPES,
  ItemSchema,
  type RichText,
  SCHEMA_VERSION,
} from '../src/index.js';

const rich = (markdown: string): RichText => ({
  markdown,
  children: [{ type: 'paragraph', children: [{ type: 'text', value: markdown }] }],
});

const base = {
  tags: [],
  level: null,
  difficulty: null,
  hint: null,
  steps: [],
  quickCheck: null,
  mistakes: [],
  explanation: null,
  pinned: false,
  points: null,
  scoring: null,
  answerSpace: { lines: null, height: null, style: null },
  pageBreak: false,
};

const choice = (correct: boolean[], multiple = false) => ({
  type: 'choice' as const,
  id: 'q1',
  title: 'Q?',
  ...base,
  stem: rich('Q?'),
  options: correct.map((isCorrect, index) => ({
    key: String.fromCharCode(97 + index),
    text: rich(`option ${index}`),
    correct: isCorrect,
    pinned: false,
    feedback: null,
  })),
  multiple,
  shuffle: true,
});

describe('@quizmark/model', () => {
  it('should expose the public api', () => {
    expect(Object.keys(model).sort()).toMatchSnapshot();
  });

  it('should accept a minimal deck and infer its type', () => {
    const deck: Deck = {
      schemaVersion: SCHEMA_VERSION,
      id: 'demo',
      title: 'Demo',
      topic: null,
      category: null,
      duration: null,
      tags: [],
      language: 'en',
      description: null,
      author: null,
      course: null,
      date: null,
      version: null,
      instructions: null,
      fields: null,
      sections: [
        {
          id: 'demo-s',
          title: 'S',
          description: null,
          pageBreak: false,
          items: [choice([true, false])],
        },
      ],
    };
    expect(DeckSchema.parse(deck)).toEqual(deck);
    expectTypeOf(deck.sections[0]!.items[0]!.type).toEqualTypeOf<(typeof ITEM_TYPES)[number]>();
  });

  it('should reject a choice with no correct option', () => {
    const result = ItemSchema.safeParse(choice([false, false]));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('a choice needs a correct option');
  });

  it('should reject a single-answer choice with two correct options but accept a multiple one', () => {
    expect(ItemSchema.safeParse(choice([true, true])).success).toBe(false);
    expect(ItemSchema.safeParse(choice([true, true], true)).success).toBe(true);
  });

  it('should ship a JSON Schema that matches the zod schemas', () => {
    const shipped = JSON.parse(
      readFileSync(new URL('../schema/deck.schema.json', import.meta.url), 'utf8'),
    ) as unknown;
    // If this fails, run `pnpm --filter @quizmark/model schema` and commit the result.
    expect(shipped).toEqual(deckJsonSchema());
  });
});

describe('toPlainText', () => {
  it('should flatten rich text and drop the tags of raw HTML', async () => {
    const { toPlainText } = await import('../src/index.js');
    expect(
      toPlainText({
        markdown: '',
        children: [
          {
            type: 'paragraph',
            children: [
              { type: 'strong', children: [{ type: 'text', value: 'Bold' }] },
              { type: 'html', value: '<b onclick="x">&amp; tags</b>' },
            ],
          },
          { type: 'code', lang: 'js', value: 'let a = 1;' },
          {
            type: 'list',
            ordered: false,
            start: null,
            children: [
              {
                type: 'listItem',
                checked: null,
                children: [{ type: 'paragraph', children: [{ type: 'inlineCode', value: 'x' }] }],
              },
            ],
          },
        ],
      }),
    ).toBe('Bold& tags\n\nlet a = 1;\n\nx');
  });
});

describe('summarizeDeck', () => {
  it('should count items by type and per section, and copy the header', async () => {
    const { summarizeDeck } = await import('../src/index.js');
    const card = (id: string) => ({
      type: 'flashcard' as const,
      id,
      title: id,
      ...base,
      front: rich(id),
      back: rich(id),
    });
    const summary = summarizeDeck({
      schemaVersion: SCHEMA_VERSION,
      id: 'd',
      title: 'D',
      topic: 'T',
      category: null,
      duration: '5 min',
      tags: ['x'],
      language: 'en',
      description: null,
      author: null,
      course: null,
      date: null,
      version: null,
      instructions: null,
      fields: null,
      sections: [
        {
          id: 's1',
          title: 'One',
          description: null,
          pageBreak: false,
          items: [card('a'), card('b'), choice([true, false])],
        },
        { id: 's2', title: 'Two', description: null, pageBreak: false, items: [] },
      ],
    });
    expect(summary).toEqual({
      id: 'd',
      title: 'D',
      topic: 'T',
      category: null,
      duration: '5 min',
      tags: ['x'],
      language: 'en',
      counts: {
        flashcard: 2,
        choice: 1,
        explain: 0,
        truefalse: 0,
        numeric: 0,
        short: 0,
        cloze: 0,
        matching: 0,
        ordering: 0,
        total: 3,
      },
      sections: [
        { id: 's1', title: 'One', items: 3 },
        { id: 's2', title: 'Two', items: 0 },
      ],
    });
  });
});
