import type { Deck } from '@quizmark/model';
import {
  choice,
  deck,
  deckInput,
  flashcard,
  hostileDeck,
  matching,
  numeric,
  para,
  rich,
  section,
  shortAnswer,
  trueFalse,
} from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { escapeGift, giftRenderer } from '../src/index.js';
import { expectQuestionMatches } from './expect-question.js';
import { expectMoodleStructure } from './moodle-structure.js';
import { questionTitled, readGift } from './read-gift.js';

// Text full of GIFT's control characters, HTML that must not survive and
// characters from other scripts, read back unchanged.

const NASTY = 'a ~ b = c # d {e} f: g \\ h \\n i [html] j [k] l ]]> m #### n -> o %50% p';
const SCRIPT = '<script>alert(1)</script>';

async function giftText(input: Deck): Promise<string> {
  const files = await giftRenderer.render({
    decks: [deckInput(input, 'deck')],
    options: {},
    sourceDateEpoch: 0,
  });
  return new TextDecoder().decode(files[0]!.bytes);
}

function nastyDeck(): Deck {
  const option = choice('options', {
    stem: `Pick ${NASTY}`,
    options: [`=${NASTY}`, `~%100%${NASTY}`, '[html] starts with a format'],
    correct: [1],
  });
  option.options[0]!.feedback = rich(`#${NASTY}`);
  return deck({
    id: 'nasty',
    title: `Deck ${SCRIPT} ]]> / slash`,
    sections: [
      section('s', `Section: {a} ~b =c #d \\e \\n / f 日本語 🚀`, [
        flashcard('front', {
          title: 'Title [tag:evil] [id:evil]',
          front: rich(para(NASTY), { type: 'html', value: `${SCRIPT}<b onclick="x()">bold</b>` }),
          back: rich(NASTY),
          tags: ['a tag', 'ünïcode'],
        }),
        option,
        trueFalse('tf', {
          stem: NASTY,
          trueFeedback: rich(NASTY),
          falseFeedback: rich(`#${NASTY}#`),
        }),
        numeric('num', { stem: `${NASTY} {#1:2}`, explanation: rich(NASTY) }),
        shortAnswer('short', { stem: NASTY, answers: ['{=}', '~x', 'a#b', 'c:d'] }),
        matching('pairs', {
          stem: NASTY,
          pairs: [
            [`left ${NASTY}`, 'right ~ = # { } : \\'],
            ['مرحبا', 'שלום'],
            ['x -> y', 'z -> w'],
          ],
        }),
      ]),
    ],
  });
}

describe('escaping', () => {
  it('should escape every GIFT control character, a backslash first', () => {
    expect(escapeGift('~=#{}:\\')).toBe('\\~\\=\\#\\{\\}\\:\\\\');
    expect(escapeGift('a\r\n\r\nb\nc')).toBe('a\\n\\nb\\nc');
  });

  it('should read back every text of a hostile deck as written', async () => {
    const input = nastyDeck();
    const text = await giftText(input);
    expectMoodleStructure(text, ['pairs']);
    const questions = readGift(text);
    const items = input.sections[0]!.items;
    expect(questions.map((q) => q.title)).toEqual(items.map((item) => item.id));
    questions.forEach((question, index) => {
      expectQuestionMatches(question, items[index]!, input);
    });
  });

  it('should keep GIFT control characters in titles, categories and tags from doing anything', async () => {
    const questions = readGift(await giftText(nastyDeck()));
    // Moodle reads `//` in a category path as a slash, `/` as a level.
    expect(questions[0]!.category).toBe(
      `$course$/top/Deck <script>alert(1)<//script> ]]> // slash/Section: {a} ~b =c #d \\e \\n // f 日本語 🚀`,
    );
    expect(questionTitled(questions, 'front').tags).toEqual(['a tag', 'ünïcode']);
  });

  it('should pad a category name that starts or ends with a slash, as Moodle writes it', async () => {
    const input = deck({ title: 'D', sections: [section('api', '/api/', [flashcard('card')])] });
    expect(readGift(await giftText(input))[0]!.category).toBe('$course$/top/D/ //api// ');
  });

  it('should never write a script, an event handler or a javascript: URL in HTML', async () => {
    for (const input of [hostileDeck(), nastyDeck()]) {
      for (const question of readGift(await giftText(input))) {
        // Every part Moodle reads as HTML; titles, categories and comments are plain text.
        const parts = [
          question.stem,
          'globalFeedback' in question ? question.globalFeedback : null,
        ];
        if (question.type === 'MC' || question.type === 'Short')
          for (const c of question.choices) parts.push(c.text, c.feedback);
        if (question.type === 'TF') parts.push(question.trueFeedback, question.falseFeedback);
        for (const part of parts)
          expect(part?.text ?? '').not.toMatch(/<script|\son\w+\s*=|javascript:|<iframe/i);
      }
    }
  });

  it('should keep right-to-left text and emoji', async () => {
    const questions = readGift(await giftText(nastyDeck()));
    const pairs = questionTitled(questions, 'pairs');
    expect(pairs.type === 'Matching' && pairs.matchPairs[1]).toEqual({
      subquestion: { format: 'html', text: 'مرحبا' },
      subanswer: 'שלום',
    });
  });
});
