import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DeckInput } from '@quizmark/model';
import { toPlainText } from '@quizmark/model';
import { browserAvailable, type LaunchedBrowser, runTool, systemTool } from '@quizmark/testing';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlRenderer } from '../src/index.js';
import { deckInput, hostileDeck, seedDeck } from './fixtures-decks.js';
import { launchChromium } from './launch-chromium.js';

// The pages as a learner gets them: written to disk, opened from file:// in
// headless Chromium, clicked and typed at.

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Opened {
  page: Page;
  consoleErrors: string[];
  requests: string[];
  dialogs: string[];
}

describe.runIf(browserAvailable())('@quizmark/render-html in Chromium', () => {
  let launched: LaunchedBrowser;
  let dir: string;
  const decks: DeckInput[] = [deckInput(seedDeck, 'mlops'), deckInput(hostileDeck, 'hostile')];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'quizmark-html-'));
    const files = await htmlRenderer.render({ decks, options: {}, sourceDateEpoch: 0 });
    for (const file of files) writeFileSync(join(dir, file.path), file.bytes);
    launched = await launchChromium();
  });

  afterAll(async () => {
    await launched?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(file: string, options: BrowserContextOptions = {}): Promise<Opened> {
    const context = await launched.browser.newContext(options);
    const page = await context.newPage();
    const opened: Opened = { page, consoleErrors: [], requests: [], dialogs: [] };
    page.on('console', (message) => {
      if (message.type() === 'error') opened.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => opened.consoleErrors.push(error.message));
    page.on('request', (request) => opened.requests.push(request.url()));
    page.on('dialog', async (dialog) => {
      opened.dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.goto(pathToFileURL(join(dir, file)).href);
    return opened;
  }

  async function seriousAxeViolations(page: Page): Promise<string[]> {
    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe;
      const results = await axe.run();
      return results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        targets: violation.nodes.map((node) => node.target.join(' ')),
      }));
    });
    return violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id} (${violation.impact}): ${violation.targets.join(', ')}`);
  }

  const cases = [
    ['mlops.html', 'light'],
    ['mlops.html', 'dark'],
    ['mlops.answers.html', 'light'],
    ['mlops.answers.html', 'dark'],
  ] as const;

  it.each(cases)(
    'should open %s (%s) with no console error and no request leaving the file',
    async (file, colorScheme) => {
      const { page, consoleErrors, requests } = await open(file, { colorScheme });
      if (file === 'mlops.html') {
        await page.getByRole('button', { name: 'Reveal all answers' }).click();
        await page.getByLabel('B. To write machine learning algorithms from scratch').check();
      }
      expect(consoleErrors).toEqual([]);
      expect(requests.length).toBeGreaterThan(0);
      for (const url of requests) expect(url).toMatch(/^(file:\/\/|data:)/);
      expect(requests[0]).toBe(pathToFileURL(join(dir, file)).href);
      await page.context().close();
    },
  );

  it.each(cases)(
    'should have no serious or critical axe-core finding in %s (%s)',
    async (file, colorScheme) => {
      // axe is injected as an inline script, which the page's CSP rightly refuses.
      const { page } = await open(file, { colorScheme, bypassCSP: true });
      expect(await seriousAxeViolations(page)).toEqual([]);
      if (file === 'mlops.html') {
        // Again with every answer open and feedback on screen.
        await page.getByRole('button', { name: 'Reveal all answers' }).click();
        await page.getByLabel('B. To write machine learning algorithms from scratch').check();
        await page.getByLabel('D. To automate and improve').check();
        await page.getByLabel('Combines machine learning with software engineering').check();
        expect(await seriousAxeViolations(page)).toEqual([]);
      }
      await page.context().close();
    },
  );

  it('should show every item’s text once revealed', async () => {
    const { page } = await open('mlops.html');
    const items = seedDeck.sections.flatMap((section) => section.items);
    // What a reader sees: innerText leaves out the content of closed <details>.
    // biome-ignore lint/performance/useDomNodeTextContent: textContent would include hidden answers
    const seen = () => page.locator('main').evaluate((main) => (main as HTMLElement).innerText);
    const before = await seen();
    for (const item of items) expect(before).toContain(item.title);
    expect(before).not.toContain('MLOps stands for Machine Learning Operations.');
    await page.getByRole('button', { name: 'Reveal all answers' }).click();
    const after = await seen();
    for (const item of items) {
      if (item.type === 'flashcard') expect(after).toContain(toPlainText(item.back));
      if (item.type === 'choice') {
        for (const option of item.options) expect(after).toContain(toPlainText(option.text));
      }
      if (item.type === 'explain') {
        for (const concept of item.concepts) expect(after).toContain(toPlainText(concept));
      }
      for (const step of item.steps) expect(after).toContain(step.title!);
      for (const mistake of item.mistakes) expect(after).toContain(toPlainText(mistake));
    }
    await page.getByRole('button', { name: 'Hide all answers' }).click();
    expect(await page.locator('details[open]').count()).toBe(0);
    await page.context().close();
  });

  it('should reveal an answer with a click and with the keyboard', async () => {
    const { page } = await open('mlops.html');
    const answer = page.locator('#item-what-does-mlops-stand-for .back');
    expect(await answer.isVisible()).toBe(false);
    await page.locator('#item-what-does-mlops-stand-for summary').click();
    expect(await answer.isVisible()).toBe(true);

    const second = page.locator('#item-mlops-components .back');
    expect(await second.isVisible()).toBe(false);
    await page.locator('#item-mlops-components summary').focus();
    await page.keyboard.press('Enter');
    expect(await second.isVisible()).toBe(true);

    const third = page.locator('#item-mlops-challenges .back');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('article')?.id)).toBe(
      'item-mlops-challenges',
    );
    await page.keyboard.press('Space');
    expect(await third.isVisible()).toBe(true);
    await page.context().close();
  });

  it('should tell the learner whether the picked option is right', async () => {
    const { page } = await open('mlops.html');
    const question = page.locator('#item-main-goal');
    const feedback = question.locator('[data-feedback]');
    const score = page.locator('[data-score]');
    expect(await score.textContent()).toBe(
      'Score: 0/4 questions answered correctly · Concepts: 0/3',
    );

    await question.getByLabel('B. To write machine learning algorithms from scratch').check();
    expect(await feedback.textContent()).toBe('✗ Not quite. Try again, or reveal the answer.');
    expect(
      await question.locator('[data-option]:has(input:checked) [data-mark]').textContent(),
    ).toBe('✗');
    // With the keyboard: arrow keys move the pick within the radio group.
    await question.getByLabel('C. To replace data scientists').focus();
    await page.keyboard.press('ArrowDown');
    expect(await question.getByLabel('D. To automate and improve').isChecked()).toBe(true);
    expect(await feedback.textContent()).toBe('✓ Correct!');
    expect(await score.textContent()).toBe(
      'Score: 1/4 questions answered correctly · Concepts: 0/3',
    );

    const multiple = page.locator('#item-mlops-parts');
    await multiple.getByLabel('A. Monitoring model performance in production').check();
    await multiple.getByRole('button', { name: 'Check' }).click();
    expect(await multiple.locator('[data-feedback]').textContent()).toBe(
      '✗ Not quite: 1 more correct option to find.',
    );
    await multiple.getByLabel('B. Designing logos').check();
    expect(await multiple.locator('[data-feedback]').textContent()).toBe('');
    await multiple.getByRole('button', { name: 'Check' }).click();
    expect(await multiple.locator('[data-feedback]').textContent()).toBe(
      '✗ Not quite. Try again, or reveal the answer.',
    );
    await multiple.getByLabel('B. Designing logos').uncheck();
    await multiple.getByLabel('C. Automating model retraining').check();
    await multiple.getByRole('button', { name: 'Check' }).click();
    expect(await multiple.locator('[data-feedback]').textContent()).toBe('✓ Correct!');
    expect(await score.textContent()).toBe(
      'Score: 2/4 questions answered correctly · Concepts: 0/3',
    );

    await page.getByRole('button', { name: 'Start over' }).click();
    expect(await score.textContent()).toBe(
      'Score: 0/4 questions answered correctly · Concepts: 0/3',
    );
    expect(await feedback.textContent()).toBe('');
    expect(await page.locator('main input:checked').count()).toBe(0);
    await page.context().close();
  });

  it('should count the concepts the learner ticks', async () => {
    const { page } = await open('mlops.html');
    const prompt = page.locator('#item-explain-mlops');
    await prompt.getByText('Reveal the key concepts').click();
    const count = prompt.locator('[data-concept-count]');
    expect(await count.textContent()).toBe('You got 0/3 concepts.');
    await prompt.getByLabel('Combines machine learning with software engineering').check();
    await prompt.getByLabel('Monitors models in production').focus();
    await page.keyboard.press('Space');
    expect(await count.textContent()).toBe('You got 2/3 concepts.');
    expect(await page.locator('[data-score]').textContent()).toBe(
      'Score: 0/4 questions answered correctly · Concepts: 2/3',
    );
    await page.context().close();
  });

  it('should let a learner self-study with JavaScript turned off', async () => {
    const { page } = await open('mlops.html', { javaScriptEnabled: false });
    expect(await page.getByRole('button', { name: 'Reveal all answers' }).count()).toBe(0);
    expect(await page.locator('#item-mlops-parts [data-check]').isVisible()).toBe(false);
    await page.locator('#item-main-goal summary').click();
    expect(await page.locator('#item-main-goal .final-answer').textContent()).toContain(
      'D. To automate and improve the deployment and maintenance of machine learning models',
    );
    await page.locator('#item-explain-mlops summary').click();
    expect(await page.getByLabel('Monitors models in production').isVisible()).toBe(true);
    await page.context().close();
  });

  it.each([
    ['with', {}],
    ['without', { bypassCSP: true }],
  ] as const)(
    'should run none of the content’s script payloads (%s the page’s CSP)',
    async (_, options) => {
      for (const file of ['hostile.html', 'hostile.answers.html']) {
        const { page, dialogs, consoleErrors } = await open(file, options);
        if (file === 'hostile.html') {
          await page.getByRole('button', { name: 'Reveal all answers' }).click();
          await page.getByLabel('A. Safe Ctrl').check();
        }
        // Hover what a pointer would cross, for handlers such as onmouseover.
        for (const element of await page.locator('main label:visible, main a:visible').all()) {
          await element.hover();
        }
        expect(dialogs).toEqual([]);
        expect(
          await page.evaluate(() => (window as { __pwned?: unknown }).__pwned),
        ).toBeUndefined();
        expect(await page.locator('main script, main iframe, main svg').count()).toBe(0);
        // Nothing was blocked either: the sanitiser removed it before the CSP had to.
        expect(consoleErrors).toEqual([]);
        expect(await page.locator('main kbd').first().textContent()).toBe('Ctrl');
        await page.context().close();
      }
    },
  );

  it('should print questions whole, controls hidden and answers in a key at the end', async () => {
    const { page } = await open('mlops.html');
    await page.getByRole('button', { name: 'Reveal all answers' }).click();
    await page.emulateMedia({ media: 'print' });
    const display = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((element) => getComputedStyle(element).display);
    expect(await display('.toolbar')).toBe('none');
    expect(await display('details.answer')).toBe('none');
    expect(await display('.answer-key')).toBe('block');
    expect(
      await page
        .locator('.item')
        .first()
        .evaluate((element) => getComputedStyle(element).breakInside),
    ).toBe('avoid');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const letter = await page.pdf({ format: 'Letter' });
    expect(letter.subarray(0, 5).toString()).toBe('%PDF-');

    const tool = systemTool('pdftotext', 'poppler-utils');
    if (tool.available) {
      const pdfPath = join(dir, 'mlops.pdf');
      writeFileSync(pdfPath, pdf);
      const printed = runTool('pdftotext', ['-layout', pdfPath, '-']);
      expect(printed).toContain('What is the main goal of MLOps?');
      expect(printed).toContain('Answers');
      expect(printed).not.toMatch(/Reveal answer|Reveal all answers|Start over/);
      // The answer shows once: in the key, not under its question.
      expect(printed.match(/MLOps stands for Machine Learning Operations\./g)).toHaveLength(1);
      expect(printed.indexOf('MLOps stands for Machine Learning Operations.')).toBeGreaterThan(
        printed.lastIndexOf('Answers'),
      );
    }
    await page.context().close();
  });

  it('should print the teacher’s copy with every answer in place', async () => {
    const { page } = await open('mlops.answers.html');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByText('✓ Correct').first().isVisible()).toBe(true);
    expect(await page.getByText('Step 1: Check model accuracy condition').isVisible()).toBe(true);
    await page.context().close();
  });
});

interface AxeResults {
  violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }>;
}
