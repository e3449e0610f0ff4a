import { choice, deckInput, deckOf, explain, flashcard } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { buildAnkiPackage, guidFor, noteTypes } from '../src/index.js';
import { openPackage } from './open-package.js';

// A Level field holds a level (beginner, intermediate, advanced) and a
// Difficulty field a difficulty (easy, medium, hard): the card's badge says
// which, so one never stands in for the other.

interface NoteRow {
  guid: string;
  flds: string;
}

async function fieldsByGuid(): Promise<Map<string, Record<string, string>>> {
  const deck = deckOf(
    {
      Mixed: [
        flashcard('card-hard', { difficulty: 'hard' }),
        flashcard('card-advanced', { level: 'advanced', difficulty: 'easy' }),
        explain('explain-medium', { difficulty: 'medium' }),
        choice('choice-beginner', { level: 'beginner' }),
        choice('choice-hard', { level: 'beginner', difficulty: 'hard' }),
      ],
    },
    'levels',
  );
  const pkg = await openPackage(await buildAnkiPackage(deckInput(deck, 'levels'), 1_700_000_000));
  const models = JSON.parse(String(pkg.col().models)) as Record<
    string,
    { flds: { name: string }[] }
  >;
  const notes = pkg.rows<NoteRow & { mid: number }>('SELECT guid, mid, flds FROM notes');
  return new Map(
    notes.map((note) => {
      const names = models[String(note.mid)]!.flds.map((field) => field.name);
      const values = note.flds.split('\x1f');
      return [note.guid, Object.fromEntries(names.map((name, index) => [name, values[index]!]))];
    }),
  );
}

describe('the Level and Difficulty fields of the notes', () => {
  it('should hold the level in Level and the difficulty in Difficulty, never one for the other', async () => {
    expect(noteTypes.flashcard.fields.map((field) => field.name)).toContain('Level');
    const notes = await fieldsByGuid();
    const note = (id: string) => notes.get(guidFor('levels', id))!;
    expect(note('card-hard').Level).toBe('');
    expect(note('card-advanced').Level).toBe('advanced');
    expect(note('explain-medium').Level).toBe('');
    expect(note('choice-beginner').Difficulty).toBe('');
    expect(note('choice-hard').Difficulty).toBe('hard');
  });
});
