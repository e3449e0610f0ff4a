import type { Deck } from '@quizmark/model';
import {
  blank,
  choice,
  cloze,
  deckInput,
  deckOf,
  everyTypeDeck,
  explain,
  flashcard,
  matching,
  numeric,
  numericAnswer,
  rich,
  shortAnswer,
  trueFalse,
} from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { giftRenderer } from '../src/index.js';
import { expectQuestionMatches, seen } from './expect-question.js';
import { expectMoodleStructure } from './moodle-structure.js';
import { questionTitled, readGift } from './read-gift.js';

async function giftText(deck: Deck): Promise<string> {
  const files = await giftRenderer.render({
    decks: [deckInput(deck, 'deck')],
    options: {},
    sourceDateEpoch: 0,
  });
  return new TextDecoder().decode(files[0]!.bytes);
}

/** Renders the items, reads them back and compares each with its item. */
async function roundTrip(deck: Deck) {
  const text = await giftText(deck);
  const questions = readGift(text);
  const items = deck.sections.flatMap((section) => section.items);
  const matchingIds = items.filter((item) => item.type === 'matching').map((item) => item.id);
  expectMoodleStructure(text, matchingIds);
  for (const question of questions)
    expectQuestionMatches(question, items.find((item) => item.id === question.title)!, deck);
  return { text, questions };
}

describe('question types', () => {
  it('should export every type of the every-type deck but ordering and the two-blank cloze', async () => {
    const { questions } = await roundTrip(everyTypeDeck());
    expect(questions.map((q) => [q.title, q.type])).toEqual([
      ['mass-weight', 'TF'],
      ['g-near-earth', 'Numerical'],
      ['kinetic-energy', 'Numerical'],
      ['force-unit', 'Short'],
      ['si-units', 'Matching'],
      ['vector', 'MC'],
    ]);
    expect(questions.every((q) => q.category === '$course$/top/Every question type/Types')).toBe(
      true,
    );
  });

  it('should write flashcards and explain items as essays with the answer as general feedback', async () => {
    const deck = deckOf({
      Open: [
        flashcard('capital', {
          front: 'Capital of France?',
          back: 'Paris',
          tags: ['geo', 'europe'],
        }),
        explain('why-sky', {
          prompt: 'Why is the sky blue?',
          concepts: ['Rayleigh scattering', 'shorter wavelengths scatter more'],
          explanation: rich('Blue light scatters most.'),
          steps: [{ title: 'Think of sunsets', body: rich('Longer paths scatter the blue out.') }],
          quickCheck: rich('What colour is a sunset?'),
          mistakes: [rich('Saying it reflects the sea.')],
          hint: rich('Think of wavelengths.'),
        }),
      ],
    });
    const { questions } = await roundTrip(deck);
    expect(questions.map((q) => q.type)).toEqual(['Essay', 'Essay']);
    const essay = questionTitled(questions, 'why-sky');
    const feedback = seen(essay.type === 'Essay' ? (essay.globalFeedback?.text ?? '') : '');
    expect(feedback).toContain('Keypoints');
    expect(feedback).toContain('Hint');
    expect(questionTitled(questions, 'capital').tags).toEqual(['geo', 'europe']);
  });

  it('should tag a question with the deck tags, its own, its level and difficulty, commas as spaces', async () => {
    const item = flashcard('tagged', {
      tags: ['own', 'deck-wide', 'a,b'],
      level: 'beginner',
      difficulty: 'hard',
    });
    const { questions } = await roundTrip({
      ...deckOf({ S: [item] }),
      tags: ['deck-wide', 'physics'],
    });
    expect(questionTitled(questions, 'tagged').tags).toEqual([
      'deck-wide',
      'physics',
      'own',
      'a b',
      'level-beginner',
      'difficulty-hard',
    ]);
  });

  it('should weigh the correct options of a select-all question to 100% and the wrong ones to -100%', async () => {
    const deck = deckOf({
      Pick: [
        choice('two', { options: ['a', 'b', 'c'], correct: [0, 2], multiple: true }),
        choice('three', { options: ['a', 'b', 'c', 'd'], correct: [0, 1, 3], multiple: true }),
        choice('seven', {
          options: [...'abcdefgh'],
          correct: [0, 1, 2, 3, 4, 5, 6],
          multiple: true,
        }),
        choice('one-of-all', { options: ['a', 'b'], correct: [1], multiple: true }),
        choice('eleven', {
          options: [...'abcdefghijkl'],
          correct: [...Array(11).keys()],
          multiple: true,
        }),
        choice('wrong-three', { options: ['a', 'b', 'c', 'd'], correct: [0], multiple: true }),
        choice('wrong-eleven', { options: [...'abcdefghijkl'], correct: [0], multiple: true }),
      ],
    });
    const { questions } = await roundTrip(deck);
    const weights = (title: string) => {
      const q = questionTitled(questions, title);
      return q.type === 'MC' ? q.choices.map((c) => c.weight) : [];
    };
    expect(weights('two')).toEqual([50, -100, 50]);
    expect(weights('wrong-three')).toEqual([100, -33.33333, -33.33333, -33.33333]);
    expect(weights('wrong-eleven')).toEqual([100, ...Array(11).fill(-10)]);
    expect(weights('three')).toEqual([33.33333, 33.33333, -100, 33.33333]);
    expect(weights('eleven')).toEqual([...Array(9).fill(10), 5, 5, -100]);
    expect(weights('seven')).toEqual([...Array(7).fill(14.28571), -100]);
    expect(weights('one-of-all')).toEqual([-100, 100]);
  });

  it('should give 20 of 21 right options 5% and the last nothing (gift-choice-weights)', async () => {
    const item = choice('many', {
      options: [...Array(22).keys()].map(String),
      correct: [...Array(21).keys()],
      multiple: true,
    });
    const [question] = readGift(await giftText(deckOf({ S: [item] })));
    expect(question!.type === 'MC' && question!.choices.map((c) => c.weight)).toEqual([
      ...Array(20).fill(5),
      0,
      -100,
    ]);
  });

  it('should give each option its feedback, and no feedback mark where there is none', async () => {
    const item = choice('fb', { options: ['x', 'y', 'z'], correct: [1] });
    item.options[0]!.feedback = rich('Not x.');
    item.options[1]!.feedback = rich('Yes, y.');
    const { text, questions } = await roundTrip(deckOf({ S: [item] }));
    const q = questionTitled(questions, 'fb');
    expect(q.type === 'MC' && q.choices.map((c) => c.feedback?.text ?? null)).toEqual([
      '<p>Not x.</p>',
      '<p>Yes, y.</p>',
      null,
    ]);
    expect(text).toMatch(/~\[html\]z\n/);
  });

  it.each([
    [true, 'T fb', 'F fb'],
    [true, null, 'F fb'],
    [true, 'T fb', null],
    [false, 'T fb', 'F fb'],
    [false, null, 'F fb'],
    [false, 'T fb', null],
    [false, null, null],
  ])(
    'should put true/false feedback where Moodle reads it (answer %s, %s, %s)',
    async (answer, t, f) => {
      const item = trueFalse('tf', {
        answer,
        trueFeedback: t ? rich(t) : null,
        falseFeedback: f ? rich(f) : null,
      });
      await roundTrip(deckOf({ S: [item] }));
    },
  );

  it.each([
    ['exact', numericAnswer(42), 'simple'],
    ['absolute', numericAnswer(9.81, { kind: 'absolute', tolerance: 0.05 }), 'range'],
    ['percent', numericAnswer(9, { kind: 'percent', tolerance: 2, unit: 'J' }), 'high-low'],
    ['range', numericAnswer(-1.5, { kind: 'range', tolerance: 0.5 }), 'high-low'],
    ['huge', numericAnswer(6.02e23, { kind: 'absolute', tolerance: 1e21 }), 'range'],
    ['tiny', numericAnswer(1.6e-19, { kind: 'percent', tolerance: 1 }), 'high-low'],
  ] as const)('should write a %s numeric answer as GIFT numbers', async (id, answer, kind) => {
    const { questions } = await roundTrip(deckOf({ S: [numeric(id, { answer })] }));
    const q = questionTitled(questions, id);
    expect(q.type === 'Numerical' && !Array.isArray(q.choices) && q.choices.type).toBe(kind);
  });

  it("should escape a short answer, and write a literal * as Moodle's \\*", async () => {
    const item = shortAnswer('sa', {
      answers: ['a*b', 'x = {1: 2}', 'C#', 'back\\slash', 'tilde~'],
    });
    const { questions } = await roundTrip(deckOf({ S: [item] }));
    const q = questionTitled(questions, 'sa');
    expect(q.type === 'Short' && q.choices.map((c) => c.text.text)).toEqual([
      'a\\*b',
      'x = {1: 2}',
      'C#',
      'back\\slash',
      'tilde~',
    ]);
  });

  it('should leave out a short answer or a missing word holding ->, which Moodle would read as matching', async () => {
    const deck = deckOf({
      S: [
        shortAnswer('arrow', { answers: ['a -> b'] }),
        cloze('arrow-blank', { text: ['Write ', blank(1, 'x->y'), ' here.'] }),
        shortAnswer('kept'),
      ],
    });
    const { questions } = await roundTrip(deck);
    expect(questions.map((q) => q.title)).toEqual(['kept']);
  });

  it('should write a one-blank cloze as a missing word, its hint after the blank', async () => {
    const deck = deckOf({
      S: [
        cloze('one', { text: ['Water boils at ', blank(1, '100'), ' °C.'] }),
        cloze('hinted', { text: ['The capital is ', blank(1, 'Paris', 'a city')] }),
        cloze('two', { text: ['A ', blank(1, 'b'), ' c ', blank(2, 'd')] }),
      ],
    });
    const { questions } = await roundTrip(deck);
    expect(questions.map((q) => q.title)).toEqual(['one', 'hinted']);
    const one = questionTitled(questions, 'one');
    expect(one.type === 'Short' && one.choices.map((c) => c.text.text)).toEqual(['100']);
  });

  it('should write matching pairs, a distractor as an answer with no left side', async () => {
    const item = matching('units', {
      pairs: [
        ['**Force**', 'newton'],
        ['Energy', 'joule'],
      ],
      distractors: ['kelvin'],
    });
    const { questions } = await roundTrip(deckOf({ S: [item] }));
    const q = questionTitled(questions, 'units');
    expect(q.type === 'Matching' && q.matchPairs.map((p) => p.subanswer)).toEqual([
      'newton',
      'joule',
      'kelvin',
    ]);
  });

  it('should leave out general feedback when an item has none, and keep empty essays empty', async () => {
    const text = await giftText(
      deckOf({ S: [flashcard('blank-back', { back: rich() }), trueFalse('plain')] }),
    );
    expect(text).toContain('::blank-back::[html]<p>Question blank-back</p>{}');
    expect(text).toContain('{\n\tTRUE\n}');
    expect(text).not.toContain('####');
  });
});
