import { choice, deckOf, everyTypeDeck, explain, flashcard } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { selectItems } from '../src/index.js';
import { loadDeck, seedDeck } from './parsed-decks.js';

const ids = (selected: ReturnType<typeof selectItems>) => selected.map(({ item }) => item.id);

const mixed = deckOf({
  Cards: [
    flashcard('c1', { level: 'beginner', tags: ['recall'] }),
    flashcard('c2', { level: 'advanced', tags: ['recall', 'hard-one'] }),
  ],
  Practice: [
    choice('e1', { difficulty: 'easy' }),
    choice('e2', { difficulty: 'easy' }),
    choice('e3', { difficulty: 'easy' }),
    choice('e4', { difficulty: 'easy' }),
    choice('m1', { difficulty: 'medium', tags: ['python'] }),
    choice('m2', { difficulty: 'medium' }),
    choice('h1', { difficulty: 'hard', tags: ['python'] }),
  ],
  Explain: [explain('x1')],
});

describe('selectItems', () => {
  it('should take every item in deck order without criteria', () => {
    expect(ids(selectItems(mixed))).toEqual([
      'c1',
      'c2',
      'e1',
      'e2',
      'e3',
      'e4',
      'm1',
      'm2',
      'h1',
      'x1',
    ]);
  });

  it('should match any value of a criterion and every given criterion', () => {
    expect(ids(selectItems(mixed, { types: ['flashcard', 'explain'] }))).toEqual([
      'c1',
      'c2',
      'x1',
    ]);
    expect(ids(selectItems(mixed, { tags: ['python', 'hard-one'] }))).toEqual(['c2', 'm1', 'h1']);
    expect(ids(selectItems(mixed, { levels: ['advanced'] }))).toEqual(['c2']);
    expect(ids(selectItems(mixed, { difficulties: ['medium', 'hard'] }))).toEqual([
      'm1',
      'm2',
      'h1',
    ]);
    expect(
      ids(selectItems(mixed, { types: ['choice'], tags: ['python'], difficulties: ['hard'] })),
    ).toEqual(['h1']);
    expect(selectItems(mixed, { types: ['explain'], levels: ['beginner'] })).toEqual([]);
  });

  it('should share a count evenly across difficulties and keep deck order', () => {
    const picked = selectItems(
      mixed,
      { difficulties: ['easy', 'medium', 'hard'], count: 5 },
      'seed',
    );
    expect(picked).toHaveLength(5);
    const by = (difficulty: string) => picked.filter(({ item }) => item.difficulty === difficulty);
    // 5 across three strata: hard has one item, so easy and medium share the other four.
    expect(by('hard')).toHaveLength(1);
    expect(by('medium')).toHaveLength(2);
    expect(by('easy')).toHaveLength(2);
    const order = ids(selectItems(mixed));
    const positions = ids(picked).map((id) => order.indexOf(id));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('should pick the same items for the same seed and other items for other seeds', () => {
    const pick = (seed: string) => ids(selectItems(mixed, { count: 4 }, seed));
    expect(pick('monday')).toEqual(pick('monday'));
    const picks = new Set(['a', 'b', 'c', 'd', 'e', 'f'].map((seed) => pick(seed).join()));
    expect(picks.size).toBeGreaterThan(1);
  });

  it('should mix the seed deck: ten questions across its strata', () => {
    const picked = selectItems(seedDeck(), { count: 10 }, 'seed');
    expect(picked).toHaveLength(10);
    const strata = new Set(picked.map(({ item }) => item.difficulty ?? item.level ?? item.type));
    // Difficulties easy, medium, hard; levels beginner, intermediate, advanced; plain choice and explain.
    expect(strata.size).toBe(8);
    const practice = selectItems(
      seedDeck(),
      { difficulties: ['easy', 'medium', 'hard'], count: 3 },
      'x',
    );
    expect(practice.map(({ item }) => item.difficulty)).toEqual(['easy', 'medium', 'hard']);
  });

  it('should take all matching items when the count is larger', () => {
    expect(selectItems(mixed, { types: ['flashcard'], count: 50 }, 's')).toHaveLength(2);
  });

  it('should select the new question types by type', () => {
    expect(ids(selectItems(everyTypeDeck(), { types: ['cloze', 'matching', 'ordering'] }))).toEqual(
      ['energy-sentence', 'si-units', 'method-steps'],
    );
    expect(ids(selectItems(everyTypeDeck(), { types: ['truefalse', 'numeric', 'short'] }))).toEqual(
      ['mass-weight', 'g-near-earth', 'kinetic-energy', 'force-unit'],
    );
  });

  it('should mix a count across question types and across the difficulties of a parsed deck', () => {
    // No difficulty or level: one stratum per type, so seven of eight items are one of each type.
    for (const seed of ['a', 'b', 'c']) {
      const picked = selectItems(everyTypeDeck(), { count: 7 }, seed);
      expect(new Set(picked.map(({ item }) => item.type)).size).toBe(7);
    }
    const physics = loadDeck(new URL('../../../content/physics.md', import.meta.url));
    const picked = selectItems(physics, { count: 4 }, 'mix');
    expect(picked.map(({ item }) => item.difficulty).sort()).toEqual([
      'easy',
      'easy',
      'medium',
      'medium',
    ]);
  });
});
