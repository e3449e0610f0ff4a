import type { Choice, Flashcard, Item } from '@quizmark/model';
import {
  blank,
  deckInput,
  everyTypeDeck,
  numericAnswer,
  revisionDeckInput,
  rich,
} from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { ankiIdFor, buildAnkiPackage, guidFor } from '../src/index.js';
import { openPackage } from './open-package.js';

const EPOCH = 1_700_000_000;

interface Identity {
  guid: string;
  id: number;
  mid: number;
  cardId: number;
  ord: number;
  mod: number;
  flds: string;
}

/** Every card of a package with its note, keyed by the note GUID (the first card's). */
async function identities(apkg: Uint8Array): Promise<Map<string, Identity>> {
  const pkg = await openPackage(apkg);
  const rows = pkg.rows<Identity>(
    'SELECT notes.guid, notes.id, notes.mid, notes.mod, notes.flds, cards.id AS cardId, cards.ord FROM notes JOIN cards ON cards.nid = notes.id ORDER BY cards.ord DESC',
  );
  return new Map(rows.map((row) => [row.ord === 0 ? row.guid : `${row.guid}/${row.ord}`, row]));
}

const withoutContent = (map: Map<string, Identity>) =>
  [...map.values()]
    .map(({ guid, id, mid, cardId, ord }) => ({ guid, id, mid, cardId, ord }))
    .sort((a, b) => (a.guid < b.guid ? -1 : a.guid > b.guid ? 1 : a.ord - b.ord));

describe('note identity', () => {
  it('should derive GUIDs from the deck id and item id only', () => {
    expect(guidFor('mlops-basics', 'deploy-threshold')).toBe(
      guidFor('mlops-basics', 'deploy-threshold'),
    );
    expect(guidFor('mlops-basics', 'deploy-threshold')).not.toBe(
      guidFor('other-deck', 'deploy-threshold'),
    );
    expect(guidFor('mlops-basics', 'deploy-threshold')).toMatch(/^[\x21-\x7e]{1,10}$/);
    expect(guidFor('mlops-basics', 'deploy-threshold')).not.toMatch(/["'\\\t ]/);
  });

  it("should derive ids in Anki's millisecond-timestamp range, below 2^53", () => {
    for (const key of ['a', 'quizmark/notetype/basic@1', 'quizmark/deck/mlops-basics']) {
      const id = ankiIdFor(key);
      expect(Number.isSafeInteger(id)).toBe(true);
      expect(id).toBeGreaterThanOrEqual(1e12);
      expect(id).toBeLessThan(9e12);
    }
    expect(ankiIdFor('a')).not.toBe(ankiIdFor('b'));
  });

  it('should keep GUIDs and note and card ids when an answer is edited', async () => {
    const before = await identities(await buildAnkiPackage(revisionDeckInput(), EPOCH));
    const edited = revisionDeckInput();
    const card = edited.deck.sections[0]!.items[0] as Flashcard;
    card.back = rich('Machine Learning Operations (edited).');
    const choice = edited.deck.sections[1]!.items[0] as Choice;
    choice.options[0]!.correct = false;
    choice.options[1]!.correct = true;
    const after = await identities(await buildAnkiPackage(edited, EPOCH + 3600));

    expect(withoutContent(after)).toEqual(withoutContent(before));
    const guid = guidFor('mlops-basics', 'what-does-mlops-stand-for');
    expect(after.get(guid)!.flds).toContain('Machine Learning Operations (edited).');
    expect(after.get(guid)!.flds).not.toBe(before.get(guid)!.flds);
    // Newer modification time: Anki updates the note on import instead of skipping it.
    expect(after.get(guid)!.mod).toBeGreaterThan(before.get(guid)!.mod);
  });

  it('should keep GUIDs and note and card ids of every question type when its content is edited', async () => {
    const input = () => deckInput(everyTypeDeck(), 'every-type');
    const before = await identities(await buildAnkiPackage(input(), EPOCH));
    const edited = input();
    const items = edited.deck.sections[0]!.items;
    const edit = (id: string, change: (item: Item) => void) =>
      change(items.find((i) => i.id === id)!);
    edit('mass-weight', (item) => {
      if (item.type === 'truefalse') item.answer = true;
    });
    edit('g-near-earth', (item) => {
      if (item.type === 'numeric')
        item.answer = numericAnswer(9.8, { kind: 'absolute', tolerance: 0.1 });
    });
    edit('kinetic-energy', (item) => {
      if (item.type === 'numeric') item.answer = numericAnswer(9, { kind: 'range', tolerance: 1 });
    });
    edit('force-unit', (item) => {
      if (item.type === 'short') item.answers = ['newton', 'N', 'newtons'];
    });
    edit('energy-sentence', (item) => {
      if (item.type === 'cloze') {
        item.text = {
          markdown: '',
          children: [
            {
              type: 'paragraph',
              children: [
                blank(2, 'watts'),
                { type: 'text', value: ' and ' },
                blank(1, 'joules', 'a unit'),
              ],
            },
          ],
        };
      }
    });
    edit('si-units', (item) => {
      if (item.type === 'matching') item.distractors = [rich('ampere')];
    });
    edit('method-steps', (item) => {
      if (item.type === 'ordering') item.sequence.reverse();
    });
    edit('vector', (item) => {
      if (item.type === 'choice') item.options[0]!.feedback = rich('Speed is a scalar.');
    });
    const after = await identities(await buildAnkiPackage(edited, EPOCH + 60));

    expect(withoutContent(after)).toEqual(withoutContent(before));
    expect([...after.keys()]).toContain(`${guidFor('every-type', 'energy-sentence')}/1`);
    for (const [key, row] of after) {
      expect(row.flds, key).not.toBe(before.get(key)!.flds);
      expect(row.mod).toBeGreaterThan(before.get(key)!.mod);
    }
  });

  it('should keep GUIDs and ids when items are reordered or moved to another section', async () => {
    const before = await identities(await buildAnkiPackage(revisionDeckInput(), EPOCH));
    const moved = revisionDeckInput();
    const [recall, practice] = moved.deck.sections;
    recall!.items.reverse();
    practice!.items.reverse();
    practice!.items.push(recall!.items.pop()!);
    const after = await identities(await buildAnkiPackage(moved, EPOCH));
    expect(withoutContent(after)).toEqual(withoutContent(before));
  });

  it('should keep note type ids when the deck changes', async () => {
    const a = await openPackage(await buildAnkiPackage(revisionDeckInput(), EPOCH));
    const other = revisionDeckInput();
    other.deck.id = 'another-deck';
    other.deck.title = 'Another deck';
    const b = await openPackage(await buildAnkiPackage(other, EPOCH + 10));
    const modelIds = (pkg: typeof a) => Object.keys(JSON.parse(pkg.col().models as string)).sort();
    expect(modelIds(b)).toEqual(modelIds(a));
    const guids = (pkg: typeof a) =>
      pkg.rows<{ guid: string }>('SELECT guid FROM notes').map((r) => r.guid);
    expect(guids(b).some((guid) => guids(a).includes(guid))).toBe(false);
  });
});
