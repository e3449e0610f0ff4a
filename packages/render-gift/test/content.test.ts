import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeckInput } from '@quizmark/model';
import { parseDeck } from '@quizmark/parser';
import { describe, expect, it } from 'vitest';
import { giftDescriptor, giftHolds, giftRenderer } from '../src/index.js';
import { expectQuestionMatches } from './expect-question.js';
import { readGift } from './read-gift.js';

// The decks that ship with the project, parsed from Markdown as the CLI does,
// rendered, and read back with gift-pegjs.

const CONTENT = join(import.meta.dirname, '../../../content');
const decks = readdirSync(CONTENT).filter((name) => name.endsWith('.md'));

function parse(file: string): DeckInput {
  const result = parseDeck(readFileSync(join(CONTENT, file), 'utf8'), { file });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { deck: result.deck!, name: file.replace(/\.md$/, ''), assets: new Map() };
}

const render = async (input: DeckInput) =>
  giftRenderer.render({ decks: [input], options: {}, sourceDateEpoch: 1_700_000_000 });

describe('content decks', () => {
  it('should find the seed deck and the physics deck', () => {
    expect(decks).toEqual(expect.arrayContaining(['mlops.md', 'physics.md']));
  });

  it.each(decks)(
    'should write %s as one .gift file whose questions match the deck',
    async (file) => {
      const input = parse(file);
      const files = await render(input);
      expect(files.map((f) => [f.path, f.label])).toEqual([
        [`${input.name}.gift`, 'GIFT questions for Moodle'],
      ]);
      const questions = readGift(files[0]!.bytes);
      const kept = input.deck.sections.flatMap((section) =>
        section.items.filter(giftHolds).map((item) => ({ section, item })),
      );
      expect(questions.map((q) => q.title)).toEqual(kept.map(({ item }) => item.id));
      questions.forEach((question, index) => {
        const { section, item } = kept[index]!;
        expect(question.category).toBe(`$course$/top/${input.deck.title}/${section.title}`);
        expectQuestionMatches(question, item, input.deck);
      });
    },
  );

  it.each(decks)('should warn, at its item, for everything %s loses', async (file) => {
    const input = parse(file);
    const left = input.deck.sections.flatMap((s) => s.items).filter((item) => !giftHolds(item));
    const problems = await giftDescriptor.check!(input, {}, { sourceDateEpoch: 0, lastChange: 0 });
    const known = new Set(Object.keys(giftDescriptor.rules));
    for (const problem of problems) expect(known).toContain(problem.ruleId);
    // An item left out is warned about, by the pipeline (ordering) or by a rule of this output.
    for (const item of left) {
      if (item.type === 'ordering')
        expect(giftDescriptor.carries.itemTypes).not.toContain('ordering');
      else
        expect(problems.filter((p) => p.item === item.id).map((p) => p.ruleId)).toContainEqual(
          expect.stringMatching(/^gift-(cloze-blanks|short-arrow)$/),
        );
    }
  });

  it.each(decks)('should give the same bytes for %s every time', async (file) => {
    const [first] = await render(parse(file));
    const [second] = await render(parse(file));
    expect(Buffer.from(second!.bytes).equals(Buffer.from(first!.bytes))).toBe(true);
  });

  it('should leave out only the ordering item and the two-blank cloze of the physics deck', async () => {
    const input = parse('physics.md');
    const [file] = await render(input);
    const titles = readGift(file!.bytes).map((q) => q.title);
    const ids = input.deck.sections.flatMap((s) => s.items).map((item) => item.id);
    expect(ids.filter((id) => !titles.includes(id))).toEqual(['energy-units', 'scientific-method']);
    expect(new Set(readGift(file!.bytes).map((q) => q.type))).toEqual(
      new Set(['MC', 'TF', 'Numerical', 'Short', 'Matching']),
    );
    // GIFT's blank line ends a question: there is none inside one.
    const text = new TextDecoder().decode(file!.bytes);
    for (const block of text.split(/\n\n/)) expect(block.trim()).not.toBe('');
  });
});
