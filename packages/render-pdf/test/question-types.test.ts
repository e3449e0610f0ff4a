import { type Choice, clozeBlanks, type Deck, type Item, toPlainText } from '@quizmark/model';
import {
  blank,
  choice,
  cloze,
  deckOf,
  everyTypeDeck,
  matching,
  numeric,
  numericAnswer,
  ordering,
  rich,
  shortAnswer,
  trueFalse,
} from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { type PdfOptions, pdfRenderer } from '../src/index.js';
import { loadDeck } from './parsed-decks.js';
import { findInOrder, pdfText, poppler, squash } from './pdf-tools.js';

// Every question type printed and read back by pdftotext, white space
// removed: what students see on the quiz, and what the key tells a marker,
// checked through the letters each version printed.

async function render(deck: Deck, options: PdfOptions = {}) {
  const files = await pdfRenderer.render({
    decks: [{ deck, name: 'deck', assets: new Map() }],
    options,
    sourceDateEpoch: 1_700_000_000,
  });
  // A gap's rule is a run of underscores: one stands for it, whatever its length.
  return new Map(files.map((file) => [file.path, squash(pdfText(file.bytes)).replace(/_+/g, '_')]));
}

/** The letter printed before `entry` ("B.newton"), read from the quiz. */
function letterBefore(quiz: string, entry: string, from = 0): string {
  const match = new RegExp(`([A-Z])\\.${entry.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).exec(
    quiz.slice(from),
  );
  if (!match) throw new Error(`no letter before ${entry}`);
  return match[1]!;
}

const withFeedback = (item: Choice, feedback: string[]): Choice => ({
  ...item,
  options: item.options.map((option, index) => ({
    ...option,
    feedback: feedback[index] ? rich(feedback[index]!) : null,
  })),
});

/** Answers no quiz may show, each a word found nowhere else in the deck. */
const SECRETS = [
  'Quokka',
  'Wombat',
  'Zanzibar',
  'Pemba',
  'marmoset',
  'capybara',
  'Dingo',
  'Echidna',
];

function secretDeck(): Deck {
  return deckOf({
    Secrets: [
      trueFalse('tf', {
        stem: 'The statement holds.',
        trueFeedback: rich('Quokka says yes.'),
        falseFeedback: rich('Wombat says no.'),
      }),
      shortAnswer('sa', {
        stem: 'Name the island.',
        answers: ['Zanzibar', 'Pemba'],
        caseSensitive: true,
      }),
      cloze('cz', {
        title: 'Animals',
        text: [
          'The ',
          blank(1, 'marmoset'),
          ' climbs and the ',
          blank(2, 'capybara', 'a large rodent'),
          ' swims; the ',
          blank(1, 'marmoset'),
          ' sleeps.',
        ],
      }),
      numeric('nm', {
        stem: 'How heavy is the bag?',
        answer: numericAnswer(7.25, { kind: 'absolute', tolerance: 0.5, unit: 'kg' }),
      }),
      withFeedback(choice('ch', { stem: 'Pick one.', options: ['Left', 'Right'] }), [
        'Dingo agrees.',
        'Echidna disagrees.',
      ]),
    ],
  });
}

describe.skipIf(!poppler.available)('question types as read by pdftotext', () => {
  it('should print tick boxes, answer boxes with units, gaps with hints, lettered columns and entries', async () => {
    const quiz = (await render(everyTypeDeck())).get('deck.quiz.pdf')!;
    expect(() =>
      findInOrder(quiz, [
        '1.Massandweightarethesamequantity.TrueFalse',
        "2.WhatisgnearEarth'ssurface,inm/s²?",
        '3.A2kgballmovesat3m/s.Whatisitskineticenergy?J',
        '4.WhatSIunitisusedforforce?',
        '5.Energyismeasuredin1_andpowerin2namedafteraScottishengineer_.',
        'Writethemissingwordsonthenumberedlines.',
        '6.MatcheachquantitywithitsSIunit.',
        'Writetheletterofitsmatchineachbox;noteveryletterisused.',
        '7.Putthestepsinorder.Numbertheentriesinorder,1forthefirst.',
        '8.Whichoftheseisavectorquantity?',
        'A.Speed',
      ]),
    ).not.toThrow();
    // Boxes hold no text: the unit (J), or nothing, comes before the next question.
    expect(quiz).toContain('inm/s²?3.');
    expect(quiz).toContain('energy?J4.');
    expect(quiz).toContain('force?5.');
    for (const left of ['1.Force', '2.Energy', '3.Power']) expect(quiz).toContain(left);
    for (const right of ['newton', 'joule', 'watt', 'kelvin'])
      expect(letterBefore(quiz, right)).toMatch(/^[A-D]$/);
    for (const step of ['Askaquestion', 'Formahypothesis', 'Testit', 'Drawaconclusion'])
      expect(letterBefore(quiz, step)).toMatch(/^[A-D]$/);
  });

  it('should leave every answer, accepted answer and feedback out of the quiz', async () => {
    const quiz = (await render(secretDeck())).get('deck.quiz.pdf')!;
    expect(SECRETS.filter((secret) => quiz.includes(secret))).toEqual([]);
    // The hint of a blank is for students; the value of a numeric answer is not.
    expect(quiz).toContain('The1_climbsandthe2alargerodent_swims;the1_sleeps.');
    expect(quiz).toContain('Howheavyisthebag?kg');
    expect(quiz).not.toContain('7.25');
    for (const word of ['Answer', 'Feedback', 'casematters', 'Alsoaccepted'])
      expect(quiz).not.toContain(word);
  });

  it('should print the order of an ordering question and the pairs of a matching one away from the answer', async () => {
    const quiz = (await render(everyTypeDeck())).get('deck.quiz.pdf')!;
    const steps = ['Askaquestion', 'Formahypothesis', 'Testit', 'Drawaconclusion'];
    expect(steps.map((step) => letterBefore(quiz, step)).join('')).not.toBe('ABCD');
    const rights = ['newton', 'joule', 'watt'];
    expect(rights.map((right) => letterBefore(quiz, right)).join('')).not.toBe('ABC');
  });

  it('should give every answer in the key: true/false and its feedback, the interval, alternatives, blanks', async () => {
    const every = (await render(everyTypeDeck())).get('deck.key.pdf')!;
    expect(every).toContain('Choiceanswersataglance1.False8.B');
    expect(() =>
      findInOrder(every, [
        '1.Massandweightarethesamequantity.',
        'Answer:False',
        'Feedback:TrueWeightisaforce;massisanamountofmatter.',
        'FalseRight:weightismasstimesg.',
        "2.WhatisgnearEarth'ssurface,inm/s²?",
        'Answer:9.81±0.05(9.76–9.86)',
        'Hint:Aboutten.',
        'Answer:9J±2%(8.82–9.18J)',
        'Answer:newton',
        'Alsoaccepted:N',
        '5.Energysentence',
        'Answers:(1)joules·(2)watts',
        'Energyismeasuredin1joulesandpowerin2watts.',
        '8.Whichoftheseisavectorquantity?',
        'Answer:BB.Velocity',
        'Feedback:A.SpeedSpeedhasmagnitudeonly;velocityaddsadirection.',
        'B.VelocityRight:velocityhasbothmagnitudeanddirection.',
        'Explanation:Avectorhasamagnitudeandadirection.',
      ]),
    ).not.toThrow();
    // Mass has no feedback: it is not listed under Feedback.
    expect(every).not.toContain('C.Mass');
    const secrets = (await render(secretDeck())).get('deck.key.pdf')!;
    expect(() =>
      findInOrder(secrets, [
        'Answer:True',
        'Feedback:TrueQuokkasaysyes.FalseWombatsaysno.',
        'Answer:Zanzibar(casematters)',
        'Alsoaccepted:Pemba',
        // Blanks sharing a number are listed once.
        'Answers:(1)marmoset·(2)capybara',
        'The1marmosetclimbsandthe2capybaraswims;the1marmosetsleeps.',
        'Answer:7.25±0.5kg(6.75–7.75kg)',
        'Feedback:A.LeftDingoagrees.B.RightEchidnadisagrees.',
      ]),
    ).not.toThrow();
  });

  it("should key each version's pairs and order by the letters that version printed", async () => {
    const files = await render(everyTypeDeck(), { versions: 2, seed: 'physics' });
    const pairs = [
      ['Force', 'newton'],
      ['Energy', 'joule'],
      ['Power', 'watt'],
    ] as const;
    const steps = ['Askaquestion', 'Formahypothesis', 'Testit', 'Drawaconclusion'];
    const printed: string[] = [];
    for (const version of ['A', 'B']) {
      const quiz = files.get(`deck.${version}.quiz.pdf`)!;
      const key = files.get(`deck.${version}.key.pdf`)!;
      // True comes first in every version.
      expect(quiz).toContain('Massandweightarethesamequantity.TrueFalse');
      const matchStart = quiz.indexOf('MatcheachquantitywithitsSIunit.');
      const letters = pairs.map(([, right]) => letterBefore(quiz, right, matchStart));
      const kelvin = letterBefore(quiz, 'kelvin', matchStart);
      const orderStart = quiz.indexOf('Putthestepsinorder.');
      const stepLetters = steps.map((step) => letterBefore(quiz, step, orderStart));
      printed.push(`${letters.join('')}${kelvin} ${stepLetters.join('')}`);
      // Positions students write beside each printed letter, A first.
      const positions = [...stepLetters]
        .map((letter, index) => [letter, index + 1] as const)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([letter, position]) => `${letter}${position}`);
      expect(() =>
        findInOrder(key, [
          'MatcheachquantitywithitsSIunit.',
          `Answer:${letters.map((letter, index) => `${index + 1}→${letter}`).join('·')}`,
          ...pairs.map(([left, right], index) => `${index + 1}.${left}→${letters[index]}.${right}`),
          `${kelvin}.kelvin(matchesnothing)`,
        ]),
      ).not.toThrow();
      expect(() =>
        findInOrder(key, [
          'Putthestepsinorder.',
          `Answer:${stepLetters.join(',')}`,
          `Intheboxes:${positions.join('·')}`,
          ...steps.map((step, index) => `${index + 1}.${stepLetters[index]}.${step}`),
        ]),
      ).not.toThrow();
    }
    // The two versions printed different letters, so the keys above checked two shuffles.
    expect(printed[0]).not.toBe(printed[1]);
  });

  it('should print the arrows, signs and superscripts the key writes', async () => {
    const deck = deckOf({
      Numbers: [
        numeric('charge', {
          stem: 'What is the charge of an electron, in C?',
          answer: numericAnswer(-1.602e-19, { kind: 'percent', tolerance: 1 }),
        }),
        numeric('range', {
          stem: 'Pick a number.',
          answer: numericAnswer(9.8, { kind: 'range', tolerance: 0.1, unit: 'm/s²' }),
        }),
        matching('arrows', {
          pairs: [
            ['x', 'y'],
            ['p', 'q'],
          ],
        }),
        ordering('dots', { sequence: ['a…', 'b…'] }),
      ],
    });
    const key = (await render(deck)).get('deck.key.pdf')!;
    expect(key).toContain('Answer:−1.602×10⁻¹⁹±1%(−1.61802×10⁻¹⁹–−1.58598×10⁻¹⁹)');
    expect(key).toContain('Answer:9.7–9.9m/s²(9.8±0.1m/s²)');
    expect(key).toMatch(/1\.x→[AB]\.y/);
    expect(key).toMatch(/1\.[AB]\.a…2\.[AB]\.b…/);
  });

  it('should key every question of the physics deck, in each version, by what that version printed', async () => {
    const physics = loadDeck(new URL('../../../content/physics.md', import.meta.url));
    const items = physics.sections.flatMap((section) => section.items);
    const plain = (text: Parameters<typeof toPlainText>[0]) => squash(toPlainText(text));
    const bound = (value: number) => String(Number(value.toPrecision(12)));
    const files = await render(physics, { versions: 2, seed: 'term' });
    for (const version of ['A', 'B']) {
      const quiz = files.get(`deck.${version}.quiz.pdf`)!;
      const key = files.get(`deck.${version}.key.pdf`)!;
      const at = (item: Item) => key.indexOf(`.${squash(item.title)}`);
      const expected = (item: Item): string[] => {
        switch (item.type) {
          case 'truefalse':
            return [`Answer:${item.answer ? 'True' : 'False'}`];
          case 'numeric': {
            const unit = squash(item.answer.unit ?? '');
            if (item.answer.kind === 'exact') return [`Answer:${bound(item.answer.value)}${unit}`];
            return [`${bound(item.answer.min)}–${bound(item.answer.max)}${unit}`];
          }
          case 'short': {
            const [first, ...others] = item.answers.map(squash);
            return [
              `Answer:${first}${item.caseSensitive ? '(casematters)' : ''}`,
              ...(others.length > 0 ? [`Alsoaccepted:${others.join('·')}`] : []),
            ];
          }
          case 'cloze':
            return clozeBlanks(item.text).map((blank) => `${blank.number}${squash(blank.answer)}`);
          case 'matching': {
            const from = quiz.indexOf(plain(item.stem));
            return item.pairs.map(
              (pair, index) =>
                `${index + 1}.${plain(pair.left)}→${letterBefore(quiz, plain(pair.right), from)}.${plain(pair.right)}`,
            );
          }
          case 'ordering': {
            const from = quiz.indexOf(plain(item.stem));
            return item.sequence.map(
              (entry, index) =>
                `${index + 1}.${letterBefore(quiz, plain(entry), from)}.${plain(entry)}`,
            );
          }
          case 'choice': {
            // Feedback follows the printed order of the options: the order of this version's letters.
            const from = quiz.indexOf(plain(item.stem));
            return item.options
              .flatMap((option) => {
                if (!option.feedback) return [];
                const letter = letterBefore(quiz, plain(option.text), from);
                return [`${letter}.${plain(option.text)}${plain(option.feedback)}`];
              })
              .sort();
          }
          default:
            return [];
        }
      };
      for (const item of items) {
        expect(at(item), item.id).toBeGreaterThan(0);
        const next = Math.min(...items.map(at).filter((index) => index > at(item)), key.length);
        const answer = key.slice(at(item), next);
        expect(() => findInOrder(answer, expected(item)), item.id).not.toThrow();
      }
    }
  });

  it('should give the same bytes for the same deck, options and date', async () => {
    const bytes = async () =>
      (
        await pdfRenderer.render({
          decks: [{ deck: everyTypeDeck(), name: 'deck', assets: new Map() }],
          options: { versions: 2, seed: 'again' },
          sourceDateEpoch: 1_700_000_000,
        })
      ).map((file) => Buffer.from(file.bytes).toString('base64'));
    const first = await bytes();
    await render(secretDeck(), { versions: 3, seed: 'between' });
    expect(await bytes()).toEqual(first);
  });
});
