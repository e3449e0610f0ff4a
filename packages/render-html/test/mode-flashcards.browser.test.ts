import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RenderRequest } from '@quizmark/model';
import {
  browserAvailable,
  deckInput,
  everyTypeDeck,
  type LaunchedBrowser,
  launchBrowser,
} from '@quizmark/testing';
import type { BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HtmlOptions, htmlRenderer } from '../src/index.js';
import { seriousAxeViolations } from './axe.js';
import { contentDecks } from './content-decks.js';

// Flashcards mode as a learner uses it: the seed deck and a deck with every
// item type, opened from file:// in Chromium, graded with the mouse and with
// the keyboard alone, reloaded, and moved a day on with a fake clock.

const DAY = 24 * 60 * 60 * 1000;
// A fixed start for the fake clock: a Wednesday morning.
const START = new Date('2026-03-04T09:00:00Z').getTime();

interface Opened {
  page: Page;
  context: BrowserContext;
  errors: string[];
}

interface StoredRecord {
  card?: { due: string; state: number; reps: number };
  reviews?: Array<{ at: string; rating: number; state: number; due: string }>;
}

describe.runIf(browserAvailable())('Flashcards mode in Chromium', () => {
  let launched: LaunchedBrowser;
  let dir: string;
  const seed = contentDecks().find((input) => input.name === 'mlops')!;
  const everyType = deckInput(everyTypeDeck(), 'every-type');
  const seedItems = seed.deck.sections.flatMap((section) => section.items);
  const everyTypeItems = everyType.deck.sections.flatMap((section) => section.items);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'quizmark-flashcards-'));
    const request: RenderRequest<HtmlOptions> = {
      decks: [seed, everyType],
      options: {},
      sourceDateEpoch: 0,
    };
    for (const file of await htmlRenderer.render(request)) {
      writeFileSync(join(dir, file.path), file.bytes);
    }
    launched = await launchBrowser();
  });

  afterAll(async () => {
    await launched?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const url = (file: string, hash = '') => `${pathToFileURL(join(dir, file)).href}${hash}`;

  async function open(
    file: string,
    hash: string,
    options: BrowserContextOptions & { clock?: number } = {},
  ): Promise<Opened> {
    const { clock, ...contextOptions } = options;
    const context = await launched.browser.newContext(contextOptions);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    // A fixed time: a test moves it on, no time passes on its own.
    if (clock !== undefined) await page.clock.setFixedTime(clock);
    await page.goto(url(file, hash));
    return { page, context, errors };
  }

  const panel = (page: Page) => page.locator('[data-mode-panel="flashcards"]');
  const counts = (page: Page) => panel(page).locator('[data-fc-counts]');
  /** The id of the item on the card (its article's id is `item-<id>`). */
  const cardId = async (page: Page) =>
    (await panel(page).locator('[data-fc-slot] > article.item').getAttribute('id'))?.replace(
      /^item-/,
      '',
    );
  const cardTitle = (page: Page) =>
    panel(page)
      .locator('[data-fc-slot] > article.item .item-title')
      .textContent()
      .then((text) => text ?? '');
  const showAnswer = (page: Page) => panel(page).getByRole('button', { name: 'Show answer' });
  const gradeButton = (page: Page, name: string): Locator =>
    panel(page).getByRole('button', { name: new RegExp(`^${name} · `) });
  const doneState = (page: Page) => panel(page).locator('[data-fc-done]');

  async function gradeWithMouse(page: Page, name: string): Promise<void> {
    await showAnswer(page).click();
    await gradeButton(page, name).click();
  }

  async function stored(page: Page, deckId: string): Promise<Record<string, StoredRecord>> {
    const text = await page.evaluate(
      (key) => localStorage.getItem(key),
      `quizmark:progress:${deckId}`,
    );
    return text === null ? {} : JSON.parse(text).items;
  }

  it('should start with the first new card, hide its answer, and count every item as new', async () => {
    const { page, context, errors } = await open('mlops.html', '#flashcards');
    await expect.poll(() => counts(page).textContent()).toBe(`0 due · ${seedItems.length} new`);
    expect(await cardId(page)).toBe(seedItems[0]!.id);
    const answer = panel(page).locator('details.answer');
    expect(await answer.isVisible()).toBe(false);
    expect(await gradeButton(page, 'Good').isVisible()).toBe(false);
    await showAnswer(page).click();
    expect(await answer.isVisible()).toBe(true);
    expect(await showAnswer(page).isVisible()).toBe(false);
    // Each grade shows what it would schedule: a new card's learning steps, then days.
    expect(await gradeButton(page, 'Again').textContent()).toMatch(/^Again · 1 min/);
    expect(await gradeButton(page, 'Hard').textContent()).toMatch(/^Hard · 6 min/);
    expect(await gradeButton(page, 'Good').textContent()).toMatch(/^Good · 10 min/);
    expect(await gradeButton(page, 'Easy').textContent()).toMatch(/^Easy · \d+ days/);
    // The shortcuts are on screen.
    expect(await panel(page).locator('.fc-keys').textContent()).toContain('Space');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('should show a different card first after grading Good and reloading, with storage kept', async () => {
    const { page, context, errors } = await open('mlops.html', '#flashcards');
    const first = await cardId(page);
    await gradeWithMouse(page, 'Good');
    // Graded Good, the card is learning (due in 10 minutes, in this session); one new card fewer.
    await expect.poll(() => counts(page).textContent()).toBe(`1 due · ${seedItems.length - 1} new`);
    expect(await cardId(page)).not.toBe(first);
    expect(await panel(page).locator('[data-fc-progress]').textContent()).toContain(
      '1 card reviewed',
    );
    const record = (await stored(page, seed.deck.id))[first!]!;
    expect(record.card).toMatchObject({ state: 1, reps: 1 });
    expect(record.reviews).toHaveLength(1);
    expect(record.reviews![0]).toMatchObject({ rating: 3, state: 1 });
    expect(Date.parse(record.reviews![0]!.due) - Date.parse(record.reviews![0]!.at)).toBe(
      10 * 60 * 1000,
    );

    await page.reload();
    await expect.poll(() => counts(page).textContent()).toBe(`1 due · ${seedItems.length - 1} new`);
    const afterReload = await cardId(page);
    expect(afterReload).not.toBe(first);
    expect(afterReload).toBe(seedItems[1]!.id);
    expect((await stored(page, seed.deck.id))[first!]!.reviews).toHaveLength(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('should bring a card graded Good back a day later, due cards first', async () => {
    const { page, context, errors } = await open('mlops.html', '#flashcards', { clock: START });
    const first = await cardId(page);
    await gradeWithMouse(page, 'Good');
    const second = await cardId(page);
    await gradeWithMouse(page, 'Good');
    await expect.poll(() => counts(page).textContent()).toBe(`2 due · ${seedItems.length - 2} new`);

    await page.clock.setFixedTime(START + DAY);
    await page.reload();
    // Both are due: the earlier one first, before any new card.
    await expect.poll(() => counts(page).textContent()).toBe(`2 due · ${seedItems.length - 2} new`);
    expect(await cardId(page)).toBe(first);
    await gradeWithMouse(page, 'Good');
    expect(await cardId(page)).toBe(second);
    await expect.poll(() => counts(page).textContent()).toBe(`1 due · ${seedItems.length - 2} new`);
    const record = (await stored(page, seed.deck.id))[first!]!;
    expect(record.card!.state).toBe(2);
    expect(record.reviews!.map((review) => review.at)).toEqual([
      new Date(START).toISOString(),
      new Date(START + DAY).toISOString(),
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('should bring a card graded Again back in the same session, and end in a done state', async () => {
    const { page, context, errors } = await open('every-type.html', '#flashcards', {
      clock: START,
    });
    const first = await cardId(page);
    await gradeWithMouse(page, 'Again');
    const seen: string[] = [];
    for (let index = 1; index < everyTypeItems.length; index++) {
      seen.push((await cardId(page))!);
      await gradeWithMouse(page, 'Good');
    }
    // Every other card came once, new, in deck order; then the card graded Again is back.
    expect(seen).toEqual(everyTypeItems.slice(1).map((item) => item.id));
    await expect
      .poll(() => counts(page).textContent())
      .toBe(`${everyTypeItems.length} due · 0 new`);
    expect(await cardId(page)).toBe(first);

    for (let step = 0; step < 40 && !(await doneState(page).isVisible()); step++) {
      await gradeWithMouse(page, 'Good');
    }
    expect(await doneState(page).isVisible()).toBe(true);
    expect(await panel(page).locator('[data-fc-card]').isVisible()).toBe(false);
    expect(await counts(page).textContent()).toBe('0 due · 0 new');
    expect(await doneState(page).textContent()).toMatch(
      /All caught up[\s\S]*The next card is due in \d+ days? /,
    );
    expect(await panel(page).locator('[data-fc-more]').isVisible()).toBe(false);
    // Every article went back to Read when the cards ran out.
    expect(await page.locator('#content article.item').count()).toBe(everyTypeItems.length);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('should give every item type a card form whose answer Show answer opens', async () => {
    const { page, context, errors } = await open('every-type.html', '#flashcards');
    const ids: string[] = [];
    for (let index = 0; index < everyTypeItems.length; index++) {
      const article = panel(page).locator('[data-fc-slot] > article.item');
      expect(await article.isVisible()).toBe(true);
      expect(await article.locator('.item-title').isVisible()).toBe(true);
      expect(await article.locator('details.answer .reveal-body').isVisible()).toBe(false);
      ids.push((await cardId(page))!);
      await showAnswer(page).click();
      expect(await article.locator('details.answer .reveal-body').isVisible()).toBe(true);
      await gradeButton(page, 'Easy').click();
    }
    expect(ids).toEqual(everyTypeItems.map((item) => item.id));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('should let a choice question be answered before Show answer, with Read’s check', async () => {
    const { page, context, errors } = await open('every-type.html', '#flashcards');
    // The first card is the true/false question; the last is a choice.
    expect(await cardId(page)).toBe('mass-weight');
    await panel(page).getByLabel('False').check();
    const feedback = panel(page).locator('[data-feedback]');
    await expect.poll(() => feedback.textContent()).toContain('Correct');
    expect(await panel(page).locator('details.answer').isVisible()).toBe(false);
    await gradeWithMouse(page, 'Easy');
    for (let index = 1; index < everyTypeItems.length - 1; index++) {
      await gradeWithMouse(page, 'Easy');
    }
    expect(await cardId(page)).toBe('vector');
    await panel(page).getByLabel('A. Speed').check();
    await expect.poll(() => feedback.textContent()).toContain('Not quite');
    await panel(page).getByLabel('B. Velocity').check();
    expect(await panel(page).locator('details.answer').isVisible()).toBe(false);
    await showAnswer(page).click();
    expect(await panel(page).locator('details.answer').isVisible()).toBe(true);
    // Read kept the first verdict, as it does in Read.
    const record = (await stored(page, everyType.deck.id)).vector!;
    expect(record).toMatchObject({ read: { correct: false } });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('should run a whole session from the keyboard alone, Tab to the link, Enter, then Space and 3', async () => {
    const { page, context, errors } = await open('mlops.html', '', { clock: START });
    const link = page.getByRole('link', { name: 'Flashcards' });
    for (
      let tabs = 0;
      tabs < 60 && !(await link.evaluate((a) => a === document.activeElement));
      tabs++
    ) {
      await page.keyboard.press('Tab');
    }
    expect(await link.evaluate((a) => a === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#flashcards');
    await expect.poll(() => counts(page).textContent()).toBe(`0 due · ${seedItems.length} new`);

    const seen = new Set<string>();
    let cards = 0;
    for (; cards < 3 * seedItems.length && !(await doneState(page).isVisible()); cards++) {
      seen.add((await cardTitle(page)).trim());
      // The focus is in the panel (the heading on the first card, Show answer after).
      expect(
        await panel(page).evaluate((section) => section.contains(document.activeElement)),
      ).toBe(true);
      await page.keyboard.press('Space');
      expect(await gradeButton(page, 'Good').isVisible()).toBe(true);
      expect(await panel(page).locator('details.answer').isVisible()).toBe(true);
      await page.keyboard.press('3');
    }
    expect(await doneState(page).isVisible()).toBe(true);
    // Every card, each twice: Good from new (10 minutes), Good again from learning (days).
    expect(seen.size).toBe(seedItems.length);
    expect(cards).toBe(2 * seedItems.length);
    expect(await page.evaluate(() => document.activeElement?.matches('[data-fc-done-title]'))).toBe(
      true,
    );
    expect(await doneState(page).textContent()).toContain('The next card is due in 2 days');
    const records = Object.values(await stored(page, seed.deck.id));
    expect(records).toHaveLength(seedItems.length);
    for (const record of records) {
      expect(record.card!.state).toBe(2);
      expect(record.reviews!.map((review) => review.rating)).toEqual([3, 3]);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('should leave shortcuts alone while typing, and with modifier keys', async () => {
    const { page, context, errors } = await open('every-type.html', '#flashcards');
    // Move on to the short-answer card (the fourth), grading with the keyboard.
    for (let index = 0; index < 3; index++) {
      await page.keyboard.press('Enter');
      await page.keyboard.press('4');
    }
    expect(await cardId(page)).toBe('force-unit');
    const field = panel(page).locator('input[type="text"]');
    await field.click();
    await page.keyboard.type('N 1 2');
    await page.keyboard.press('Space');
    expect(await field.inputValue()).toBe('N 1 2 ');
    expect(await gradeButton(page, 'Good').isVisible()).toBe(false);
    await showAnswer(page).focus();
    await page.keyboard.press('Control+1');
    await page.keyboard.press('Space');
    expect(await gradeButton(page, 'Good').isVisible()).toBe(true);
    await page.keyboard.press('Shift+3');
    expect(await cardId(page)).toBe('force-unit');
    await page.keyboard.press('3');
    expect(await cardId(page)).toBe('energy-sentence');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('should give the card back to Read on leaving, its answer as closed as Read had it', async () => {
    const { page, context, errors } = await open('mlops.html', '#flashcards');
    const id = (await cardId(page))!;
    await showAnswer(page).click();
    await page.getByRole('link', { name: 'Read' }).click();
    const article = page.locator(`#content article#item-${id}`);
    expect(await article.count()).toBe(1);
    expect(
      await article.locator('details.answer').evaluate((d) => (d as HTMLDetailsElement).open),
    ).toBe(false);
    // Progress changed elsewhere is read again on entering: a reset brings the card back as new.
    await page.getByRole('link', { name: 'Flashcards' }).click();
    await gradeWithMouse(page, 'Good');
    await expect.poll(() => counts(page).textContent()).toBe(`1 due · ${seedItems.length - 1} new`);
    await page.getByRole('link', { name: 'Read' }).click();
    await page.evaluate((key) => localStorage.removeItem(key), `quizmark:progress:${seed.deck.id}`);
    await page.reload();
    await page.getByRole('link', { name: 'Flashcards' }).click();
    await expect.poll(() => counts(page).textContent()).toBe(`0 due · ${seedItems.length} new`);
    expect(await cardId(page)).toBe(id);
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each(['light', 'dark'] as const)(
    'should have no serious or critical axe-core finding in Flashcards (%s)',
    async (colorScheme) => {
      const { page, context } = await open('mlops.html', '#flashcards', {
        colorScheme,
        bypassCSP: true,
      });
      expect(await seriousAxeViolations(page)).toEqual([]);
      await showAnswer(page).click();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await context.close();
      // The done state, on the small deck.
      const small = await open('every-type.html', '#flashcards', { colorScheme, bypassCSP: true });
      for (let step = 0; step < 40 && !(await doneState(small.page).isVisible()); step++) {
        await gradeWithMouse(small.page, 'Easy');
      }
      expect(await doneState(small.page).isVisible()).toBe(true);
      expect(await seriousAxeViolations(small.page)).toEqual([]);
      await small.context.close();
    },
  );
});
