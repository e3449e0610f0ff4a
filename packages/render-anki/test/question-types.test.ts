import { htmlToPlainText } from '@quizmark/model';
import {
  blank,
  cloze,
  deckInput,
  deckOf,
  everyTypeDeck,
  flashcard,
  numeric,
  numericAnswer,
  ordering,
  shortAnswer,
} from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import {
  ankiDeckContent,
  ankiTextImport,
  buildAnkiPackage,
  guidFor,
  noteTypes,
  renderCardPreview,
} from '../src/index.js';
import { readAnkiText } from './anki-text-reader.js';
import { type OpenedPackage, openPackage } from './open-package.js';

const EPOCH = 1_700_000_000;

interface Model {
  id: number;
  name: string;
  type: number;
  flds: Array<{ name: string }>;
  tmpls: Array<{ ord: number; qfmt: string; afmt: string }>;
  req: unknown[];
}

const models = (pkg: OpenedPackage) =>
  JSON.parse(String(pkg.col().models)) as Record<string, Model>;

/** A note's fields by name and its cards' ords, read back from the package. */
function noteOf(pkg: OpenedPackage, deckId: string, itemId: string) {
  const guid = guidFor(deckId, itemId);
  const [note] = pkg.rows<{ id: number; mid: number; flds: string }>(
    `SELECT id, mid, flds FROM notes WHERE guid = '${guid.replace(/'/g, "''")}'`,
  );
  if (!note) throw new Error(`no note for ${itemId}`);
  const model = models(pkg)[String(note.mid)]!;
  const values = note.flds.split('\x1f');
  const fields = Object.fromEntries(model.flds.map((field, index) => [field.name, values[index]!]));
  const ords = pkg
    .rows<{ ord: number }>(`SELECT ord FROM cards WHERE nid = ${note.id} ORDER BY ord`)
    .map((card) => card.ord);
  return { model, fields, ords };
}

const everyType = async () =>
  openPackage(await buildAnkiPackage(deckInput(everyTypeDeck(), 'every-type'), EPOCH));

/** The text of field HTML, one entry per block (paragraph, box, list item, row). */
const lines = (html: string) =>
  html
    .split(/<\/?(?:div|p|blockquote|li|tr)\b[^>]*>/)
    .map((part) => htmlToPlainText(part).trim())
    .filter(Boolean);

/** The entries of a lettered list of options, by letter, as plain text. */
function lettered(html: string): Map<string, string> {
  const entries = [
    ...html.matchAll(
      /<span class="qm-letter">([^<]+)<\/span>(?:<div class="qm-option-text">)?(.*?)<\/(?:div|td|li)>/g,
    ),
  ];
  return new Map(entries.map(([, letter, text]) => [letter!, htmlToPlainText(text!)]));
}

describe('cloze notes', () => {
  it('should use a cloze note type (model type 1) with {{cloze:Text}} on both sides', async () => {
    const pkg = await everyType();
    const { model, fields, ords } = noteOf(pkg, 'every-type', 'energy-sentence');
    expect(model).toMatchObject({ id: noteTypes.cloze.id, name: 'quizmark Cloze', type: 1 });
    expect(model.flds.map((field) => field.name)).toEqual([
      'Text',
      'Level',
      'Hint',
      'Back Extra',
      'Id',
    ]);
    expect(model.tmpls).toHaveLength(1);
    expect(model.tmpls[0]!.qfmt).toContain('{{cloze:Text}}');
    expect(model.tmpls[0]!.afmt).toContain('{{cloze:Text}}');
    expect(fields.Text).toBe(
      '<p>Energy is measured in {{c1::joules}} and power in {{c2::watts::named after a Scottish engineer}}.</p>',
    );
    expect(ords).toEqual([0, 1]);
    // Anki ignores req for a cloze note type; it is written as Anki computes it.
    expect(model.req).toEqual([[0, 'any', [0, 1, 2]]]);
    // Every other note type is a standard one.
    for (const other of Object.values(models(pkg))) {
      if (other.id !== noteTypes.cloze.id) expect(other.type, other.name).toBe(0);
    }
  });

  it('should make one card per cloze number, blanks sharing a number on one card', async () => {
    const item = cloze('three-blanks', {
      text: ['A ', blank(1, 'one'), ', B ', blank(3, 'three'), ', A again ', blank(1, 'uno'), '.'],
    });
    const pkg = await openPackage(
      await buildAnkiPackage(deckInput(deckOf({ Cloze: [item] }, 'blanks'), 'blanks'), EPOCH),
    );
    const { fields, ords } = noteOf(pkg, 'blanks', 'three-blanks');
    expect(ords).toEqual([0, 2]);
    // Anki makes its cards from the numbers it finds in the Text field: the same ones.
    const numbers = [...new Set([...fields.Text!.matchAll(/\{\{c(\d+)::/g)].map((m) => m[1]))];
    expect(numbers.map((n) => Number(n) - 1).sort()).toEqual(ords);
    const cardIds = pkg.rows<{ id: number }>('SELECT id FROM cards').map((card) => card.id);
    expect(new Set(cardIds).size).toBe(2);
  });

  it('should show a card per number the way Anki does: its blanks hidden, hint in brackets', () => {
    const content = ankiDeckContent(deckInput(everyTypeDeck(), 'every-type'));
    const note = content.notes.find((n) => n.noteType === noteTypes.cloze)!;
    const first = renderCardPreview(note, 0);
    expect(htmlToPlainText(first.front)).toContain(
      'Energy is measured in [...] and power in watts.',
    );
    expect(htmlToPlainText(first.back)).toContain(
      'Energy is measured in joules and power in watts.',
    );
    expect(first.back).toContain('<span class="cloze" data-ordinal="1">joules</span>');
    const second = renderCardPreview(note, 1);
    expect(htmlToPlainText(second.front)).toContain(
      'Energy is measured in joules and power in [named after a Scottish engineer].',
    );
    expect(second.back).toContain('<span class="cloze" data-ordinal="2">watts</span>');
    expect(() => renderCardPreview(note, 2)).toThrow(/no card 2/);
  });

  it('should keep ::, }} and {{ in an answer, a hint or the text from making or breaking a blank', () => {
    const item = cloze('tricky', {
      text: [
        'Write ',
        blank(1, 'a::b}} {{c2::x}}', 'use :: and }}'),
        ' then ',
        blank(2, '<tag> & "q"'),
        ', not ',
        { type: 'inlineCode', value: '{{c9::code}}' },
        '.',
      ],
    });
    const content = ankiDeckContent(deckInput(deckOf({ Cloze: [item] }, 'tricky'), 'tricky'));
    const note = content.notes[0]!;
    const text = note.fields[0]!;
    // Exactly the two markers the author wrote, nothing Anki would read as a third.
    expect([...text.matchAll(/\{\{c(\d+)::/g)].map((m) => m[1])).toEqual(['1', '2']);
    expect(note.cards.map((card) => card.ord)).toEqual([0, 1]);
    const first = renderCardPreview(note, 0);
    expect(htmlToPlainText(first.front)).toContain(
      'Write [use :: and }}] then <tag> & "q", not {{c9::code}}.',
    );
    expect(htmlToPlainText(first.back)).toContain(
      'Write a::b}} {{c2::x}} then <tag> & "q", not {{c9::code}}.',
    );
    expect(first.front).not.toContain('<tag>');
  });
});

describe('typed-answer notes', () => {
  it("should put Anki's {{type:Answer}} on the front and the full key on the back", async () => {
    const pkg = await everyType();
    const g = noteOf(pkg, 'every-type', 'g-near-earth');
    expect(g.model.name).toBe('quizmark Typed Answer');
    expect(g.model.tmpls[0]!.qfmt).toContain('{{type:Answer}}');
    expect(g.model.tmpls[0]!.afmt).toContain('{{FrontSide}}');
    expect(g.model.tmpls[0]!.afmt).toContain('{{Key}}');
    // As in Anki 2.1's legacy req, the typed answer alone never makes a front.
    expect(g.model.req).toEqual([[0, 'any', [0, 3, 4]]]);
    expect(g.fields.Answer).toBe('9.81');
    expect(lines(g.fields.Key!)).toEqual(['9.81 ± 0.05', 'Accepted: 9.76 to 9.86']);
    expect(g.fields.Hint).toBe('<p>About ten.</p>');

    const energy = noteOf(pkg, 'every-type', 'kinetic-energy');
    expect(energy.fields.Answer).toBe('9 J');
    expect(lines(energy.fields.Key!)).toEqual(['9 ± 2% J', 'Accepted: 8.82 to 9.18 J']);

    const force = noteOf(pkg, 'every-type', 'force-unit');
    expect(force.model.id).toBe(g.model.id);
    expect(force.fields.Answer).toBe('newton');
    expect(lines(force.fields.Key!)).toEqual([
      'newton',
      'Also accepted: N',
      'Case and extra spaces do not matter',
    ]);
  });

  it("should write the numbers with the author's decimal comma, and a minus a keyboard has", async () => {
    const comma = numeric('comma', {
      answer: {
        ...numericAnswer(9.81, { kind: 'absolute', tolerance: 0.05 }),
        text: '9,81 ± 0,05',
      },
    });
    const below = numeric('below', { answer: numericAnswer(-3, { unit: '°C' }) });
    const pkg = await openPackage(
      await buildAnkiPackage(deckInput(deckOf({ Numbers: [comma, below] }, 'nums'), 'nums'), EPOCH),
    );
    const fields = noteOf(pkg, 'nums', 'comma').fields;
    expect(fields.Answer).toBe('9,81');
    expect(lines(fields.Key!)).toEqual(['9,81 ± 0,05', 'Accepted: 9,76 to 9,86']);
    expect(noteOf(pkg, 'nums', 'below').fields.Answer).toBe('-3 °C');
  });

  it('should say when case matters', async () => {
    const item = shortAnswer('symbol', { answers: ['Na'], caseSensitive: true });
    const pkg = await openPackage(
      await buildAnkiPackage(deckInput(deckOf({ Short: [item] }, 'case'), 'case'), EPOCH),
    );
    expect(lines(noteOf(pkg, 'case', 'symbol').fields.Key!)).toEqual(['Na', 'Case matters']);
  });

  it('should show an answer box on the front and the expected answer on the back', () => {
    const content = ankiDeckContent(deckInput(everyTypeDeck(), 'every-type'));
    const note = content.notes.find((n) => n.fields.includes('force-unit'))!;
    const card = renderCardPreview(note);
    expect(card.front).toContain('<input type="text" id="typeans">');
    expect(card.back).toContain('<code id="typeans">newton</code>');
    expect(card.back).not.toContain('<input');
  });
});

describe('true/false notes', () => {
  it('should ask "True or false?" and give the answer and the feedback for both answers', async () => {
    const pkg = await everyType();
    const { model, fields } = noteOf(pkg, 'every-type', 'mass-weight');
    expect(model.name).toBe('quizmark True or False');
    expect(model.tmpls[0]!.qfmt).toContain('True or false?');
    expect(fields.Statement).toBe('<p>Mass and weight are the same quantity.</p>');
    expect(fields.Answer).toBe('False');
    expect(lines(fields.Feedback!)).toEqual([
      'If you answered False (right)',
      'Right: weight is mass times g.',
      'If you answered True (wrong)',
      'Weight is a force; mass is an amount of matter.',
    ]);
  });
});

describe('matching notes', () => {
  it('should letter the right-hand entries and distractors in a shuffled order, and table the pairs', async () => {
    const pkg = await everyType();
    const { model, fields } = noteOf(pkg, 'every-type', 'si-units');
    expect(model.name).toBe('quizmark Matching');
    expect([...lettered(fields.Left!)]).toEqual([
      ['1', 'Force'],
      ['2', 'Energy'],
      ['3', 'Power'],
    ]);
    const right = lettered(fields.Right!);
    expect([...right.keys()]).toEqual(['A', 'B', 'C', 'D']);
    expect([...right.values()].sort()).toEqual(['joule', 'kelvin', 'newton', 'watt']);
    expect([...right.values()]).not.toEqual(['newton', 'joule', 'watt', 'kelvin']);
    expect(fields.Right).toContain('One letter matches nothing');

    // Each row of the table: the left entry, and the letter the front gave its right entry.
    const rows = [...fields.Pairs!.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((row) => {
      const cells = [...row[1]!.matchAll(/<td>(.*?)<\/td>/g)].map((cell) => cell[1]!);
      const letter = /<span class="qm-letter">([A-Z]+)<\/span>/.exec(cells[1]!)![1]!;
      return [htmlToPlainText(cells[0]!), letter, right.get(letter)];
    });
    expect(rows).toEqual([
      ['1Force', expect.any(String), 'newton'],
      ['2Energy', expect.any(String), 'joule'],
      ['3Power', expect.any(String), 'watt'],
      ['matches nothing', expect.any(String), 'kelvin'],
    ]);
    for (const [, letter, text] of rows) expect(right.get(letter!)).toBe(text);
  });
});

describe('ordering notes', () => {
  it('should letter the entries in a shuffled order and number them in the correct order on the back', async () => {
    const pkg = await everyType();
    const { model, fields } = noteOf(pkg, 'every-type', 'method-steps');
    expect(model.name).toBe('quizmark Ordering');
    const correct = ['Ask a question', 'Form a hypothesis', 'Test it', 'Draw a conclusion'];
    const entries = lettered(fields.Entries!);
    expect([...entries.keys()]).toEqual(['A', 'B', 'C', 'D']);
    expect([...entries.values()].sort()).toEqual([...correct].sort());
    expect([...entries.values()]).not.toEqual(correct);
    expect(fields.Order).toMatch(/^<ol class="qm-order">/);
    const order = [...lettered(fields.Order!)];
    expect(order.map(([, text]) => text)).toEqual(correct);
    for (const [letter, text] of order) expect(entries.get(letter)).toBe(text);
  });

  it('should shuffle the same way on every build and never leave two entries in order', () => {
    const items = Array.from({ length: 12 }, (_, index) =>
      ordering(`two-${index}`, { sequence: ['First', 'Second'] }),
    );
    const render = () =>
      ankiDeckContent(deckInput(deckOf({ Order: items }, 'twos'), 'twos')).notes.map(
        (note) => note.fields[1],
      );
    const first = render();
    expect(render()).toEqual(first);
    for (const entries of first) {
      expect([...lettered(entries!).values()]).toEqual(['Second', 'First']);
    }
  });
});

describe('choice option feedback', () => {
  it('should show each option feedback on the back: the correct option under it, the others marked', async () => {
    const pkg = await everyType();
    const { fields, model } = noteOf(pkg, 'every-type', 'vector');
    expect(model.id).toBe(noteTypes.choice.id);
    expect(fields.Options).not.toContain('magnitude');
    expect(fields.Answer).toContain(
      '<div class="qm-option-text">Velocity<blockquote><p>Right: velocity has both magnitude and direction.</p></blockquote></div>',
    );
    expect(lines(fields.Answer!)).toEqual([
      'B',
      'Velocity',
      'Right: velocity has both magnitude and direction.',
      'The other options',
      '✗ A Speed',
      'Speed has magnitude only; velocity adds a direction.',
    ]);
    // Mass has no feedback: nothing to add.
    expect(fields.Answer).not.toContain('Mass');
  });
});

describe('the note types of a package', () => {
  it('should hold the note types its notes use, no others', async () => {
    const pkg = await everyType();
    expect(
      Object.values(models(pkg))
        .map((model) => model.name)
        .sort(),
    ).toEqual([
      'quizmark Cloze',
      'quizmark Matching',
      'quizmark Multiple Choice',
      'quizmark Ordering',
      'quizmark True or False',
      'quizmark Typed Answer',
    ]);
    const cards = await openPackage(
      await buildAnkiPackage(deckInput(deckOf({ Cards: [flashcard('one')] }, 'one'), 'one'), EPOCH),
    );
    expect(Object.values(models(cards)).map((model) => model.name)).toEqual(['quizmark Flashcard']);
    expect(JSON.parse(String(cards.col().conf)).curModel).toBe(noteTypes.flashcard.id);
  });

  it('should write every type to the text import, the cloze in its own note type column', () => {
    const content = ankiDeckContent(deckInput(everyTypeDeck(), 'every-type'));
    const { headers, rows } = readAnkiText(ankiTextImport(content));
    expect(headers['tags column']).toBe('15');
    expect(rows.map((row) => row[0])).toEqual([
      'quizmark True or False',
      'quizmark Typed Answer',
      'quizmark Typed Answer',
      'quizmark Typed Answer',
      'quizmark Cloze',
      'quizmark Matching',
      'quizmark Ordering',
      'quizmark Multiple Choice',
    ]);
    for (const row of rows) expect(row).toHaveLength(15);
    const clozeRow = rows[4]!;
    expect(clozeRow[2]).toBe(guidFor('every-type', 'energy-sentence'));
    expect(clozeRow[3]).toContain('{{c1::joules}}');
    expect(clozeRow.slice(3, 8)).toEqual(content.notes[4]!.fields);
  });

  it('should keep every field within the eleven text import columns', () => {
    for (const type of Object.values(noteTypes)) {
      expect(type.fields.length, type.name).toBeLessThanOrEqual(11);
      expect(type.fields.at(-1)!.name).toBe('Id');
    }
  });
});
