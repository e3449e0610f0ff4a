import { readFileSync } from 'node:fs';
import { collectionRequest, deckInput, selfCheckDeck } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { htmlRenderer } from '../src/index.js';
import { PROGRESS_SCHEMA, progressValidator } from './progress-schema.js';

// progress.schema.json: what Export progress writes and the docs describe.

const full = () => ({
  format: 'quizmark-progress',
  version: 1,
  deck: { id: 'mlops-basics', title: 'MLOps' },
  updated: '2026-03-02T10:00:00.000Z',
  exported: '2026-03-02T10:05:00.000Z',
  items: {
    'main-goal': { version: 'v1', read: { correct: true, at: '2026-03-01T09:00:00.000Z' } },
    'explain-mlops': { version: 'v2', concepts: [true, false, true] },
    'what-is-drift': {
      version: 'v3',
      card: {
        due: '2026-03-03T10:00:00.000Z',
        stability: 3.2,
        difficulty: 5.1,
        elapsed_days: 0,
        scheduled_days: 1,
        learning_steps: 0,
        reps: 1,
        lapses: 0,
        state: 2,
        last_review: '2026-03-02T10:00:00.000Z',
      },
      reviews: [
        { at: '2026-03-02T10:00:00.000Z', rating: 3, state: 2, due: '2026-03-03T10:00:00.000Z' },
      ],
      practice: {
        revealed: 3,
        text: 'Models drift when data changes.',
        done: '2026-03-02T10:01:00.000Z',
        current: true,
      },
    },
  },
  tests: [
    {
      at: '2026-03-02T10:00:00.000Z',
      seed: 'attempt-1',
      score: 1,
      total: 2,
      byDifficulty: {
        easy: { right: 1, total: 1 },
        medium: { right: 0, total: 0 },
        hard: { right: 0, total: 1 },
        unrated: { right: 0, total: 0 },
      },
      items: [
        { id: 'main-goal', correct: true, difficulty: 'easy', answer: 'D. To automate' },
        { id: 'what-is-drift', correct: false, difficulty: null },
      ],
    },
  ],
});

describe('progress.schema.json', () => {
  const validate = progressValidator();
  const errors = () => JSON.stringify(validate.errors);

  it('should compile under Ajv 8 strict mode as draft 2020-12', () => {
    expect(PROGRESS_SCHEMA.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(typeof validate).toBe('function');
  });

  it('should accept every field the modes keep, and a fresh document', () => {
    expect(validate(full()), errors()).toBe(true);
    const fresh = { ...full(), updated: null, items: {}, tests: [] };
    delete (fresh as { exported?: string }).exported;
    expect(validate(fresh), errors()).toBe(true);
  });

  it('should accept fields a later page adds inside records', () => {
    const doc = full();
    Object.assign(doc.items['main-goal'], { starred: true });
    Object.assign(doc.items['what-is-drift'].card, { extra: 1 });
    Object.assign(doc.tests[0]!, { minutes: 4 });
    expect(validate(doc), errors()).toBe(true);
  });

  it.each([
    [
      'a wrong format',
      (doc: ReturnType<typeof full>) => Object.assign(doc, { format: 'quizmark-study' }),
    ],
    ['another version', (doc: ReturnType<typeof full>) => Object.assign(doc, { version: 2 })],
    [
      'an unknown top-level field',
      (doc: ReturnType<typeof full>) => Object.assign(doc, { learner: 'x' }),
    ],
    ['no tests', (doc: ReturnType<typeof full>) => Reflect.deleteProperty(doc, 'tests')],
    [
      'a record without version',
      (doc: ReturnType<typeof full>) => Reflect.deleteProperty(doc.items['main-goal'], 'version'),
    ],
    [
      'a due that is not a date',
      (doc: ReturnType<typeof full>) =>
        Object.assign(doc.items['what-is-drift'].card, { due: 'tomorrow' }),
    ],
    [
      'a rating of 5',
      (doc: ReturnType<typeof full>) =>
        Object.assign(doc.items['what-is-drift'].reviews[0]!, { rating: 5 }),
    ],
    [
      'a score that is not a number',
      (doc: ReturnType<typeof full>) => Object.assign(doc.tests[0]!, { score: '1' }),
    ],
    [
      'an item id that is not a slug',
      (doc: ReturnType<typeof full>) =>
        Object.assign(doc.items, { 'Not A Slug': { version: 'v' } }),
    ],
  ])('should reject %s', (_name, spoil) => {
    const doc = full();
    spoil(doc);
    expect(validate(doc)).toBe(false);
  });

  it('should ship with the package, as ./progress.schema.json', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(manifest.exports['./progress.schema.json']).toBe('./progress.schema.json');
    expect(manifest.files).toContain('progress.schema.json');
  });
});

describe('index.html progress hooks', () => {
  const decks = [deckInput(selfCheckDeck(), 'sample')];
  const index = async (view: 'both' | 'study' | 'answers') => {
    const request = { decks, options: { view }, sourceDateEpoch: 0 };
    const [file] = await htmlRenderer.renderCollection!(collectionRequest(request));
    return new TextDecoder().decode(file!.bytes);
  };

  it('should give each study deck a hidden progress line with its item count, and the script', async () => {
    const html = await index('both');
    const total = selfCheckDeck().sections.reduce((sum, section) => sum + section.items.length, 0);
    expect(html).toContain(
      `<p class="deck-progress" data-progress-deck="${selfCheckDeck().id}" data-progress-items="${total}" hidden></p>`,
    );
    expect(html).toContain("<script>// index.html: each deck's progress");
    expect(html).toMatch(/script-src &#x27;sha256-/);
    expect(await index('study')).toContain('class="deck-progress"');
  });

  it('should have no progress line when the decks have no study page', async () => {
    expect(await index('answers')).not.toContain('class="deck-progress"');
  });
});
