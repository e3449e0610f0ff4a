import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeckInput } from '@quizmark/model';
import { parseDeck } from '@quizmark/parser';
import { choice, deckInput, deckOf } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { GIFT_RULES, giftDescriptor } from '../src/index.js';

// Each rule's example, as an author would write it, triggers that rule.

const DATES = { sourceDateEpoch: 0, lastChange: 0 };
const ruleIds = async (input: DeckInput) =>
  (await giftDescriptor.check!(input, {}, DATES)).map((p) => p.ruleId);

function parsed(example: string): DeckInput {
  const source = `---\nid: example\ntitle: Example\n---\n\n## Section\n\n${example}\n`;
  const result = parseDeck(source, { file: 'example.md' });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { deck: result.deck!, name: 'example', assets: new Map() };
}

describe('checks', () => {
  // Item rules; the two below need a whole deck or more options than an example shows.
  const markdownRules = Object.entries(GIFT_RULES).filter(
    ([id]) => id !== 'gift-choice-weights' && id !== 'gift-descriptions',
  );

  it.each(markdownRules)('should report %s for its example, at the item', async (id, rule) => {
    const input = parsed(rule.example);
    const problems = await giftDescriptor.check!(input, {}, DATES);
    expect(problems.map((p) => p.ruleId)).toEqual([id]);
    expect(problems[0]!.item).toBe(input.deck.sections[0]!.items[0]!.id);
  });

  it('should report gift-descriptions once per deck, for the deck as a whole', async () => {
    const result = parseDeck(
      `${GIFT_RULES['gift-descriptions'].example}\n\n## S\n\nAbout S.\n\n### Q {type=flashcard}\n\nA`,
      {
        file: 'd.md',
      },
    );
    const problems = await giftDescriptor.check!(
      { deck: result.deck!, name: 'd', assets: new Map() },
      {},
      DATES,
    );
    expect(problems).toEqual([
      {
        ruleId: 'gift-descriptions',
        item: null,
        message:
          "GIFT categories have no description: the deck's description and the section descriptions are not in the .gift file",
      },
    ]);
  });

  it('should report gift-choice-weights for 21 right options, not for 11 or 20', async () => {
    const many = (n: number) =>
      deckInput(
        deckOf({
          S: [
            choice(`c${n}`, {
              options: [...Array(n + 1).keys()].map(String),
              correct: [...Array(n).keys()],
              multiple: true,
            }),
          ],
        }),
        'd',
      );
    expect(await ruleIds(many(21))).toEqual(['gift-choice-weights']);
    expect(await ruleIds(many(11))).toEqual([]);
    expect(await ruleIds(many(20))).toEqual([]);
  });

  it('should not report a hint of an item the file leaves out (the cloze rule says it)', async () => {
    const input = parsed(
      '### Units {type=cloze}\n\nA {{c1::b}} c {{c2::d}}.\n\n#### Hint\n\nThink.',
    );
    expect(await ruleIds(input)).toEqual(['gift-cloze-blanks']);
  });

  it('should say it carries every type but ordering, and no images', () => {
    expect(giftDescriptor.carries.itemTypes).not.toContain('ordering');
    expect(giftDescriptor.carries.itemTypes).toHaveLength(8);
    expect(giftDescriptor.carries.images).toEqual([]);
    expect(giftDescriptor.carries.remoteImages).toBe('link');
  });

  it('should document every rule on the GIFT page', () => {
    const page = readFileSync(join(import.meta.dirname, '../../../docs/lms/gift.md'), 'utf8');
    for (const id of Object.keys(GIFT_RULES)) expect(page).toContain(`\`${id}\``);
  });
});
