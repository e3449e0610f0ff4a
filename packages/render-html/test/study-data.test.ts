import type { DeckInput, RenderedFile } from '@quizmark/model';
import {
  choice,
  collectionRequest,
  deckInput,
  deckOf,
  everyTypeDeck,
  flashcard,
} from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { type HtmlOptions, htmlRenderer, renderDeckHtml, studyDataOfPage } from '../src/index.js';
import { seedDeckInput } from './content-decks.js';

// What the study page's script grades with and the modes run on: carried
// encoded, never as readable attributes, and stable across builds so that a
// learner's progress outlives a rebuilt page.

const seed = seedDeckInput();
const seedStudy = renderDeckHtml(seed, { view: 'study' });

async function render(decks: DeckInput[], options: HtmlOptions = {}): Promise<RenderedFile[]> {
  const request = { decks, options, sourceDateEpoch: 0 };
  return [
    ...(await htmlRenderer.render(request)),
    ...((await htmlRenderer.renderCollection?.(collectionRequest(request))) ?? []),
  ];
}

const textOf = (files: RenderedFile[], path: string) =>
  new TextDecoder().decode(files.find((file) => file.path === path)!.bytes);

describe('the study data of a study page', () => {
  it('should carry no answer as a readable attribute', () => {
    for (const html of [seedStudy, renderDeckHtml(deckInput(everyTypeDeck(), 'every-type'))]) {
      expect(html).not.toMatch(
        /\sdata-(?:correct|answers?|min|max|unit|position|case-sensitive)\b/,
      );
    }
    // The correct option's text appears in the page only inside its closed reveal.
    const data = studyDataOfPage(seedStudy)!;
    expect(data.deck).toEqual({ id: seed.deck.id, title: seed.deck.title });
    expect(data.test).toEqual({ length: 10 });
    const exam = renderDeckHtml(seed, { view: 'study', testLength: 17 });
    expect(studyDataOfPage(exam)!.test).toEqual({ length: 17 });
    expect(seedStudy).toContain(`data-deck="${seed.deck.id}"`);
    // Base64 of XOR-ed JSON: no answer text and no item id reads in the clear.
    const encoded = /id="quizmark-study-data"[^>]*>([^<]*)</.exec(seedStudy)![1]!;
    expect(encoded).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(encoded, 'base64').toString('utf8')).not.toContain('correct');
  });

  it('should list every item of the seed in deck order with what each mode needs', () => {
    const data = studyDataOfPage(seedStudy)!;
    const items = seed.deck.sections.flatMap((section) =>
      section.items.map((item) => ({ id: item.id, section: section.id, type: item.type })),
    );
    expect(data.items.map(({ id, section, type }) => ({ id, section, type }))).toEqual(items);
    expect(data.items.every((item) => item.anchor === `item-${item.id}`)).toBe(true);
    // Recall cards and explain prompts have nothing to grade; the ten questions do.
    expect(data.items.filter((item) => item.gradable)).toHaveLength(10);
    expect(data.items.filter((item) => item.gradable).every((item) => item.key !== null)).toBe(
      true,
    );
    // Practice: the five problems with steps and the two explain prompts.
    expect(data.items.filter((item) => item.practice).map((item) => item.type)).toEqual([
      'explain',
      'explain',
      'choice',
      'choice',
      'choice',
      'choice',
      'choice',
    ]);
    // Each choice's key names the options its model marks correct.
    for (const item of seed.deck.sections.flatMap((section) => section.items)) {
      if (item.type !== 'choice') continue;
      const key = data.items.find((entry) => entry.id === item.id)!.key;
      expect(key).toEqual({
        correct: item.options.filter((option) => option.correct).map((option) => option.key),
      });
    }
  });

  it('should give an item the same version on every build, and a new one when it changes', () => {
    const versions = (input: DeckInput) =>
      new Map(studyDataOfPage(renderDeckHtml(input))!.items.map((item) => [item.id, item.version]));
    const build = (answer: number) =>
      deckInput(
        deckOf({
          Cards: [flashcard('kept'), choice('edited', { correct: [answer] })],
        }),
        'deck',
      );
    const first = versions(build(0));
    expect(versions(build(0))).toEqual(first);
    const second = versions(build(1));
    expect(second.get('kept')).toBe(first.get('kept'));
    expect(second.get('edited')).not.toBe(first.get('edited'));
  });

  it('should make every gradable item practice in a deck without steps or explain prompts', () => {
    const plain = deckInput(deckOf({ Quiz: [choice('a'), choice('b'), flashcard('c')] }), 'plain');
    const data = studyDataOfPage(renderDeckHtml(plain))!;
    expect(data.items.map((item) => [item.id, item.practice])).toEqual([
      ['a', true],
      ['b', true],
      ['c', false],
    ]);
  });

  it('should leave the teacher’s copy without study data or script', () => {
    const answers = renderDeckHtml(seed, { view: 'answers' });
    expect(studyDataOfPage(answers)).toBeNull();
    expect(answers).not.toContain('<script');
  });
});

describe('the link to the teacher’s copy', () => {
  it('should be on the study page and the index by default', async () => {
    const files = await render([seed]);
    expect(textOf(files, 'mlops.html')).toContain('<a href="mlops.answers.html">');
    expect(textOf(files, 'index.html')).toContain('href="mlops.answers.html"');
  });

  it('should be left out everywhere with answersLink: false, the copy still written', async () => {
    const files = await render([seed], { answersLink: false });
    expect(files.map((file) => file.path)).toContain('mlops.answers.html');
    expect(textOf(files, 'mlops.html')).not.toContain('answers.html');
    expect(textOf(files, 'index.html')).not.toContain('answers.html');
    expect(textOf(files, 'index.html')).not.toContain('teacher’s copy');
  });
});
