import type { Item, RichText } from '@quizmark/model';
import { choice, deckOf, everyTypeDeck, flashcard, matching, ordering } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { planVersions } from '../src/index.js';
import { seedDeck } from './parsed-decks.js';

/** Question ids of a plan in printed order. */
function printedIds(plan: { sections: Array<{ questions: Array<{ item: Item }> }> }): string[] {
  return plan.sections.flatMap((section) => section.questions.map((question) => question.item.id));
}

const optionKeys = (plan: ReturnType<typeof planVersions>[number], id: string) =>
  plan.sections
    .flatMap((section) => section.questions)
    .find((question) => question.item.id === id)!
    .options.map((option) => option.key)
    .join('');

const many = deckOf({
  Quiz: Array.from({ length: 12 }, (_, index) =>
    choice(`q${index + 1}`, { pinned: index === 0 || index === 11, pinnedOptions: [3] }),
  ),
  Fixed: [choice('fixed', { shuffle: false, options: ['1', '2', '3', '4', '5'] })],
});

describe('planVersions', () => {
  it("should keep the author's order for one version without a seed", () => {
    const [plan, ...rest] = planVersions(seedDeck());
    expect(rest).toEqual([]);
    expect(plan!.version).toBeNull();
    expect(printedIds(plan!)).toEqual(
      seedDeck().sections.flatMap((section) => section.items.map((item) => item.id)),
    );
    expect(plan!.sections.flatMap((s) => s.questions.map((q) => q.number))).toEqual(
      Array.from({ length: 17 }, (_, index) => index + 1),
    );
    expect(optionKeys(plan!, 'deploy-threshold')).toBe('abcd');
  });

  it('should give each version the same questions in its own order', () => {
    const plans = planVersions(many, { versions: 4, seed: 'term-1' });
    expect(plans.map((plan) => plan.version)).toEqual(['A', 'B', 'C', 'D']);
    const orders = plans.map((plan) => printedIds(plan).join());
    expect(new Set(orders).size).toBe(4);
    for (const plan of plans)
      expect([...printedIds(plan)].sort()).toEqual([...printedIds(plans[0]!)].sort());
  });

  it('should keep pinned questions, pinned options and unshuffled choices in place', () => {
    for (const plan of planVersions(many, { versions: 5, seed: 'pins' })) {
      const ids = printedIds(plan);
      expect(ids[0]).toBe('q1');
      expect(ids[11]).toBe('q12');
      expect(ids[12]).toBe('fixed');
      for (const id of ids.slice(0, 12)) expect(optionKeys(plan, id)[3]).toBe('d');
      expect(optionKeys(plan, 'fixed')).toBe('abcde');
    }
    const shuffledOptions = planVersions(many, { versions: 5, seed: 'pins' }).flatMap((plan) =>
      printedIds(plan)
        .slice(0, 12)
        .map((id) => optionKeys(plan, id)),
    );
    expect(new Set(shuffledOptions).size).toBeGreaterThan(1);
  });

  it('should reproduce the same versions from the same seed, and others from another', () => {
    const order = (seed: string) =>
      planVersions(many, { versions: 3, seed }).map((plan) => printedIds(plan).join());
    expect(order('same')).toEqual(order('same'));
    expect(order('same')).not.toEqual(order('other'));
  });

  it('should shuffle within sections and keep the sections in order', () => {
    const plans = planVersions(seedDeck(), { versions: 3, seed: 'monday' });
    for (const plan of plans) {
      expect(plan.sections.map((section) => section.section.title)).toEqual([
        'Recall & Review',
        'Quiz',
        'Explain',
        'Practice',
      ]);
      expect(plan.questionCount).toBe(17);
    }
  });

  it('should avoid repeating an order while another order exists', () => {
    // Two questions have two orders: two versions must use both.
    const two = deckOf({ Cards: [flashcard('a'), flashcard('b')] });
    for (const seed of ['1', '2', '3', '4', '5', '6']) {
      const orders = planVersions(two, { versions: 2, seed }).map((plan) =>
        printedIds(plan).join(),
      );
      expect(new Set(orders).size).toBe(2);
    }
  });

  it('should apply the selection before planning', () => {
    const [plan] = planVersions(seedDeck(), { seed: 'x', select: { types: ['explain'] } });
    expect(plan!.questionCount).toBe(2);
    expect(plan!.sections.map((section) => section.section.title)).toEqual(['Explain']);
  });

  describe('matching and ordering entries', () => {
    const entries = deckOf({
      Order: [
        matching('pairs', {
          pairs: [1, 2, 3, 4, 5].map((n): [string, string] => [`left ${n}`, `right ${n}`]),
          distractors: ['spare'],
        }),
        ordering('steps', { sequence: [1, 2, 3, 4, 5].map((n) => `step ${n}`) }),
      ],
    });
    const text = (entry: RichText) => entry.markdown;
    const question = (plan: ReturnType<typeof planVersions>[number], id: string) =>
      plan.sections.flatMap((section) => section.questions).find((q) => q.item.id === id)!;
    const authored = {
      matches: ['right 1', 'right 2', 'right 3', 'right 4', 'right 5', 'spare'],
      sequence: ['step 1', 'step 2', 'step 3', 'step 4', 'step 5'],
    };

    it("should print them away from the author's order (the answer), even in one version without a seed", () => {
      for (const options of [undefined, { seed: 'x' }, { versions: 6, seed: 'y' }])
        for (const plan of planVersions(entries, options)) {
          const matches = question(plan, 'pairs').matches.map(text);
          const sequence = question(plan, 'steps').sequence.map(text);
          expect([...matches].sort()).toEqual(authored.matches);
          expect([...sequence].sort()).toEqual(authored.sequence);
          expect(matches).not.toEqual(authored.matches);
          expect(sequence).not.toEqual(authored.sequence);
        }
    });

    it('should shuffle them per version and reproduce them from the seed', () => {
      const orders = (seed: string) =>
        planVersions(entries, { versions: 4, seed }).map(
          (plan) =>
            `${question(plan, 'pairs').matches.map(text)} | ${question(plan, 'steps').sequence.map(text)}`,
        );
      expect(new Set(orders('term')).size).toBe(4);
      expect(orders('term')).toEqual(orders('term'));
      expect(orders('term')).not.toEqual(orders('other'));
      expect(planVersions(entries).map((plan) => question(plan, 'steps').sequence)).toEqual(
        planVersions(entries).map((plan) => question(plan, 'steps').sequence),
      );
    });

    it('should give two entries the one order that is not the answer', () => {
      const two = deckOf({ Order: [ordering('two', { sequence: ['first', 'second'] })] });
      for (const seed of ['1', '2', '3', '4'])
        expect(question(planVersions(two, { seed })[0]!, 'two').sequence.map(text)).toEqual([
          'second',
          'first',
        ]);
    });

    it('should plan options only for choices and entries only for matching and ordering', () => {
      for (const plan of planVersions(everyTypeDeck(), { versions: 3, seed: 'tf' }))
        for (const { item, options, matches, sequence } of plan.sections.flatMap(
          (section) => section.questions,
        )) {
          expect(options.length > 0).toBe(item.type === 'choice');
          expect(matches.length > 0).toBe(item.type === 'matching');
          expect(sequence.length > 0).toBe(item.type === 'ordering');
        }
    });
  });
});
