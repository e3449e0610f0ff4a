import { readFileSync } from 'node:fs';
import type { DeckInput } from '@quizmark/model';
import { parseDeck } from '@quizmark/parser';
import {
  choice,
  deck,
  deckInput,
  everyTypeDeck,
  explain,
  flashcard,
  section,
} from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { buildAnkiPackage, guidFor, noteTypes } from '../src/index.js';
import { openPackage } from './open-package.js';

// Literal ids, read back from real .apkg files. Anki matches notes by GUID
// and note types and decks by id: a change to any of these values re-keys
// every collection that imported a quizmark deck (duplicates, lost review
// history). If this test fails, the derivation changed: put it back, or ship
// the change as a breaking release with a migration note; never just update
// the literals.

const EPOCH = 1_700_000_000;

const NOTE_TYPE_IDS = {
  'quizmark Flashcard': 8404092184834,
  'quizmark Multiple Choice': 2697757389188,
  'quizmark Explain': 8456932309133,
};

// The note types of the question types of schema 1.2 (numeric and short share one).
const QUESTION_NOTE_TYPE_IDS = {
  'quizmark True or False': 7767117258394,
  'quizmark Typed Answer': 6343646471796,
  'quizmark Cloze': 4808420889328,
  'quizmark Matching': 3674639843544,
  'quizmark Ordering': 8142881419475,
};

interface Note {
  guid: string;
  noteId: number;
  cardId: number;
  deckId: number;
  noteTypeId: number;
}

/** Every note of a package with its card, as Anki's importer reads them. */
async function readPackage(input: DeckInput) {
  const pkg = await openPackage(await buildAnkiPackage(input, EPOCH));
  const notes = pkg.rows<Note>(
    'SELECT notes.guid, notes.id AS noteId, notes.mid AS noteTypeId, cards.id AS cardId, cards.did AS deckId FROM notes JOIN cards ON cards.nid = notes.id ORDER BY notes.guid',
  );
  const named = (column: 'models' | 'decks') =>
    Object.fromEntries(
      Object.values(
        JSON.parse(pkg.col()[column] as string) as Record<string, { id: number; name: string }>,
      ).map(({ id, name }) => [name, id]),
    );
  return { notes, noteTypes: named('models'), decks: named('decks') };
}

/** Each item's expected note, keyed by item id, checked against guidFor and the package. */
async function expectNotes(
  input: DeckInput,
  expected: Record<string, Omit<Note, 'noteTypeId'> & { type: keyof typeof NOTE_TYPE_IDS }>,
) {
  const read = await readPackage(input);
  for (const [itemId, note] of Object.entries(expected))
    expect(guidFor(input.deck.id, itemId), itemId).toBe(note.guid);
  expect(read.notes).toEqual(
    Object.values(expected)
      .map(({ type, ...note }) => ({ ...note, noteTypeId: NOTE_TYPE_IDS[type] }))
      .sort((a, b) => (a.guid < b.guid ? -1 : 1)),
  );
  return read;
}

/** A small deck whose title nests under a parent deck, with every item type. */
const goldenDeck = () =>
  deckInput(
    deck({
      id: 'golden',
      title: 'Course::Golden deck',
      sections: [
        section('cards', 'Cards', [flashcard('first-card'), flashcard('second-card')]),
        section('quiz', 'Quiz', [choice('pick-one'), choice('pick-two', { correct: [0, 1] })]),
        section('talk', 'Talk', [explain('say-it')]),
      ],
    }),
    'golden',
  );

function seedDeckInput(): DeckInput {
  const file = new URL('../../../content/mlops.md', import.meta.url);
  const result = parseDeck(readFileSync(file, 'utf8'), { file: 'content/mlops.md' });
  if (!result.deck) throw new Error('content/mlops.md does not parse');
  return { deck: result.deck, name: 'mlops', assets: new Map() };
}

describe('golden Anki ids', () => {
  it('should keep the id of every note type', async () => {
    expect(Object.fromEntries(Object.values(noteTypes).map(({ name, id }) => [name, id]))).toEqual({
      ...NOTE_TYPE_IDS,
      ...QUESTION_NOTE_TYPE_IDS,
    });
    expect((await readPackage(goldenDeck())).noteTypes).toEqual(NOTE_TYPE_IDS);
    const every = await readPackage(deckInput(everyTypeDeck(), 'every-type'));
    expect(every.noteTypes).toEqual({
      ...QUESTION_NOTE_TYPE_IDS,
      'quizmark Multiple Choice': NOTE_TYPE_IDS['quizmark Multiple Choice'],
    });
  });

  it('should keep the GUIDs, note ids and card ids (one per cloze number) of every question type', async () => {
    const pkg = await openPackage(
      await buildAnkiPackage(deckInput(everyTypeDeck(), 'every-type'), EPOCH),
    );
    const rows = pkg.rows<{ guid: string; noteId: number; cardId: number; ord: number }>(
      'SELECT notes.guid, notes.id AS noteId, cards.id AS cardId, cards.ord FROM notes JOIN cards ON cards.nid = notes.id ORDER BY notes.guid, cards.ord',
    );
    const card = (itemId: string, noteId: number, cardId: number, ord = 0) => {
      expect(rows, itemId).toContainEqual({
        guid: guidFor('every-type', itemId),
        noteId,
        cardId,
        ord,
      });
    };
    expect(rows).toHaveLength(9);
    card('mass-weight', 8798172380756, 6888779821905);
    card('energy-sentence', 1864319825520, 6105849637951, 0);
    card('energy-sentence', 1864319825520, 3785810406306, 1);
    card('vector', 1442120551181, 4885833599730);
    card('si-units', 3224940744988, 5266511615865);
    card('method-steps', 4790995869301, 2270574580004);
    expect(guidFor('every-type', 'energy-sentence')).toBe('M_jE@Fkk1$');
  });

  it('should keep the GUIDs, note, card and deck ids of a small deck', async () => {
    const read = await expectNotes(goldenDeck(), {
      'first-card': {
        type: 'quizmark Flashcard',
        guid: 'x8gFcPgEyW',
        noteId: 6558384679383,
        cardId: 6733824548620,
        deckId: 5531483217794,
      },
      'second-card': {
        type: 'quizmark Flashcard',
        guid: 'rr~Qt>(mi$',
        noteId: 5012087194325,
        cardId: 7764968433652,
        deckId: 5531483217794,
      },
      'pick-one': {
        type: 'quizmark Multiple Choice',
        guid: 'lQwQZU;1Z2',
        noteId: 3671239495036,
        cardId: 6716760961770,
        deckId: 5407891558283,
      },
      'pick-two': {
        type: 'quizmark Multiple Choice',
        guid: 'Qfjgh2gM&f',
        noteId: 7893255741816,
        cardId: 3035229238358,
        deckId: 5407891558283,
      },
      'say-it': {
        type: 'quizmark Explain',
        guid: 'ktcL1y5dSa',
        noteId: 3592818171163,
        cardId: 4077320029730,
        deckId: 1447066300401,
      },
    });
    expect(read.decks).toEqual({
      Default: 1,
      Course: 3079426476105,
      'Course::Golden deck': 3424072207803,
      'Course::Golden deck::Cards': 5531483217794,
      'Course::Golden deck::Quiz': 5407891558283,
      'Course::Golden deck::Talk': 1447066300401,
    });
  });

  it('should keep the GUIDs, note, card and deck ids of the seed deck, content/mlops.md', async () => {
    const recall = 3415535338271;
    const quiz = 6025459382530;
    const explainDeck = 8550850832046;
    const practice = 8308087541061;
    const flash = 'quizmark Flashcard' as const;
    const multiple = 'quizmark Multiple Choice' as const;
    const talk = 'quizmark Explain' as const;
    const read = await expectNotes(seedDeckInput(), {
      'mlops-basics-what-does-mlops-stand-for': {
        type: flash,
        guid: 'tQIF|mclHJ',
        noteId: 3638264012983,
        cardId: 3292067340533,
        deckId: recall,
      },
      'mlops-basics-why-is-mlops-important': {
        type: flash,
        guid: 'J0%&$|a;ds',
        noteId: 4683215425995,
        cardId: 1742959528747,
        deckId: recall,
      },
      'mlops-basics-name-two-key-components-of-mlops': {
        type: flash,
        guid: 'B:Q$~=;)J`',
        noteId: 7675833768863,
        cardId: 8912334494462,
        deckId: recall,
      },
      'mlops-basics-how-is-mlops-similar-to-devops': {
        type: flash,
        guid: 'K7ButOF6dM',
        noteId: 6282992686544,
        cardId: 4393606459340,
        deckId: recall,
      },
      'mlops-basics-what-challenges-does-mlops-address': {
        type: flash,
        guid: 'e;X/x#ogs+',
        noteId: 8824490997559,
        cardId: 2971850868742,
        deckId: recall,
      },
      'mlops-basics-what-is-the-main-goal-of-mlops': {
        type: multiple,
        guid: 'Jj3&,w(,-9',
        noteId: 8497599252644,
        cardId: 8944866399539,
        deckId: quiz,
      },
      'mlops-basics-which-of-the-following-is-not-a-typical-part-of-mlops': {
        type: multiple,
        guid: 'H!v~cuv1St',
        noteId: 5665605347501,
        cardId: 5827659909522,
        deckId: quiz,
      },
      'mlops-basics-mlops-is-most-similar-to-which-software-practice': {
        type: multiple,
        guid: 'ACN,HCQ{7%',
        noteId: 7125182368985,
        cardId: 1268900440365,
        deckId: quiz,
      },
      'mlops-basics-what-does-ci-cd-stand-for-in-mlops': {
        type: multiple,
        guid: 'g}%DI:ihgg',
        noteId: 7270294437281,
        cardId: 1303798907429,
        deckId: quiz,
      },
      'mlops-basics-which-problem-does-monitoring-in-mlops-help-detect': {
        type: multiple,
        guid: 'mI&TQ5o+M1',
        noteId: 2112404542815,
        cardId: 8852584458320,
        deckId: quiz,
      },
      'mlops-basics-explain-what-mlops-is-and-why-it-is-useful': {
        type: talk,
        guid: 'bjxmO;csNt',
        noteId: 1979266492399,
        cardId: 7943796582364,
        deckId: explainDeck,
      },
      'mlops-basics-describe-the-main-challenges-mlops-solves-in-managing-4258e2b3': {
        type: talk,
        guid: 'k:!iM1KmA',
        noteId: 3927694726326,
        cardId: 6706137756336,
        deckId: explainDeck,
      },
      'mlops-basics-what-is-the-main-purpose-of-mlops-in-machine-learning-c04420f7': {
        type: multiple,
        guid: 'EG;.9{OJ`c',
        noteId: 8516035950347,
        cardId: 3191169884207,
        deckId: practice,
      },
      'mlops-basics-which-of-the-following-is-a-key-component-of-mlops-pipelines': {
        type: multiple,
        guid: 'BA`}VmOW+}',
        noteId: 7805916193668,
        cardId: 7469084781453,
        deckId: practice,
      },
      'deploy-threshold': {
        type: multiple,
        guid: 'yI5Ir6NZ;8',
        noteId: 8160088092672,
        cardId: 8816260477219,
        deckId: practice,
      },
      'deploy-syntax-error': {
        type: multiple,
        guid: 'h0NUF)b1S4',
        noteId: 7568660338671,
        cardId: 7825102585185,
        deckId: practice,
      },
      'mlops-basics-in-an-mlops-workflow-which-step-best-ensures-that-a-6d8ebde0': {
        type: multiple,
        guid: 'e|dF?7~i1H',
        noteId: 7227603996537,
        cardId: 1967459972481,
        deckId: practice,
      },
    });
    const title = 'What is MLOps - Quick Revision & Key Takeaways';
    expect(read.decks).toEqual({
      Default: 1,
      [title]: 4172751410952,
      [`${title}::Recall & Review`]: recall,
      [`${title}::Quiz`]: quiz,
      [`${title}::Explain`]: explainDeck,
      [`${title}::Practice`]: practice,
    });
    expect(read.noteTypes).toEqual(NOTE_TYPE_IDS);
  });
});
