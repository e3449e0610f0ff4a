import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DeckInput, RenderRequest } from '@quizmark/model';
import { parseDeck } from '@quizmark/parser';
import { browserAvailable, type LaunchedBrowser, launchBrowser } from '@quizmark/testing';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HtmlOptions, htmlRenderer } from '../src/index.js';
import { seriousAxeViolations } from './axe.js';
import { contentDecks } from './content-decks.js';

// Practice mode as a learner uses it: the seed deck's five practice problems
// and two explain prompts one at a time, each revealed part by part, what was
// written and revealed kept over a reload, and every part back in Read after.
// A second deck has practice items of other types (numeric, short answer).

const OTHER_DECK = `---
id: practice-other-types
title: Practice of other types
---

## Numbers {#numbers}

### What is 6 × 7? {type=numeric}

#### Answer

42

#### Solution

1. **Tens.** 6 × 7 is 6 × 5 plus 6 × 2.
2. **Add.** 30 + 12 = 42.

#### Quick check

6 × 7 = 42

#### Hint

Split 7 into 5 and 2.

#### Common mistakes

- Adding instead of multiplying

#### Explanation

Multiplication distributes over addition.

## Words {#words}

### Which SI unit measures force? {type=short}

#### Answer

newton

#### Solution

1. **Force.** Force is mass times acceleration.
2. **Unit.** kg·m/s² is named the newton.
`;

/** Titles of the seed's practice items, in deck order: two explain prompts, then five problems. */
const SEED_PRACTICE = [
  'Explain what MLOps is and why it is useful.',
  'Describe the main challenges MLOps solves in managing machine learning models.',
  'What is the main purpose of MLOps in machine learning projects?',
  'Which of the following is a key component of MLOps pipelines?',
  'Consider this simplified MLOps pipeline step code snippet. What will be the output?',
  'You have this MLOps deployment script snippet. What is the error in this code?',
  'In an MLOps workflow, which step best ensures that a deployed model stays accurate over time?',
];

describe.runIf(browserAvailable())('Practice mode in Chromium', () => {
  let launched: LaunchedBrowser;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'quizmark-practice-'));
    const seed = contentDecks().find((input) => input.name === 'mlops')!;
    const parsed = parseDeck(OTHER_DECK, { file: 'other.md' });
    if (!parsed.deck) throw new Error(parsed.diagnostics.map((d) => d.message).join('; '));
    const other: DeckInput = { deck: parsed.deck, name: 'other', assets: new Map() };
    const request: RenderRequest<HtmlOptions> = {
      decks: [seed, other],
      options: {},
      sourceDateEpoch: 0,
    };
    for (const file of await htmlRenderer.render(request)) {
      mkdirSync(join(dir, file.path, '..'), { recursive: true });
      writeFileSync(join(dir, file.path), file.bytes);
    }
    launched = await launchBrowser();
  });

  afterAll(async () => {
    await launched?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  interface Opened {
    page: Page;
    errors: string[];
  }

  async function open(file: string, options: BrowserContextOptions = {}): Promise<Opened> {
    const context = await launched.browser.newContext(options);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    const [name, hash] = file.split('#');
    await page.goto(`${pathToFileURL(join(dir, name!)).href}${hash ? `#${hash}` : ''}`);
    return { page, errors };
  }

  const panel = (page: Page): Locator => page.locator('[data-mode-panel="practice"]');
  const problem = (page: Page): Locator => panel(page).locator('article.item');
  const where = (page: Page): Locator => panel(page).locator('[data-practice-where]');
  const button = (page: Page, name: string | RegExp): Locator =>
    panel(page).getByRole('button', { name, exact: typeof name === 'string' });
  /** The reveal button that names the next part ("Show hint", "Next step (2 of 3)", …). */
  const nextPart = (page: Page): Locator => panel(page).locator('[data-practice-next-part]');

  async function visibleSteps(page: Page): Promise<number> {
    const steps = problem(page).locator('.steps > li');
    let visible = 0;
    for (const step of await steps.all()) if (await step.isVisible()) visible++;
    return visible;
  }

  it('should step through the seed’s seven practice items one at a time', async () => {
    const { page, errors } = await open('mlops.html');
    const modes = page.getByRole('navigation', { name: 'Study modes' });
    await modes.getByRole('link', { name: 'Practice' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#practice');
    await expect(page.locator('#content').isVisible()).resolves.toBe(false);
    for (const [at, title] of SEED_PRACTICE.entries()) {
      await expect(where(page).textContent()).resolves.toContain(`(${at + 1} / 7)`);
      await expect(problem(page).count()).resolves.toBe(1);
      await expect(problem(page).locator('h3, legend').first().textContent()).resolves.toContain(
        title,
      );
      const section = at < 2 ? 'Explain' : 'Practice';
      await expect(where(page).textContent()).resolves.toContain(section);
      await expect(button(page, 'Previous').getAttribute('aria-disabled')).resolves.toBe(
        at === 0 ? 'true' : null,
      );
      if (at < SEED_PRACTICE.length - 1) await button(page, 'Next').click();
    }
    // The last one: Next goes nowhere.
    await expect(button(page, 'Next').getAttribute('aria-disabled')).resolves.toBe('true');
    await button(page, 'Next').click({ force: true });
    await expect(where(page).textContent()).resolves.toContain('(7 / 7)');
    await button(page, 'Previous').click();
    await expect(where(page).textContent()).resolves.toContain('(6 / 7)');
    // Moving on lands the focus on where the learner now is.
    await expect(
      where(page).evaluate((element) => element === document.activeElement),
    ).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('should reveal hint, steps one by one, answer, quick check and mistakes, in order', async () => {
    const { page, errors } = await open('mlops.html#practice');
    await button(page, 'Next').click();
    await button(page, 'Next').click();
    await expect(where(page).textContent()).resolves.toContain('(3 / 7)');
    const article = problem(page);
    const hint = article.locator('details.hint');
    const answer = article.locator('.part.final-answer');
    const quickCheck = article.locator('.part.quick-check');
    const mistakes = article.locator('.part.mistakes');
    const shown = async () => ({
      hint: await hint.isVisible(),
      steps: await visibleSteps(page),
      answer: await answer.isVisible(),
      quickCheck: await quickCheck.isVisible(),
      mistakes: await mistakes.isVisible(),
    });
    const none = { hint: false, steps: 0, answer: false, quickCheck: false, mistakes: false };
    expect(await shown()).toEqual(none);
    // Read's summary is replaced by the buttons.
    await expect(article.getByText('Reveal answer').isVisible()).resolves.toBe(false);

    // The answer field is the article's own: a pick checks at once.
    await article.getByLabel('B. To write machine learning algorithms from scratch').check();
    await expect(article.locator('[data-feedback]').textContent()).resolves.toContain('Not quite');
    expect(await shown()).toEqual(none);

    await expect(nextPart(page).textContent()).resolves.toBe('Show hint');
    await nextPart(page).click();
    expect(await shown()).toEqual({ ...none, hint: true });
    await expect(hint.textContent()).resolves.toContain('MLOps is about managing ML models');
    await expect(panel(page).getByRole('status').last().textContent()).resolves.toBe('Hint shown.');

    await expect(nextPart(page).textContent()).resolves.toBe('Show step 1 of 3');
    await nextPart(page).click();
    expect(await shown()).toEqual({ ...none, hint: true, steps: 1 });
    await expect(article.locator('.steps > li').first().textContent()).resolves.toContain(
      'Understand MLOps role',
    );
    await expect(nextPart(page).textContent()).resolves.toBe('Next step (2 of 3)');
    await nextPart(page).click();
    expect(await shown()).toEqual({ ...none, hint: true, steps: 2 });
    await nextPart(page).click();
    expect(await shown()).toEqual({ ...none, hint: true, steps: 3 });

    await expect(panel(page).locator('[data-practice-done]').isVisible()).resolves.toBe(false);
    await expect(nextPart(page).textContent()).resolves.toBe('Show answer');
    await nextPart(page).click();
    expect(await shown()).toEqual({ ...none, hint: true, steps: 3, answer: true });
    await expect(answer.textContent()).resolves.toContain('Answer: A');
    // Seeing the answer is what makes the problem done.
    await expect(panel(page).locator('[data-practice-done]').textContent()).resolves.toBe('✓ Done');

    await expect(nextPart(page).textContent()).resolves.toBe('Show quick check');
    await nextPart(page).click();
    expect(await shown()).toEqual({
      ...none,
      hint: true,
      steps: 3,
      answer: true,
      quickCheck: true,
    });
    await expect(nextPart(page).textContent()).resolves.toBe('Show common mistakes');
    await nextPart(page).click();
    expect(await shown()).toEqual({
      hint: true,
      steps: 3,
      answer: true,
      quickCheck: true,
      mistakes: true,
    });
    await expect(nextPart(page).isVisible()).resolves.toBe(false);
    await expect(button(page, 'Reveal all').isVisible()).resolves.toBe(false);
    await expect(panel(page).locator('[data-practice-progress]').textContent()).resolves.toBe(
      '1 of 7 done',
    );

    // Hide again, then Reveal all at once.
    await button(page, 'Hide again').click();
    expect(await shown()).toEqual(none);
    await button(page, 'Reveal all').click();
    expect(await shown()).toEqual({
      hint: true,
      steps: 3,
      answer: true,
      quickCheck: true,
      mistakes: true,
    });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('should keep the explanation, ticked concepts, reveals and position over a reload', async () => {
    const { page, errors } = await open('mlops.html#practice');
    await expect(where(page).textContent()).resolves.toContain('(1 / 7)');
    const article = problem(page);
    const hintCallout = article.locator('.hint-open');
    await expect(hintCallout.isVisible()).resolves.toBe(false);
    await expect(article.locator('.concept-check').isVisible()).resolves.toBe(false);

    const text = 'MLOps brings DevOps to machine learning: CI/CD for models.';
    await panel(page).getByLabel('Your answer').fill(text);
    await nextPart(page).click();
    await expect(hintCallout.isVisible()).resolves.toBe(true);
    await expect(nextPart(page).textContent()).resolves.toBe('Show key concepts');
    await nextPart(page).click();
    await expect(article.locator('.concept-check').isVisible()).resolves.toBe(true);
    await article.getByLabel('Combines machine learning with software engineering').check();
    await article.getByLabel('Automates testing and deployment of models').check();
    await expect(article.locator('[data-concept-count]').textContent()).resolves.toBe(
      'You got 2/3 concepts.',
    );

    // Two problems on, the hint shown.
    await button(page, 'Next').click();
    await button(page, 'Next').click();
    await nextPart(page).click();
    await expect(where(page).textContent()).resolves.toContain('(3 / 7)');

    await page.reload();
    await expect(where(page).textContent()).resolves.toContain('(3 / 7)');
    await expect(problem(page).locator('details.hint').isVisible()).resolves.toBe(true);
    await expect(visibleSteps(page)).resolves.toBe(0);
    await expect(nextPart(page).textContent()).resolves.toBe('Show step 1 of 3');

    await button(page, 'Previous').click();
    await button(page, 'Previous').click();
    await expect(where(page).textContent()).resolves.toContain('(1 / 7)');
    await expect(panel(page).getByLabel('Your answer').inputValue()).resolves.toBe(text);
    await expect(problem(page).locator('.concept-check').isVisible()).resolves.toBe(true);
    await expect(problem(page).locator('[data-concept-count]').textContent()).resolves.toBe(
      'You got 2/3 concepts.',
    );
    await expect(
      problem(page).getByLabel('Combines machine learning with software engineering').isChecked(),
    ).resolves.toBe(true);
    await expect(panel(page).locator('[data-practice-done]').isVisible()).resolves.toBe(true);

    // What is kept, as docs/html/practice.md describes it.
    const kept = await page.evaluate(() => {
      const key = Object.keys(localStorage).find((name) => name.startsWith('quizmark:progress:'));
      return JSON.parse(localStorage.getItem(key!)!).items;
    });
    const records = Object.values(kept) as Array<{ practice?: Record<string, unknown> }>;
    const practice = records.map((record) => record.practice).filter(Boolean);
    expect(practice).toContainEqual({
      revealed: 2,
      text,
      done: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      current: true,
    });
    expect(practice).toContainEqual({ revealed: 1 });
    expect(practice.filter((record) => record!.current)).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('should give every article back to Read with every part as Read draws it', async () => {
    const { page: fresh } = await open('mlops.html');
    const readHtml = await fresh.locator('#content').innerHTML();
    await fresh.context().close();

    const { page, errors } = await open('mlops.html#practice');
    // Visit every problem, an explain prompt with its text area, and reveal part way.
    await nextPart(page).click();
    for (let at = 1; at < 7; at++) {
      await button(page, 'Next').click();
      if (at === 3) await nextPart(page).click();
      if (at === 4) await nextPart(page).click();
    }
    await page
      .getByRole('navigation', { name: 'Study modes' })
      .getByRole('link', { name: 'Read' })
      .click();
    await expect(panel(page).isVisible()).resolves.toBe(false);
    await expect(page.locator('#content').isVisible()).resolves.toBe(true);
    await expect(page.locator('.practice-concealed').count()).resolves.toBe(0);
    await expect(page.locator('#content [data-practice-text]').count()).resolves.toBe(0);
    // The same markup as a page that never saw Practice: order, classes, closed details.
    expect(await page.locator('#content').innerHTML()).toBe(readHtml);

    await page.getByRole('button', { name: 'Reveal all answers' }).click();
    for (const title of SEED_PRACTICE) {
      const article = page.locator('#content article.item').filter({ hasText: title });
      for (const part of await article.locator('.part, .steps > li, summary').all()) {
        expect(await part.isVisible(), title).toBe(true);
      }
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it.each(['light', 'dark'] as const)(
    'should have no serious or critical axe-core finding in Practice (%s)',
    async (colorScheme) => {
      const { page } = await open('mlops.html#practice', { colorScheme, bypassCSP: true });
      await panel(page).getByLabel('Your answer').fill('An answer.');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await button(page, 'Reveal all').click();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await button(page, 'Next').click();
      await button(page, 'Next').click();
      await problem(page).getByLabel('A. To automate and manage').check();
      await button(page, 'Reveal all').click();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.context().close();
    },
  );

  it('should walk through a problem with the keyboard only', async () => {
    const { page, errors } = await open('mlops.html');
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        return element ? `${element.tagName} ${element.textContent?.trim() ?? ''}` : '';
      });
    /** Presses Tab until the focus is on an element matching `selector`. */
    async function tabTo(selector: string): Promise<void> {
      for (let presses = 0; presses < 60; presses++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector))
          return;
      }
      throw new Error(`Tab never reached ${selector}; focus is on ${await focused()}`);
    }
    await tabTo('a[data-mode-link="practice"]');
    await page.keyboard.press('Enter');
    await expect(where(page).textContent()).resolves.toContain('(1 / 7)');
    // Next lands the focus on the new problem: Tab down to Next again.
    await tabTo('[data-practice-next]');
    await page.keyboard.press('Enter');
    await expect(where(page).textContent()).resolves.toContain('(2 / 7)');
    await tabTo('[data-practice-next]');
    await page.keyboard.press('Enter');
    await expect(where(page).textContent()).resolves.toContain('(3 / 7)');
    // From where the focus landed, into the problem: the first option, then a pick with the arrows.
    await expect(
      where(page).evaluate((element) => element === document.activeElement),
    ).resolves.toBe(true);
    await tabTo('[data-option] input');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await expect(problem(page).locator('[data-feedback]').textContent()).resolves.toContain(
      '✓ Correct!',
    );
    await expect(panel(page).locator('[data-practice-done]').isVisible()).resolves.toBe(true);
    await tabTo('[data-practice-next-part]');
    // Enter, again and again: the focus stays on the button as it names the next part.
    const labels: string[] = [];
    for (let press = 0; press < 7; press++) {
      labels.push((await focused()).replace(/^BUTTON /, ''));
      await page.keyboard.press('Enter');
    }
    expect(labels).toEqual([
      'Show hint',
      'Show step 1 of 3',
      'Next step (2 of 3)',
      'Next step (3 of 3)',
      'Show answer',
      'Show quick check',
      'Show common mistakes',
    ]);
    await expect(problem(page).locator('.part.mistakes').isVisible()).resolves.toBe(true);
    // Everything shown: the focus moves on to Next.
    await expect(focused()).resolves.toBe('BUTTON Next');
    await page.keyboard.press('Enter');
    await expect(where(page).textContent()).resolves.toContain('(4 / 7)');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('should practise a numeric and a short-answer item with only the parts they have', async () => {
    const { page, errors } = await open('other.html#practice');
    await expect(where(page).textContent()).resolves.toContain('(1 / 2)');
    await expect(where(page).textContent()).resolves.toContain('Numbers');
    const article = problem(page);
    await article.getByLabel('Your answer').fill('40');
    await article.getByRole('button', { name: 'Check' }).click();
    await expect(article.locator('[data-feedback]').textContent()).resolves.toContain('Not quite');
    await expect(panel(page).locator('[data-practice-done]').isVisible()).resolves.toBe(false);
    await article.getByLabel('Your answer').fill('42');
    await article.getByLabel('Your answer').press('Enter');
    await expect(article.locator('[data-feedback]').textContent()).resolves.toContain('✓ Correct!');
    await expect(panel(page).locator('[data-practice-done]').isVisible()).resolves.toBe(true);

    const labels: string[] = [];
    while (await nextPart(page).isVisible()) {
      labels.push((await nextPart(page).textContent()) ?? '');
      await nextPart(page).click();
    }
    expect(labels).toEqual([
      'Show hint',
      'Show step 1 of 2',
      'Next step (2 of 2)',
      'Show answer',
      'Show quick check',
      'Show common mistakes',
    ]);
    // The explanation comes with the answer; the parts read in the order they were revealed.
    const order = await article
      .locator('.reveal-body > .part')
      .evaluateAll((parts) => parts.map((part) => part.className.replace('part ', '')));
    expect(order).toEqual(['solution', 'final-answer', 'explanation', 'quick-check', 'mistakes']);

    await button(page, 'Next').click();
    await expect(where(page).textContent()).resolves.toContain('(2 / 2)');
    await expect(where(page).textContent()).resolves.toContain('Words');
    // No hint, no quick check, no mistakes: their buttons never show.
    const short: string[] = [];
    while (await nextPart(page).isVisible()) {
      short.push((await nextPart(page).textContent()) ?? '');
      await nextPart(page).click();
    }
    expect(short).toEqual(['Show step 1 of 2', 'Next step (2 of 2)', 'Show answer']);
    await expect(problem(page).locator('.part.final-answer').textContent()).resolves.toContain(
      'newton',
    );
    await expect(panel(page).locator('[data-practice-write]').isVisible()).resolves.toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
