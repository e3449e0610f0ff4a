import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RenderRequest } from '@quizmark/model';
import {
  browserAvailable,
  collectionRequest,
  deckInput,
  type LaunchedBrowser,
  launchBrowser,
  selfCheckDeck,
} from '@quizmark/testing';
import type { BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HtmlOptions, htmlRenderer } from '../src/index.js';
import { seriousAxeViolations } from './axe.js';
import { seedDeckInput } from './content-decks.js';
import { progressValidator } from './progress-schema.js';

// Progress that lasts, as a learner uses it: the seed page in Chromium from
// file://, an answer picked in Read, Export (a real download, checked against
// progress.schema.json), Reset (through its dialog), Import (back, and
// refused for another deck's file), and index.html showing what is kept.

const SEED_ID = 'mlops-basics';

describe.runIf(browserAvailable())('progress tools in Chromium', () => {
  let launched: LaunchedBrowser;
  let dir: string;
  const seed = seedDeckInput();
  // Another deck (the sample shares the seed's id: it gets its own here).
  const sample = deckInput({ ...selfCheckDeck(), id: 'self-check' }, 'sample');
  const validate = progressValidator();
  // The formats' files the pipeline would pass for the seed: the index links each.
  const outputs = {
    [seed.name]: [
      { format: 'pdf', path: `${seed.name}.quiz.pdf`, label: 'Quiz (PDF)' },
      { format: 'pdf', path: `${seed.name}.key.pdf`, label: 'Answer key (PDF)' },
      { format: 'anki', path: `${seed.name}.apkg`, label: 'Anki package (.apkg)' },
      { format: 'qti', path: `${seed.name}.qti.zip`, label: 'QTI 2.1 package' },
    ],
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'quizmark-progress-'));
    const request: RenderRequest<HtmlOptions> = {
      decks: [seed, sample],
      options: {},
      sourceDateEpoch: 0,
    };
    const files = [
      ...(await htmlRenderer.render(request)),
      ...(await htmlRenderer.renderCollection!(collectionRequest(request, outputs))),
    ];
    for (const file of files) writeFileSync(join(dir, file.path), file.bytes);
    launched = await launchBrowser();
  });

  afterAll(async () => {
    await launched?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const url = (file: string, hash = '') => `${pathToFileURL(join(dir, file)).href}${hash}`;

  async function newContext(options: BrowserContextOptions = {}): Promise<BrowserContext> {
    return launched.browser.newContext({ acceptDownloads: true, ...options });
  }

  async function open(context: BrowserContext, file: string, hash = ''): Promise<Page> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    // Anything the page says in a native dialog (confirm, alert) is a failure: Reset asks in the page.
    page.on('dialog', (dialog) => {
      errors.push(`native dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    (page as Page & { errors: string[] }).errors = errors;
    await page.goto(url(file, hash));
    return page;
  }

  const errorsOf = (page: Page) => (page as Page & { errors: string[] }).errors;
  const tools = (page: Page) => page.getByRole('complementary', { name: 'Your progress' });
  const message = (page: Page) => tools(page).getByRole('status');
  const score = (page: Page) => page.locator('[data-score]');
  const mainGoal = (page: Page): Locator =>
    page
      .locator('article')
      .filter({ has: page.locator('h3', { hasText: 'What is the main goal of MLOps?' }) });
  const RIGHT =
    'D. To automate and improve the deployment and maintenance of machine learning models';

  async function exportFile(page: Page): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      tools(page).getByRole('button', { name: 'Export progress' }).click(),
    ]);
    const path = await download.path();
    return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
  }

  /** Does `action`, which reloads the page, and waits for the new page's script. */
  async function reloading(page: Page, action: () => Promise<void>): Promise<void> {
    await Promise.all([page.waitForEvent('load'), action()]);
    await page.waitForFunction(() => performance.getEntriesByName('quizmark-ready').length > 0);
  }

  async function importFile(page: Page, name: string, text: string): Promise<void> {
    await tools(page)
      .getByLabel('Import progress')
      .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }

  it('should export, reset and import the seed deck’s progress, and show it on index.html', async () => {
    const context = await newContext();
    const page = await open(context, 'mlops.html');
    expect(await tools(page).locator('[data-progress-storage]').textContent()).toContain(
      'Your progress is kept in this browser',
    );
    expect(await tools(page).locator('[data-progress-summary]').textContent()).toBe(
      'Nothing kept yet for this deck.',
    );
    expect(await score(page).textContent()).toMatch(/^Score: 0\/\d+ questions/);

    // A learner answers in Read: the first pick is what the score keeps.
    await mainGoal(page).getByLabel(RIGHT).check();
    expect(await score(page).textContent()).toMatch(/^Score: 1\/\d+ questions/);
    expect(await tools(page).locator('[data-progress-summary]').textContent()).toBe(
      'Kept for this deck: 1 question answered.',
    );

    // Export: a real download under the page's CSP, from file://.
    const exported = await exportFile(page);
    expect(exported.name).toBe(`${SEED_ID}.progress.json`);
    const doc = JSON.parse(exported.text);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.format).toBe('quizmark-progress');
    expect(doc.deck.id).toBe(SEED_ID);
    expect(typeof doc.exported).toBe('string');
    const answered = Object.values(doc.items as Record<string, { read?: { correct: boolean } }>);
    expect(answered.map((record) => record.read?.correct)).toEqual([true]);
    expect(await message(page).textContent()).toBe(`Exported to ${SEED_ID}.progress.json.`);

    // Reset asks first, in the page: Cancel keeps everything.
    await tools(page).getByRole('button', { name: 'Reset progress' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reset progress?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await dialog.isVisible()).toBe(false);
    expect(await score(page).textContent()).toMatch(/^Score: 1\//);

    // Reset, confirmed: the page comes back empty, and says what happened.
    await tools(page).getByRole('button', { name: 'Reset progress' }).click();
    await reloading(page, () => dialog.getByRole('button', { name: 'Reset', exact: true }).click());
    expect(await score(page).textContent()).toMatch(/^Score: 0\/\d+ questions/);
    expect(await mainGoal(page).getByLabel(RIGHT).isChecked()).toBe(false);
    expect(await message(page).textContent()).toBe(
      'Progress reset: this deck starts afresh in this browser.',
    );
    expect(
      await page.evaluate((id) => localStorage.getItem(`quizmark:progress:${id}`), SEED_ID),
    ).toBeNull();

    // Import the exported file: the answer is back, on this page and after another reload.
    await reloading(page, () => importFile(page, exported.name, exported.text));
    expect(await score(page).textContent()).toMatch(/^Score: 1\/\d+ questions/);
    expect(await message(page).textContent()).toBe(
      `Imported ${SEED_ID}.progress.json. Kept for this deck: 1 question answered.`,
    );
    expect(await mainGoal(page).locator('[data-feedback]').textContent()).toContain(
      'Answered before: ✓ right',
    );
    await page.reload();
    expect(await score(page).textContent()).toMatch(/^Score: 1\//);
    expect(await message(page).textContent()).toBe('');

    // index.html shares file://'s storage: the seed shows what is kept, the other deck is not started.
    const index = await open(context, 'index.html');
    const seedLine = index.locator(`[data-progress-deck="${SEED_ID}"]`);
    const sampleLine = index.locator(`[data-progress-deck="${sample.deck.id}"]`);
    expect(await seedLine.isVisible()).toBe(true);
    const items = seed.deck.sections.reduce((total, section) => total + section.items.length, 0);
    expect(await seedLine.textContent()).toBe(
      `Your progress: 0 cards due now · ${items} new · 1 question answered · no test yet`,
    );
    expect(await sampleLine.textContent()).toBe('Your progress: Not started');
    expect(errorsOf(page)).toEqual([]);
    expect(errorsOf(index)).toEqual([]);
    await context.close();
  });

  it('should export what Flashcards and Practice keep, in the documented format, and import it back', async () => {
    const context = await newContext();
    const page = await open(context, 'mlops.html', '#flashcards');
    // A card graded Good (keyboard: Space shows, 3 grades), a practice hint shown.
    await page.locator('[data-fc-show]').waitFor();
    await page.keyboard.press('Space');
    await page.locator('[data-fc-grades]').waitFor();
    await page.keyboard.press('3');
    await page.goto(url('mlops.html', '#practice'));
    await page.locator('[data-practice-next-part]').click();
    const { name, text } = await exportFile(page);
    const doc = JSON.parse(text);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    const records = Object.values(
      doc.items as Record<
        string,
        { card?: { due: string }; reviews?: unknown[]; practice?: object }
      >,
    );
    expect(records.filter((record) => record.card).length).toBe(1);
    expect(records.find((record) => record.card)?.reviews).toHaveLength(1);
    expect(records.filter((record) => record.practice).length).toBe(1);
    expect(await tools(page).locator('[data-progress-summary]').textContent()).toBe(
      'Kept for this deck: 1 card in review, 1 problem practised.',
    );

    // Reset and import: the card is scheduled again, so index.html counts one card fewer as new.
    await tools(page).getByRole('button', { name: 'Reset progress' }).click();
    await reloading(page, () =>
      page.getByRole('dialog').getByRole('button', { name: 'Reset', exact: true }).click(),
    );
    expect(await tools(page).locator('[data-progress-summary]').textContent()).toBe(
      'Nothing kept yet for this deck.',
    );
    await reloading(page, () => importFile(page, name, text));
    expect(
      JSON.parse(
        await page.evaluate((id) => localStorage.getItem(`quizmark:progress:${id}`)!, SEED_ID),
      ).items,
    ).toEqual(doc.items);
    const index = await open(context, 'index.html');
    const items = seed.deck.sections.reduce((total, section) => total + section.items.length, 0);
    expect(await index.locator(`[data-progress-deck="${SEED_ID}"]`).textContent()).toBe(
      `Your progress: 0 cards due now · ${items - 1} new · no test yet`,
    );
    expect(errorsOf(page)).toEqual([]);
    await context.close();
  });

  it('should refuse another deck’s progress, a file that is not JSON, and a damaged one', async () => {
    const context = await newContext();
    const other = await open(context, 'sample.html');
    await other.locator('[data-choice] input').first().check();
    const { text: otherText } = await exportFile(other);

    const page = await open(context, 'mlops.html');
    await mainGoal(page).getByLabel(RIGHT).check();
    const { text: ownText } = await exportFile(page);

    await importFile(page, 'sample.progress.json', otherText);
    await expect
      .poll(() => message(page).textContent())
      .toBe(
        `Not imported: This progress file is for “${sample.deck.title}”, not for this deck. Your progress is unchanged.`,
      );
    await importFile(page, 'notes.json', '{ not json');
    await expect
      .poll(() => message(page).textContent())
      .toBe(
        'Not imported: notes.json is not a quizmark progress file (it is not JSON). Your progress is unchanged.',
      );
    await importFile(page, 'deck.json', JSON.stringify({ id: SEED_ID, sections: [] }));
    await expect
      .poll(() => message(page).textContent())
      .toBe('Not imported: This is not a quizmark progress file. Your progress is unchanged.');
    const damaged = JSON.parse(ownText);
    const id = Object.keys(damaged.items)[0]!;
    damaged.items[id].card = { due: 'tomorrow' };
    await importFile(page, 'damaged.json', JSON.stringify(damaged));
    await expect
      .poll(() => message(page).textContent())
      .toBe(
        `Not imported: this progress file is damaged (item “${id}” is not as a progress file has it). Your progress is unchanged.`,
      );
    // Nothing refused reloads or changes the page; the message is marked as a refusal.
    expect(await score(page).textContent()).toMatch(/^Score: 1\//);
    expect(await message(page).getAttribute('class')).toContain('is-wrong');
    expect(errorsOf(page)).toEqual([]);
    await context.close();
  });

  it('should keep the mode in the URL across an import, and reset by keyboard alone', async () => {
    const context = await newContext();
    const page = await open(context, 'mlops.html', '#flashcards');
    const { name, text } = await exportFile(page);
    await reloading(page, () => importFile(page, name, text));
    expect(new URL(page.url()).hash).toBe('#flashcards');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Imported /);

    // Keyboard: the Reset button, Escape cancels; again, Tab to Reset and Enter.
    await page.goto(url('mlops.html'));
    await mainGoal(page).getByLabel(RIGHT).check();
    await tools(page).getByRole('button', { name: 'Reset progress' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Reset progress?' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.keyboard.press('Escape');
    expect(await dialog.isVisible()).toBe(false);
    expect(await score(page).textContent()).toMatch(/^Score: 1\//);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Reset progress');
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Reset');
    await reloading(page, () => page.keyboard.press('Enter'));
    expect(await score(page).textContent()).toMatch(/^Score: 0\//);
    expect(errorsOf(page)).toEqual([]);
    await context.close();
  });

  it('should say when the browser keeps no progress, and still export it', async () => {
    const context = await newContext();
    // A browser that refuses storage (as some private windows do).
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    const page = await open(context, 'mlops.html');
    const storage = tools(page).locator('[data-progress-storage]');
    expect(await storage.textContent()).toContain('does not let the page keep your progress');
    await mainGoal(page).getByLabel(RIGHT).check();
    const { text } = await exportFile(page);
    expect(validate(JSON.parse(text))).toBe(true);
    // An import cannot reload (that would lose it): it is taken in place and says so.
    await tools(page).getByRole('button', { name: 'Reset progress' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Reset', exact: true }).click();
    await expect
      .poll(() => message(page).textContent())
      .toBe('Progress reset: this deck starts afresh.');
    expect(await score(page).textContent()).toMatch(/^Score: 0\//);
    await importFile(page, 'mine.json', text);
    await expect.poll(() => message(page).textContent()).toContain('This browser does not keep it');
    expect(await score(page).textContent()).toMatch(/^Score: 1\//);
    const index = await open(context, 'index.html');
    expect(await index.locator('[data-progress-deck]').first().isVisible()).toBe(false);
    expect(errorsOf(page)).toEqual([]);
    await context.close();
  });

  it('should show due cards and the last test on index.html, and nothing without script', async () => {
    const context = await newContext();
    const page = await open(context, 'index.html');
    const items = seed.deck.sections.flatMap((section) => section.items);
    const now = Date.now();
    const card = (dueIn: number) => ({
      due: new Date(now + dueIn).toISOString(),
      stability: 1,
      difficulty: 5,
      elapsed_days: 0,
      scheduled_days: 0,
      learning_steps: 0,
      reps: 1,
      lapses: 0,
      state: 1,
      last_review: new Date(now - 60_000).toISOString(),
    });
    const kept = {
      format: 'quizmark-progress',
      version: 1,
      deck: { id: SEED_ID, title: seed.deck.title },
      updated: new Date(now).toISOString(),
      items: {
        [items[0]!.id]: { version: 'x', card: card(-60_000) },
        [items[1]!.id]: { version: 'x', card: card(-1) },
        [items[2]!.id]: { version: 'x', card: card(86_400_000) },
      },
      tests: [
        { at: '2026-03-01T10:00:00.000Z', seed: 'a', score: 4, total: 10 },
        { at: '2026-03-02T10:00:00.000Z', seed: 'b', score: 7, total: 10 },
      ],
    };
    expect(validate(kept), JSON.stringify(validate.errors)).toBe(true);
    await page.evaluate(([id, doc]) => localStorage.setItem(`quizmark:progress:${id}`, doc), [
      SEED_ID,
      JSON.stringify(kept),
    ] as const);
    await page.reload();
    const line = page.locator(`[data-progress-deck="${SEED_ID}"]`);
    const date = await page.evaluate(() =>
      new Date('2026-03-02T10:00:00.000Z').toLocaleDateString(undefined, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
      }),
    );
    expect(await line.textContent()).toBe(
      `Your progress: 2 cards due now · ${items.length - 3} new · last test 7/10 on ${date}`,
    );
    expect(await line.locator('strong').textContent()).toBe('2 cards due now');

    // Every output of the deck is linked: its pages and the other formats' files.
    const card0 = page.locator('.deck-card').filter({ has: line });
    const links = await card0
      .locator('a')
      .evaluateAll((anchors) =>
        anchors.map((anchor) => [anchor.textContent, anchor.getAttribute('href')]),
      );
    expect(links).toEqual([
      [seed.deck.title, 'mlops.html'],
      [`Teacher’s copy of ${seed.deck.title}`, 'mlops.answers.html'],
      ...outputs[seed.name]!.map((output) => [output.label, output.path]),
    ]);
    await context.close();

    // No script: the index is the plain list, no progress line shown.
    const plain = await newContext({ javaScriptEnabled: false });
    const plainPage = await open(plain, 'index.html');
    expect(await plainPage.locator('[data-progress-deck]').first().isVisible()).toBe(false);
    expect(await plainPage.locator('.deck-card').count()).toBe(2);
    await plain.close();
  });

  it.each(['light', 'dark'] as const)(
    'should have no serious or critical axe-core finding in the tools and index.html (%s)',
    async (colorScheme) => {
      const context = await newContext({ colorScheme, bypassCSP: true });
      const page = await open(context, 'mlops.html');
      await mainGoal(page).getByLabel(RIGHT).check();
      await exportFile(page);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await importFile(page, 'notes.json', 'not json');
      await tools(page).getByRole('button', { name: 'Reset progress' }).click();
      await page.getByRole('dialog').waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      for (const hash of ['#flashcards', '#practice', '#test']) {
        await page.goto(url('mlops.html', hash));
        expect(await tools(page).isVisible()).toBe(true);
      }
      const index = await open(context, 'index.html');
      expect(await index.locator(`[data-progress-deck="${SEED_ID}"]`).isVisible()).toBe(true);
      expect(await seriousAxeViolations(index)).toEqual([]);
      await context.close();
    },
  );
});

/** What axe-core's run resolves to, as far as these tests read it. */
