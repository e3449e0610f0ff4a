import { readFileSync } from 'node:fs';
import { type Deck, type DeckInput, RICH_NODE_TYPES, SCHEMA_VERSION } from '@quizmark/model';
import { everyTypeDeck } from '@quizmark/testing';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { jsonDescriptor, jsonRenderer, renderDeckJson } from '../src/index.js';

const schema = JSON.parse(
  readFileSync(new URL('../../model/schema/deck.schema.json', import.meta.url), 'utf8'),
) as object;
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

const rich = (markdown: string) => ({
  markdown,
  children: [
    { type: 'paragraph' as const, children: [{ type: 'text' as const, value: markdown }] },
  ],
});
const parts = {
  tags: ['t'],
  level: null,
  difficulty: 'easy' as const,
  hint: rich('hint'),
  steps: [{ title: 'Step', body: rich('body') }],
  quickCheck: null,
  mistakes: [rich('m')],
  explanation: null,
  pinned: false,
  points: null,
  scoring: null,
  answerSpace: { lines: null, height: null, style: null },
  pageBreak: false,
};
const deck: Deck = {
  schemaVersion: SCHEMA_VERSION,
  id: 'demo',
  title: 'Démo → ≥',
  topic: 'T',
  category: null,
  duration: '5 min',
  tags: ['a'],
  language: 'fr',
  description: null,
  author: 'Ada Lovelace',
  course: 'CHEM 101',
  date: '2024-09-01',
  version: '1.10',
  instructions: rich('Calculators allowed.'),
  fields: null,
  sections: [
    {
      id: 'demo-s',
      title: 'S',
      description: null,
      pageBreak: false,
      items: [
        {
          type: 'flashcard',
          id: 'demo-f',
          title: 'F',
          ...parts,
          front: rich('F'),
          back: rich('B'),
        },
        {
          type: 'choice',
          id: 'demo-c',
          title: 'C',
          ...parts,
          stem: {
            markdown: 'C\n\n```py\nx\n```',
            children: [
              { type: 'paragraph', children: [{ type: 'text', value: 'C' }] },
              { type: 'code', lang: 'py', value: 'x' },
            ],
          },
          options: [
            { key: 'a', text: rich('yes'), correct: true, pinned: false, feedback: null },
            {
              key: 'b',
              text: rich('no'),
              correct: false,
              pinned: true,
              feedback: rich('no is wrong'),
            },
          ],
          multiple: false,
          shuffle: true,
        },
        {
          type: 'explain',
          id: 'demo-e',
          title: 'E',
          ...parts,
          prompt: rich('E'),
          concepts: [rich('c1')],
        },
      ],
    },
  ],
};

describe('@quizmark/render-json', () => {
  it('should expose the public api', () => {
    expect(Object.keys(api).sort()).toEqual([
      'JsonOptionsSchema',
      'jsonDescriptor',
      'jsonRenderer',
      'renderDeckJson',
    ]);
  });

  it('should write JSON that the shipped JSON Schema accepts, with the schema version', () => {
    const json = JSON.parse(renderDeckJson(deck)) as Deck;
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json.schemaVersion).toBe(SCHEMA_VERSION);
    expect([json.author, json.course, json.date, json.version]).toEqual([
      'Ada Lovelace',
      'CHEM 101',
      '2024-09-01',
      '1.10',
    ]);
    expect(json.instructions?.markdown).toBe('Calculators allowed.');
  });

  it('should reject what the schema rejects', () => {
    const broken = JSON.parse(renderDeckJson(deck)) as {
      sections: Array<{ items: Array<{ type: string }> }>;
    };
    broken.sections[0]!.items[0]!.type = 'essay';
    expect(validate(broken)).toBe(false);
  });

  it('should order keys by the schema, not by the input object, with 2 spaces and a final newline', () => {
    const shuffled = Object.fromEntries(Object.entries(deck).reverse()) as Deck;
    const text = renderDeckJson(shuffled);
    expect(text).toBe(renderDeckJson(deck));
    expect(Object.keys(JSON.parse(text) as object).slice(0, 3)).toEqual([
      'schemaVersion',
      'id',
      'title',
    ]);
    expect(text.split('\n')[1]).toBe(`  "schemaVersion": "${SCHEMA_VERSION}",`);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('should render one file per deck with identical bytes every time', async () => {
    const input: DeckInput = { deck, name: 'demo', assets: new Map() };
    const first = await jsonRenderer.render({ decks: [input], options: {}, sourceDateEpoch: 0 });
    const second = await jsonRenderer.render({ decks: [input], options: {}, sourceDateEpoch: 99 });
    expect(first.map((file) => file.path)).toEqual(['demo.json']);
    expect(Buffer.from(first[0]!.bytes).equals(Buffer.from(second[0]!.bytes))).toBe(true);
    expect(new TextDecoder().decode(first[0]!.bytes)).toContain('"title": "Démo → ≥"');
  });

  it('should keep every question type with its answer data typed, as the JSON Schema says', () => {
    const json = JSON.parse(renderDeckJson(everyTypeDeck())) as Deck;
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    const items = json.sections.flatMap((section) => section.items);
    expect(new Set(items.map((item) => item.type))).toEqual(
      new Set(['truefalse', 'numeric', 'short', 'cloze', 'matching', 'ordering', 'choice']),
    );
    const byId = new Map(items.map((item) => [item.id, item]));
    expect(byId.get('kinetic-energy')).toMatchObject({
      answer: { kind: 'percent', value: 9, tolerance: 2, unit: 'J' },
    });
    expect(byId.get('mass-weight')).toMatchObject({ answer: false });
    expect(byId.get('force-unit')).toMatchObject({
      answers: ['newton', 'N'],
      caseSensitive: false,
    });
    const sentence = byId.get('energy-sentence');
    expect(JSON.stringify(sentence)).toContain(
      '{"type":"cloze","number":2,"answer":"watts","hint":"named after a Scottish engineer"}',
    );
    const vector = byId.get('vector');
    if (vector?.type !== 'choice') throw new Error('expected the choice');
    expect(vector.options.map((option) => option.feedback?.markdown ?? null)).toEqual([
      'Speed has magnitude only; velocity adds a direction.',
      'Right: velocity has both magnitude and direction.',
      null,
    ]);
    // Every field is present: an option without feedback says so with null.
    expect(renderDeckJson(everyTypeDeck()).match(/"feedback": null/g)).toHaveLength(1);
  });

  it('should keep math as its TeX, inline and display, valid against the JSON Schema', () => {
    const stem = {
      markdown: 'Energy $E = mc^2$ and\n\n$$\n\\frac{1}{2} m v^2\n$$',
      children: [
        {
          type: 'paragraph' as const,
          children: [
            { type: 'text' as const, value: 'Energy ' },
            { type: 'inlineMath' as const, value: 'E = mc^2' },
            { type: 'text' as const, value: ' and' },
          ],
        },
        { type: 'math' as const, value: '\\frac{1}{2} m v^2' },
      ],
    };
    const section = deck.sections[0]!;
    const [flashcard] = section.items;
    if (flashcard?.type !== 'flashcard') throw new Error('expected the flashcard');
    const withMath: Deck = {
      ...deck,
      sections: [{ ...section, items: [{ ...flashcard, front: stem }] }],
    };
    const text = renderDeckJson(withMath);
    const json = JSON.parse(text) as Deck;
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    const front = json.sections[0]!.items[0]!;
    if (front.type !== 'flashcard') throw new Error('expected the flashcard');
    expect(front.front).toEqual(stem);
    expect(text).toContain('"type": "inlineMath",\n');
    expect(text).toContain('"value": "\\\\frac{1}{2} m v^2"');
    // The output says it carries math: no warning that it is lost.
    expect(jsonDescriptor.carries.nodes).toEqual(expect.arrayContaining(['inlineMath', 'math']));
    expect(RICH_NODE_TYPES).toEqual(expect.arrayContaining(['inlineMath', 'math']));
    // A math node without its TeX is no math node.
    const broken = JSON.parse(text) as {
      sections: Array<{ items: Array<{ front: typeof stem }> }>;
    };
    delete (broken.sections[0]!.items[0]!.front.children[1] as { value?: string }).value;
    expect(validate(broken)).toBe(false);
  });

  it('should refuse answer data of the wrong JSON type', () => {
    const json = JSON.parse(renderDeckJson(everyTypeDeck())) as {
      sections: Array<{ items: Array<Record<string, unknown>> }>;
    };
    const numeric = json.sections[0]!.items.find((item) => item.type === 'numeric')!;
    (numeric.answer as Record<string, unknown>).min = '9.76';
    expect(validate(json)).toBe(false);
    const ordering = json.sections[0]!.items.find((item) => item.type === 'ordering')!;
    numeric.answer = JSON.parse(renderDeckJson(everyTypeDeck())).sections[0].items[1].answer;
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    ordering.sequence = (ordering.sequence as unknown[]).slice(0, 1);
    expect(validate(json)).toBe(false);
  });
});
