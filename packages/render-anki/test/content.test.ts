import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clozeNumbers, type DeckInput, type Item, type ItemType } from '@quizmark/model';
import { parseDeck } from '@quizmark/parser';
import { describe, expect, it } from 'vitest';
import {
  ankiDeckContent,
  ankiRenderer,
  buildAnkiPackage,
  guidFor,
  noteTypes,
} from '../src/index.js';
import { readAnkiText } from './anki-text-reader.js';
import { openPackage } from './open-package.js';

// The decks that ship with the project, parsed from Markdown as the CLI does.
const CONTENT = join(import.meta.dirname, '../../../content');
const EPOCH = 1_700_000_000;

function parse(source: string, file: string): DeckInput {
  const result = parseDeck(source, { file });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { deck: result.deck!, name: file.replace(/\.md$/, ''), assets: new Map() };
}

const guids = async (input: DeckInput) => {
  const pkg = await openPackage(await buildAnkiPackage(input, EPOCH));
  return pkg
    .rows<{ guid: string }>('SELECT guid FROM notes')
    .map((row) => row.guid)
    .sort();
};

const decks = readdirSync(CONTENT).filter((name) => name.endsWith('.md'));

const QUESTION_TYPES: ItemType[] = [
  'truefalse',
  'numeric',
  'short',
  'cloze',
  'matching',
  'ordering',
];

/** One card per note, or for a cloze one per cloze number. */
const cardCount = (item: Item) => (item.type === 'cloze' ? clozeNumbers(item.text).length : 1);

describe('content decks', () => {
  it('should find the seed deck', () => {
    expect(decks).toContain('mlops.md');
  });

  it.each(decks)('should turn %s into one note per item, with its cards', async (file) => {
    const input = parse(readFileSync(join(CONTENT, file), 'utf8'), file);
    const items = input.deck.sections.flatMap((section) => section.items);
    const files = await ankiRenderer.render({
      decks: [input],
      options: {},
      sourceDateEpoch: EPOCH,
    });
    const pkg = await openPackage(files[0]!.bytes);
    const notes = pkg.rows<{ flds: string; sfld: string }>('SELECT flds, sfld FROM notes');
    expect(notes).toHaveLength(items.length);
    const cards = items.reduce((sum, item) => sum + cardCount(item), 0);
    expect(pkg.rows('SELECT id FROM cards')).toHaveLength(cards);
    for (const note of notes) expect(note.sfld.trim()).not.toBe('');
    const text = new TextDecoder().decode(files[1]!.bytes);
    expect(readAnkiText(text).rows).toHaveLength(items.length);
  });

  it('should keep the seed deck notes when an answer is edited in the Markdown', async () => {
    const source = readFileSync(join(CONTENT, 'mlops.md'), 'utf8');
    const edited = source
      .replace(
        'MLOps stands for Machine Learning Operations.',
        'MLOps means Machine Learning Operations.',
      )
      .replace(
        '- [x] Deploy successful\n- [ ] Deploy failed',
        '- [ ] Deploy successful\n- [x] Deploy failed',
      );
    expect(edited).not.toBe(source);
    const before = parse(source, 'mlops.md');
    const after = parse(edited, 'mlops.md');
    expect(await guids(after)).toEqual(await guids(before));
    const backs = (input: DeckInput) => ankiDeckContent(input).notes.map((note) => note.fields[1]);
    expect(backs(after)).not.toEqual(backs(before));
  });

  it('should keep the seed deck notes when items are reordered in the Markdown', async () => {
    const source = readFileSync(join(CONTENT, 'mlops.md'), 'utf8');
    // Swap the first two recall cards: their blocks run from one ### to the next.
    const first = source.indexOf('### What does MLOps stand for?');
    const second = source.indexOf('### Why is MLOps important?');
    const third = source.indexOf('### Name two key components of MLOps.');
    const reordered =
      source.slice(0, first) +
      source.slice(second, third) +
      source.slice(first, second) +
      source.slice(third);
    const before = parse(source, 'mlops.md');
    const after = parse(reordered, 'mlops.md');
    expect(after.deck.sections[0]!.items[0]!.id).toBe(before.deck.sections[0]!.items[1]!.id);
    expect(await guids(after)).toEqual(await guids(before));
  });

  // The deck that uses every question type, once the parser reads them all.
  it.runIf(decks.includes('physics.md'))(
    'should give each item of physics.md the note type and cards of its type',
    async () => {
      const input = parse(readFileSync(join(CONTENT, 'physics.md'), 'utf8'), 'physics.md');
      const items = input.deck.sections.flatMap((section) => section.items);
      const types = new Set(items.map((item) => item.type));
      for (const type of QUESTION_TYPES) expect(types, type).toContain(type);
      const pkg = await openPackage(await buildAnkiPackage(input, EPOCH));
      for (const item of items) {
        const guid = guidFor(input.deck.id, item.id);
        const rows = pkg.rows<{ mid: number; ord: number }>(
          `SELECT notes.mid, cards.ord FROM notes JOIN cards ON cards.nid = notes.id WHERE notes.guid = '${guid.replace(/'/g, "''")}' ORDER BY cards.ord`,
        );
        expect(rows.map((row) => row.mid)[0], item.id).toBe(noteTypes[item.type].id);
        expect(
          rows.map((row) => row.ord),
          item.id,
        ).toEqual(item.type === 'cloze' ? clozeNumbers(item.text).map((n) => n - 1) : [0]);
      }
    },
  );
});
