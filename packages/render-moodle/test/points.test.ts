import type { DeckInput } from '@quizmark/model';
import { parseDeck } from '@quizmark/parser';
import { describe, expect, it } from 'vitest';
import { moodleDescriptor, moodleRenderer } from '../src/index.js';
import { child, questionsOf, readXml } from './moodle-reader.js';

// A deck's points become each question's default mark; what Moodle cannot
// grade as the deck asks is a warning at the item.

const DATES = { sourceDateEpoch: 0, lastChange: 0 };

function parsed(body: string): DeckInput {
  const source = `---\nid: marks\ntitle: Marks\npoints: 2\n---\n\n## Section\n\n${body}\n`;
  const result = parseDeck(source, { file: 'marks.md' });
  expect(result.diagnostics).toEqual([]);
  return { deck: result.deck!, name: 'marks', assets: new Map() };
}

const DECK = `### Which are primes? {points=4 scoring=all}

- [x] 2
- [x] 3
- [ ] 4

### Which is even? {points=0.5}

- [x] 2
- [ ] 3

### What is data drift?

A change in the data a model sees.

### The {{sun}} rises in the {{east}}. {points=5}
`;

describe('points in Moodle XML', () => {
  it("should write each question's points as its default mark, the frontmatter's where it gives none", async () => {
    const input = parsed(DECK);
    const [file] = await moodleRenderer.render({ decks: [input], options: {}, sourceDateEpoch: 0 });
    const questions = questionsOf(readXml(new TextDecoder().decode(file!.bytes))).map(
      ({ question }) => question,
    );
    const marks = questions.map((question) =>
      question.attributes.type === 'cloze' ? null : child(question, 'defaultgrade').text.trim(),
    );
    expect(marks).toEqual(['4', '0.5', '2', null]);
  });

  it('should warn where Moodle cannot grade as the deck asks', async () => {
    const input = parsed(DECK);
    const problems = (await moodleDescriptor.check!(input, {}, DATES)).map(
      ({ ruleId, item, message }) => ({
        ruleId,
        item,
        message,
      }),
    );
    expect(problems).toEqual([
      {
        ruleId: 'moodle-choice-all-or-nothing',
        item: input.deck.sections[0]!.items[0]!.id,
        message:
          "Moodle's multiple-answer questions give partial credit: this one cannot be graded all or nothing there",
      },
      {
        ruleId: 'moodle-cloze-points',
        item: input.deck.sections[0]!.items[3]!.id,
        message: 'Moodle marks a cloze out of its blanks: this one is worth 2 there, not 5',
      },
    ]);
  });
});
