import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Choice, DeckInput, Difficulty, Item, Level, RenderRequest } from '@quizmark/model';
import { toPlainText } from '@quizmark/model';
import {
  browserAvailable,
  choice,
  deckInput,
  deckOf,
  everyTypeDeck,
  explain,
  flashcard,
  type LaunchedBrowser,
  launchBrowser,
} from '@quizmark/testing';
import type { BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HtmlOptions, htmlRenderer } from '../src/index.js';
import { seriousAxeViolations } from './axe.js';
import { contentDecks } from './content-decks.js';

// Test mode as a learner takes it: the seed deck (10 gradable questions, the
// practice ones rated easy, medium and hard, the quiz ones not rated), a deck
// rated by levels only, a deck with more questions than a test takes, and a
// deck with every item type, opened from file:// in Chromium. Right answers
// come from the model, never from the study page. The clock is fixed, so
// every seed (deck id, attempt number, time) and so every draw is the same
// on every run.

const START = new Date('2026-03-04T09:00:00Z').getTime();
// Set SHOTS_DIR to write screenshots of every screen (for a person to look at).
const SHOTS_DIR = process.env.SHOTS_DIR;

interface Opened {
  page: Page;
  context: BrowserContext;
  errors: string[];
}

interface StoredTest {
  at: string;
  seed: string;
  score: number;
  total: number;
  byDifficulty: Record<string, { right: number; total: number }>;
  items: Array<{ id: string; correct: boolean; difficulty: string | null; answer: string }>;
}

const levelled = (level: Level, count: number): Choice[] =>
  Array.from({ length: count }, (_, index) => choice(`${level}-${index + 1}`, { level }));

const rated = (difficulty: Difficulty | null, count: number, prefix: string): Choice[] =>
  Array.from({ length: count }, (_, index) => choice(`${prefix}-${index + 1}`, { difficulty }));

describe.runIf(browserAvailable())('Test mode in Chromium', () => {
  let launched: LaunchedBrowser;
  let dir: string;
  const seed = contentDecks().find((input) => input.name === 'mlops')!;
  // 18 questions rated by level only: a test takes 3 easy, 4 medium, 3 hard.
  const levels = deckInput(
    deckOf(
      {
        Basics: levelled('beginner', 6),
        Middle: levelled('intermediate', 6),
        Deep: levelled('advanced', 6),
      },
      'levels-deck',
    ),
    'levels',
  );
  // One of each difficulty and 12 unrated: the unrated fill the test; cards
  // and prompts are not questions a test asks.
  const mixed = deckInput(
    deckOf(
      {
        Rated: [...rated('hard', 1, 'hard'), ...rated('medium', 1, 'medium')],
        Loose: [
          flashcard('card'),
          ...rated(null, 12, 'loose'),
          explain('prompt'),
          ...rated('easy', 1, 'easy'),
        ],
      },
      'mixed-deck',
    ),
    'mixed',
  );
  const everyType = deckInput(everyTypeDeck(), 'every-type');
  const onlyCards = deckInput(
    deckOf({ Cards: [flashcard('a'), flashcard('b')] }, 'cards'),
    'cards',
  );

  const itemsOf = (input: DeckInput): Item[] =>
    input.deck.sections.flatMap((section) => section.items);
  const byTitle = (input: DeckInput) => new Map(itemsOf(input).map((item) => [item.title, item]));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'quizmark-test-mode-'));
    const request: RenderRequest<HtmlOptions> = {
      decks: [seed, levels, mixed, everyType, onlyCards],
      options: {},
      sourceDateEpoch: 0,
    };
    for (const file of await htmlRenderer.render(request)) {
      writeFileSync(join(dir, file.path), file.bytes);
    }
    // The length an exam file asks for: all of its questions.
    const all = await htmlRenderer.render({
      decks: [{ ...mixed, name: 'mixed-all' }],
      options: { testLength: 15, view: 'study' },
      sourceDateEpoch: 0,
    });
    for (const file of all) writeFileSync(join(dir, file.path), file.bytes);
    launched = await launchBrowser();
  });

  afterAll(async () => {
    await launched?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const url = (file: string, hash = '') => `${pathToFileURL(join(dir, file)).href}${hash}`;

  async function open(
    file: string,
    options: BrowserContextOptions & { clock?: number } = {},
  ): Promise<Opened> {
    const { clock = START, ...contextOptions } = options;
    const context = await launched.browser.newContext(contextOptions);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.clock.setFixedTime(clock);
    await page.goto(url(file, '#test'));
    return { page, context, errors };
  }

  /** A locator's text, white space collapsed (what a reader gets from the words). */
  const text = async (locator: Locator): Promise<string> =>
    ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

  /** Opens a mode with its link, and waits for the page to show it (hashchange comes after the click). */
  async function switchTo(page: Page, name: 'Read' | 'Test'): Promise<void> {
    await page.getByRole('link', { name }).click();
    await page.waitForSelector(`html[data-mode="${name.toLowerCase()}"]`, { state: 'attached' });
  }

  const panel = (page: Page) => page.locator('[data-mode-panel="test"]');
  const button = (page: Page, name: string): Locator =>
    panel(page).getByRole('button', { name, exact: true });
  const current = (page: Page) => panel(page).locator('[data-test-slot] > article.item');
  const progressText = (page: Page) => panel(page).locator('[data-test-count]');
  const feedback = (page: Page) => current(page).locator('[data-feedback]');

  /** The question on screen, by its title as the model has it. */
  async function currentItem(page: Page, titles: Map<string, Item>): Promise<Item> {
    const title = await text(current(page).locator('.item-title'));
    const item = titles.get(title.replace(/^\d+\.\s*/, ''));
    if (!item) throw new Error(`No item titled ${title}`);
    return item;
  }

  /** Picks the option the model says is right (or a wrong one). */
  async function pick(page: Page, item: Item, right: boolean): Promise<void> {
    if (item.type !== 'choice') throw new Error(`${item.id} is not a choice question`);
    const option = item.options.find((candidate) => candidate.correct === right)!;
    await current(page).getByLabel(toPlainText(option.text)).check();
  }

  async function stored(page: Page, deckId: string): Promise<StoredTest[]> {
    const text = await page.evaluate(
      (key) => localStorage.getItem(key),
      `quizmark:progress:${deckId}`,
    );
    return text === null ? [] : JSON.parse(text).tests;
  }

  /** Takes a whole test, answering wrong at the positions in `wrongAt` (1-based). */
  async function takeTest(
    page: Page,
    input: DeckInput,
    wrongAt: number[],
  ): Promise<Array<{ item: Item; correct: boolean }>> {
    const titles = byTitle(input);
    await button(page, 'Start test').or(button(page, 'Try again')).click();
    const total = Number((await text(progressText(page))).match(/\/ (\d+)$/)![1]);
    const asked: Array<{ item: Item; correct: boolean }> = [];
    for (let number = 1; number <= total; number++) {
      await expect.poll(() => text(progressText(page))).toBe(`Question ${number} / ${total}`);
      const item = await currentItem(page, titles);
      const correct = !wrongAt.includes(number);
      await pick(page, item, correct);
      await button(page, 'Check').click();
      asked.push({ item, correct });
      await button(page, number === total ? 'Finish' : 'Next').click();
    }
    return asked;
  }

  /** The breakdown table as text: difficulty → "right / total". */
  async function breakdown(page: Page): Promise<Record<string, string>> {
    const rows = panel(page).locator('[data-test-breakdown] tr');
    const out: Record<string, string> = {};
    for (const row of await rows.all()) {
      out[(await text(row.locator('th'))).trim()] = (await text(row.locator('td').first())).trim();
    }
    return out;
  }

  const effective = (item: Item): string =>
    item.difficulty ??
    ({ beginner: 'easy', intermediate: 'medium', advanced: 'hard' } as const)[item.level!] ??
    'unrated';
  const LABEL: Record<string, string> = {
    easy: 'Easy',
    medium: 'Medium',
    hard: 'Hard',
    unrated: 'Not rated',
  };

  function expectedBreakdown(asked: Array<{ item: Item; correct: boolean }>) {
    const out: Record<string, string> = {};
    for (const name of ['easy', 'medium', 'hard', 'unrated']) {
      const mine = asked.filter(({ item }) => effective(item) === name);
      if (mine.length === 0 && name === 'unrated') continue;
      out[LABEL[name]!] =
        mine.length === 0
          ? 'none in this test'
          : `${mine.filter(({ correct }) => correct).length} / ${mine.length}`;
    }
    return out;
  }

  const duplicateIds = (page: Page) =>
    page.evaluate(() => {
      const seen = new Set<string>();
      const doubled: string[] = [];
      for (const element of Array.from(document.querySelectorAll('[id]'))) {
        if (seen.has(element.id)) doubled.push(element.id);
        seen.add(element.id);
      }
      return doubled;
    });

  it('should take the seed deck’s test to the end and score it by difficulty', async () => {
    const { page, context, errors } = await open('mlops.html');
    await expect.poll(() => panel(page).isVisible()).toBe(true);
    await expect
      .poll(() => text(panel(page).locator('[data-test-about]')))
      .toBe(
        '10 questions across easy, medium and hard, to know if this pattern is strong: 2 easy, 2 medium, 1 hard and 5 not rated.',
      );
    expect(await text(panel(page).locator('[data-test-history-none]'))).toBe(
      'No finished attempts yet.',
    );

    await button(page, 'Start test').click();
    expect(await text(progressText(page))).toBe('Question 1 / 10');
    // The hint, the answer and the item's own Check are out of sight and out of reach.
    const article = current(page);
    expect(await article.locator('details.answer').isVisible()).toBe(false);
    expect(await article.locator('details.hint').count()).toBeLessThanOrEqual(1);
    expect(await article.locator('details.hint').isVisible()).toBe(false);
    expect(await article.locator('[data-check]').isVisible()).toBe(false);

    // Check with nothing picked is not a grade: it says so, and the question stays.
    await button(page, 'Check').click();
    expect(await text(feedback(page))).toBe(
      'Pick an option first. Nothing is graded until you answer.',
    );
    expect(await button(page, 'Next').isVisible()).toBe(false);

    const titles = byTitle(seed);
    const first = await currentItem(page, titles);
    // A wrong pick: a single choice does not check at once in a test.
    await pick(page, first, false);
    expect(await text(feedback(page))).toBe('');
    await button(page, 'Check').click();
    expect(await text(feedback(page))).toMatch(/^✗/);
    // One try: every option is disabled, and a click on the right one changes nothing.
    const radios = article.getByRole('radio');
    for (const radio of await radios.all()) expect(await radio.isDisabled()).toBe(true);
    const right = first.type === 'choice' ? first.options.find((option) => option.correct)! : null;
    await article.locator('label', { hasText: toPlainText(right!.text) }).click({ force: true });
    expect(await article.getByLabel(toPlainText(right!.text)).isChecked()).toBe(false);
    expect(await button(page, 'Check').isVisible()).toBe(false);
    expect(await panel(page).locator('[data-test-bar]').getAttribute('value')).toBe('1');

    // The rest: wrong at 4 and 9, right otherwise.
    const asked = [{ item: first, correct: false }];
    await button(page, 'Next').click();
    for (let number = 2; number <= 10; number++) {
      expect(await text(progressText(page))).toBe(`Question ${number} / 10`);
      const item = await currentItem(page, titles);
      const correct = number !== 4 && number !== 9;
      await pick(page, item, correct);
      await button(page, 'Check').click();
      expect(await text(feedback(page))).toMatch(correct ? /^✓ Correct!/ : /^✗/);
      asked.push({ item, correct });
      await button(page, number === 10 ? 'Finish' : 'Next').click();
    }

    // Every gradable item once, easy before medium before hard.
    const gradable = itemsOf(seed).filter((item) => item.type === 'choice');
    expect(gradable).toHaveLength(10);
    expect(new Set(asked.map(({ item }) => item.id))).toEqual(
      new Set(gradable.map((item) => item.id)),
    );
    const ranks = asked
      .map(({ item }) => effective(item))
      .filter((name) => name !== 'unrated')
      .map((name) => ['easy', 'medium', 'hard'].indexOf(name));
    expect(ranks).toEqual([...ranks].sort());

    expect(await text(panel(page).locator('[data-test-score]'))).toBe('7 / 10 · 70% right');
    expect(await breakdown(page)).toEqual(expectedBreakdown(asked));
    expect(await text(panel(page).locator('[data-test-verdict]'))).toMatch(/^Getting there/);
    // The focus lands on the result.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Your result');

    // Review mistakes: exactly the three missed questions, each with its solution.
    const review = button(page, 'Review mistakes');
    expect(await review.getAttribute('aria-expanded')).toBe('false');
    await review.click();
    expect(await review.getAttribute('aria-expanded')).toBe('true');
    const mistakes = panel(page).locator('.test-mistake');
    const missed = asked.filter(({ correct }) => !correct).map(({ item }) => item);
    expect(await mistakes.locator('.test-mistake-title').allTextContents()).toEqual(
      missed.map((item) => item.title),
    );
    for (const [index, item] of missed.entries()) {
      const entry = mistakes.nth(index);
      const wrong = (item as Choice).options.find((option) => !option.correct)!;
      const correct = (item as Choice).options.find((option) => option.correct)!;
      expect(await text(entry.locator('.test-given'))).toContain(toPlainText(wrong.text));
      expect(await text(entry.locator('.test-solution'))).toContain(toPlainText(correct.text));
      // The seed's practice questions bring their worked solution.
      if (item.steps.length > 0) {
        expect(await text(entry.locator('.test-solution'))).toContain(
          `Step 1: ${item.steps[0]!.title}`,
        );
      }
    }
    expect(await duplicateIds(page)).toEqual([]);

    // The attempt is stored as the progress format says, and listed.
    const [test] = await stored(page, 'mlops-basics');
    expect(test).toMatchObject({
      at: new Date(START).toISOString(),
      seed: `mlops-basics:1:${START}`,
      score: 7,
      total: 10,
    });
    expect(test!.items.map(({ id, correct }) => ({ id, correct }))).toEqual(
      asked.map(({ item, correct }) => ({ id: item.id, correct })),
    );
    expect(test!.items.map(({ difficulty }) => difficulty)).toEqual(
      asked.map(({ item }) => item.difficulty),
    );
    const tallyOf = (name: string) => {
      const mine = asked.filter(({ item }) => effective(item) === name);
      return { right: mine.filter(({ correct }) => correct).length, total: mine.length };
    };
    expect(test!.byDifficulty).toEqual({
      easy: tallyOf('easy'),
      medium: tallyOf('medium'),
      hard: tallyOf('hard'),
      unrated: tallyOf('unrated'),
    });
    expect(Object.values(test!.byDifficulty).map(({ total }) => total)).toEqual([2, 2, 1, 5]);
    expect(test!.items[0]!.answer).toContain(
      toPlainText((first as Choice).options.find((option) => !option.correct)!.text),
    );

    // Read has every article back, enabled and empty.
    await switchTo(page, 'Read');
    expect(await page.locator('#content input:disabled').count()).toBe(0);
    expect(await page.locator('#content input:checked').count()).toBe(0);
    expect(await page.locator('[data-test-slot] article').count()).toBe(0);

    // After a reload the attempt is listed with its date and score.
    await page.goto(url('mlops.html', '#test'));
    await page.reload();
    const rows = panel(page).locator('[data-test-attempt-rows] tr');
    await expect.poll(() => rows.count()).toBe(1);
    const cells = await rows.first().locator('th, td').allTextContents();
    expect(cells[0]).toBe('Attempt 1');
    expect(cells[1]).toContain('2026');
    expect(cells[2]).toBe('7 / 10 · 70%');
    const { easy, medium, hard } = test!.byDifficulty;
    expect(cells[3]).toBe(`${easy!.right}/2 · ${medium!.right}/2 · ${hard!.right}/1`);
    expect(await rows.first().locator('time').getAttribute('datetime')).toBe(test!.at);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('should draw a different order on a second attempt and the same one from the same seed', async () => {
    const { page, context, errors } = await open('mlops.html');
    const firstRun = await takeTest(page, seed, []);
    expect(await text(panel(page).locator('[data-test-score]'))).toBe('10 / 10 · 100% right');
    expect(await text(panel(page).locator('[data-test-verdict]'))).toMatch(/^Strong/);
    // Nothing missed: no review to open.
    expect(await button(page, 'Review mistakes').isVisible()).toBe(false);
    const secondRun = await takeTest(page, seed, [1, 2, 3, 4, 5, 6]);
    const order = (run: typeof firstRun) => run.map(({ item }) => item.id);
    expect(order(secondRun)).not.toEqual(order(firstRun));
    expect(await text(panel(page).locator('[data-test-verdict]'))).toMatch(/^Not strong yet/);
    const tests = await stored(page, 'mlops-basics');
    expect(tests.map((test) => test.seed)).toEqual([
      `mlops-basics:1:${START}`,
      `mlops-basics:2:${START}`,
    ]);
    const rows = panel(page).locator('[data-test-attempt-rows] tr');
    // Newest first.
    expect(await rows.locator('th').allTextContents()).toEqual(['Attempt 2', 'Attempt 1']);
    expect(errors).toEqual([]);
    await context.close();

    // A new browser at the same time draws the first seed again: an attempt can be replayed.
    const again = await open('mlops.html');
    const replay = await takeTest(again.page, seed, []);
    expect(order(replay)).toEqual(order(firstRun));
    await again.context.close();
  });

  it('should share a levels-only deck’s test across easy, medium and hard', async () => {
    const { page, context, errors } = await open('levels.html');
    expect(await text(panel(page).locator('[data-test-about]'))).toBe(
      '10 questions across easy, medium and hard, to know if this pattern is strong: 3 easy, 4 medium and 3 hard. Each attempt draws a new set from the deck’s 18 questions.',
    );
    const first = await takeTest(page, levels, [10]);
    const names = first.map(({ item }) => effective(item));
    expect(names).toEqual([
      ...Array(3).fill('easy'),
      ...Array(4).fill('medium'),
      ...Array(3).fill('hard'),
    ]);
    expect(await breakdown(page)).toEqual({ Easy: '3 / 3', Medium: '4 / 4', Hard: '2 / 3' });
    // 90% but only two of three hard right is still strong (at least half).
    expect(await text(panel(page).locator('[data-test-verdict]'))).toMatch(/^Strong/);
    const second = await takeTest(page, levels, [8, 9, 10]);
    expect(new Set(second.map(({ item }) => item.id))).not.toEqual(
      new Set(first.map(({ item }) => item.id)),
    );
    // 70% with every hard one wrong.
    expect(await breakdown(page)).toEqual({ Easy: '3 / 3', Medium: '4 / 4', Hard: '0 / 3' });
    expect(await text(panel(page).locator('[data-test-verdict]'))).toMatch(/^Getting there/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('should fill from the unrated questions when the rated ones run short', async () => {
    const { page, context, errors } = await open('mixed.html');
    expect(await text(panel(page).locator('[data-test-about]'))).toBe(
      '10 questions across easy, medium and hard, to know if this pattern is strong: 1 easy, 1 medium, 1 hard and 7 not rated. Each attempt draws a new set from the deck’s 15 questions.',
    );
    const asked = await takeTest(page, mixed, [1, 2]);
    expect(asked.some(({ item }) => item.type !== 'choice')).toBe(false);
    const ratedOrder = asked.map(({ item }) => item.difficulty).filter((name) => name !== null);
    expect(ratedOrder).toEqual(['easy', 'medium', 'hard']);
    expect(await breakdown(page)).toEqual(expectedBreakdown(asked));
    expect(Object.keys(await breakdown(page))).toEqual(['Easy', 'Medium', 'Hard', 'Not rated']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('should draw as many questions as the build asks for', async () => {
    const { page, context, errors } = await open('mixed-all.html');
    expect(await text(panel(page).locator('[data-test-about]'))).toBe(
      '15 questions across easy, medium and hard, to know if this pattern is strong: 1 easy, 1 medium, 1 hard and 12 not rated.',
    );
    const asked = await takeTest(page, mixed, [1, 2]);
    expect(new Set(asked.map(({ item }) => item.id)).size).toBe(15);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('should pause a test when the learner leaves it, giving the question back as it was', async () => {
    const { page, context, errors } = await open('mlops.html');
    const titles = byTitle(seed);
    await button(page, 'Start test').click();
    const first = await currentItem(page, titles);
    await pick(page, first, true);
    await button(page, 'Check').click();
    const anchor = await current(page).getAttribute('id');

    await switchTo(page, 'Read');
    const back = page.locator(`#content #${anchor}`);
    expect(await back.count()).toBe(1);
    expect(await back.locator('input:disabled').count()).toBe(0);
    expect(await back.locator('input:checked').count()).toBe(0);
    // In Read the item grades again as Read does.
    await back
      .getByLabel(toPlainText((first as Choice).options.find((o) => o.correct)!.text))
      .check();
    expect(await text(back.locator('[data-feedback]'))).toMatch(/^✓ Correct!/);

    await switchTo(page, 'Test');
    expect(await text(panel(page).locator('[data-test-paused]'))).toBe(
      'You have a test in progress: 1 of 10 answered.',
    );
    await button(page, 'Continue test').click();
    expect(await text(progressText(page))).toBe('Question 2 / 10');
    expect(await currentItem(page, titles)).not.toBe(first);

    // Start a new test instead: the paused one is dropped, nothing is stored.
    await switchTo(page, 'Read');
    await switchTo(page, 'Test');
    await button(page, 'Start a new test').click();
    expect(await text(progressText(page))).toBe('Question 1 / 10');
    expect(await stored(page, 'mlops-basics')).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('should grade every item type once and give each back enabled and empty', async () => {
    const { page, context, errors } = await open('every-type.html');
    await button(page, 'Start test').click();
    const total = Number((await text(progressText(page))).match(/\/ (\d+)$/)![1]);
    const gradable = itemsOf(everyType).filter(
      (item) => item.type !== 'flashcard' && item.type !== 'explain',
    );
    expect(total).toBe(Math.min(10, gradable.length));
    for (let number = 1; number <= total; number++) {
      const article = current(page);
      const type = (await article.getAttribute('class'))!.match(/item-(\w+)/)![1];
      if (type === 'choice' || type === 'truefalse') {
        await article.locator('[data-option] input').first().check();
        await button(page, 'Check').click();
      } else if (type === 'numeric' || type === 'short') {
        // Enter in the field checks, as in Read.
        await article.locator('input[type="text"]').fill('7');
        await article.locator('input[type="text"]').press('Enter');
      } else if (type === 'cloze') {
        for (const blank of await article.locator('[data-blank]').all()) await blank.fill('x');
        await button(page, 'Check').click();
      } else if (type === 'matching') {
        for (const select of await article.locator('select').all()) {
          await select.selectOption({ index: 1 });
        }
        await button(page, 'Check').click();
      } else {
        await article.locator('[data-move="1"]').first().click();
        await button(page, 'Check').click();
      }
      expect(await text(feedback(page)), type).toMatch(/^[✓✗]/);
      // Every control of the question is disabled: no second try.
      const controls = article.locator(
        '[data-choice] input, [data-numeric] input, [data-short] input, [data-blank], select, [data-move]',
      );
      for (const control of await controls.all())
        expect(await control.isDisabled(), type).toBe(true);
      await button(page, number === total ? 'Finish' : 'Next').click();
    }
    expect(await text(panel(page).locator('[data-test-score]'))).toMatch(
      new RegExp(`^\\d+ / ${total} · `),
    );
    await switchTo(page, 'Read');
    expect(await page.locator('#content :disabled').count()).toBe(0);
    expect(await page.locator('#content input:checked').count()).toBe(0);
    for (const field of await page.locator('#content input[type="text"]').all()) {
      expect(await field.inputValue()).toBe('');
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('should say so when a deck has nothing to test', async () => {
    const { page, context, errors } = await open('cards.html');
    await expect
      .poll(() => text(panel(page).locator('[data-test-about]')))
      .toMatch(/^This deck has no questions the page can check/);
    expect(await button(page, 'Start test').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each(['light', 'dark'] as const)(
    'should have no serious or critical axe-core finding on any screen (%s)',
    async (colorScheme) => {
      // axe is injected as an inline script, which the page's CSP rightly refuses.
      const { page, context } = await open('mlops.html', { colorScheme, bypassCSP: true });
      expect(await seriousAxeViolations(page)).toEqual([]);
      await button(page, 'Start test').click();
      expect(await seriousAxeViolations(page)).toEqual([]);
      const titles = byTitle(seed);
      await pick(page, await currentItem(page, titles), false);
      await button(page, 'Check').click();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.reload();
      await takeTest(page, seed, [1, 5]);
      await button(page, 'Review mistakes').click();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await context.close();
    },
  );

  it.runIf(SHOTS_DIR)('should draw every screen (screenshots for a person)', async () => {
    mkdirSync(SHOTS_DIR!, { recursive: true });
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const [size, viewport] of [
        ['desktop', { width: 1280, height: 900 }],
        ['phone', { width: 390, height: 844 }],
      ] as const) {
        const { page, context } = await open('mlops.html', { colorScheme, viewport });
        const shot = (name: string) =>
          page.screenshot({
            path: join(SHOTS_DIR!, `test-${name}-${colorScheme}-${size}.png`),
            fullPage: true,
          });
        await takeTest(page, seed, [4]);
        await page.reload();
        await shot('start');
        await button(page, 'Start test').click();
        const titles = byTitle(seed);
        await button(page, 'Check').click();
        await shot('prompt');
        await pick(page, await currentItem(page, titles), false);
        await button(page, 'Check').click();
        await shot('graded');
        await page.reload();
        await takeTest(page, seed, [2, 6, 9]);
        await button(page, 'Review mistakes').click();
        await shot('result');
        await context.close();
      }
    }
  });
});
