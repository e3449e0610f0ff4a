import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DeckInput, RenderRequest } from '@quizmark/model';
import { toPlainText } from '@quizmark/model';
import {
  browserAvailable,
  collectionRequest,
  deckInput,
  hostileDeck,
  type LaunchedBrowser,
  launchBrowser,
  runTool,
  selfCheckDeck,
  systemTool,
} from '@quizmark/testing';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HtmlOptions, htmlRenderer } from '../src/index.js';
import { collapse, contentDecks, firstUseDeckInput, itemTexts } from './content-decks.js';

// The pages as a learner gets them: every content/*.md deck rendered and
// written to disk, opened from file:// in headless Chromium, clicked and typed
// at. `sample` adds constructs the seed lacks (several correct options);
// `hostile` is author content that tries to run script.

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
  const content = contentDecks();
  const decks: DeckInput[] = [
    ...content,
    deckInput(selfCheckDeck(), 'sample'),
    deckInput(hostileDeck(), 'hostile'),
    firstUseDeckInput(),
  ];
  const seed = content.find((input) => input.name === 'mlops')!.deck;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'quizmark-html-'));
    const request: RenderRequest<HtmlOptions> = { decks, options: {}, sourceDateEpoch: 0 };
    const files = [
      ...(await htmlRenderer.render(request)),
      ...(await htmlRenderer.renderCollection!(collectionRequest(request))),
    ];
    for (const file of files) writeFileSync(join(dir, file.path), file.bytes);
    launched = await launchBrowser();
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

  /** The item whose heading says `title`. */
  const item = (page: Page, title: string): Locator =>
    page.locator('article').filter({ has: page.locator('h3', { hasText: title }) });

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

  /** Reveals everything and leaves feedback on screen, so hidden parts are checked too. */
  async function interact(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Reveal all answers' }).click();
    const question = item(page, 'What is the main goal of MLOps?');
    await question.getByLabel('B. To write machine learning algorithms from scratch').check();
    await item(page, 'MLOps is most similar to which software practice?')
      .getByLabel('A. DevOps')
      .check();
    await page.getByLabel('Monitors models in production and keeps them reliable').check();
  }

  const pages = [
    ...content.flatMap((input) => [`${input.name}.html`, `${input.name}.answers.html`]),
    'sample.html',
    'index.html',
  ];
  const cases = pages.flatMap((file) => [[file, 'light'] as const, [file, 'dark'] as const]);

  it.each(cases)(
    'should open %s (%s) with no console error and no request leaving the file',
    async (file, colorScheme) => {
      const { page, consoleErrors, requests } = await open(file, { colorScheme });
      if (file === 'mlops.html') await interact(page);
      expect(consoleErrors).toEqual([]);
      expect(requests[0]).toBe(pathToFileURL(join(dir, file)).href);
      for (const url of requests) expect(url).toMatch(/^(file:\/\/|data:)/);
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
        await interact(page);
        expect(await seriousAxeViolations(page)).toEqual([]);
      }
      await page.context().close();
    },
  );

  /** What a reader sees: innerText leaves out closed <details>; images count by their alt. */
  const seen = async (page: Page) =>
    collapse(
      await page.locator('main').evaluate((main) => {
        const images = Array.from(main.querySelectorAll('img')).filter((image) =>
          image.checkVisibility(),
        );
        // biome-ignore lint/performance/useDomNodeTextContent: textContent would include hidden answers
        return [(main as HTMLElement).innerText, ...images.map((image) => image.alt)].join('\n');
      }),
    );

  it('should show every item’s text, answers once revealed, for every content deck', async () => {
    for (const input of content) {
      const items = input.deck.sections.flatMap((section) => section.items);
      const { page } = await open(`${input.name}.html`);
      const before = await seen(page);
      for (const question of items) expect(before).toContain(question.title);
      await page.getByRole('button', { name: 'Reveal all answers' }).click();
      const after = await seen(page);
      for (const question of items) {
        for (const text of itemTexts(question)) expect(after, question.id).toContain(text);
      }
      await page.getByRole('button', { name: 'Hide all answers' }).click();
      expect(await page.locator('details[open]').count()).toBe(0);
      await page.context().close();

      const answers = await open(`${input.name}.answers.html`);
      const shown = await seen(answers.page);
      for (const question of items) {
        for (const text of itemTexts(question)) expect(shown, question.id).toContain(text);
      }
      await answers.page.context().close();
    }
    const { page } = await open('mlops.html');
    expect(await seen(page)).not.toContain('MLOps stands for Machine Learning Operations.');
    await page.context().close();
  });

  it('should reveal an answer with a click and with the keyboard', async () => {
    const { page } = await open('mlops.html');
    const first = item(page, 'What does MLOps stand for?');
    const answer = first.locator('.back');
    expect(await answer.isVisible()).toBe(false);
    await first.getByText('Reveal answer').click();
    expect(await answer.isVisible()).toBe(true);

    const second = item(page, 'Why is MLOps important?');
    expect(await second.locator('.back').isVisible()).toBe(false);
    await second.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await second.locator('.back').isVisible()).toBe(true);

    // Tab moves on to the next item's reveal, Space opens it.
    await page.keyboard.press('Tab');
    const third = item(page, 'Name two key components of MLOps.');
    expect(
      await third.locator('summary').evaluate((summary) => summary === document.activeElement),
    ).toBe(true);
    await page.keyboard.press('Space');
    expect(await third.locator('.back').isVisible()).toBe(true);
    await page.context().close();
  });

  it('should tell the learner whether the picked option is right', async () => {
    const { page } = await open('mlops.html');
    const question = item(page, 'What is the main goal of MLOps?');
    const feedback = question.locator('[data-feedback]');
    const score = page.locator('[data-score]');
    expect(await score.textContent()).toBe(
      'Score: 0/10 questions answered correctly · Concepts: 0/7',
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
    expect(
      await question.locator('[data-option]:has(input:checked) [data-mark]').textContent(),
    ).toBe('✓');
    expect(await score.textContent()).toBe(
      'Score: 1/10 questions answered correctly · Concepts: 0/7',
    );

    await page.getByRole('button', { name: 'Start over' }).click();
    expect(await score.textContent()).toBe(
      'Score: 0/10 questions answered correctly · Concepts: 0/7',
    );
    expect(await feedback.textContent()).toBe('');
    expect(await page.locator('main input:checked').count()).toBe(0);
    await page.context().close();
  });

  it('should check a select-all-that-apply question when asked to', async () => {
    const { page } = await open('sample.html');
    const question = item(page, 'Which of these are part of MLOps?');
    const feedback = question.locator('[data-feedback]');
    const check = question.getByRole('button', { name: 'Check' });
    await question.getByLabel('A. Monitoring model performance in production').check();
    expect(await feedback.textContent()).toBe('');
    await check.click();
    expect(await feedback.textContent()).toBe('✗ Not quite: 1 more correct option to find.');
    await question.getByLabel('B. Designing logos').check();
    expect(await feedback.textContent()).toBe('');
    await check.click();
    expect(await feedback.textContent()).toBe('✗ Not quite. Try again, or reveal the answer.');
    await question.getByLabel('B. Designing logos').uncheck();
    await question.getByLabel('C. Automating model retraining').check();
    await check.focus();
    await page.keyboard.press('Enter');
    expect(await feedback.textContent()).toBe('✓ Correct!');
    expect(await page.locator('[data-score]').textContent()).toBe(
      'Score: 1/4 questions answered correctly · Concepts: 0/3',
    );
    await page.context().close();
  });

  it('should count the concepts the learner ticks', async () => {
    const { page } = await open('mlops.html');
    const prompt = item(page, 'Explain what MLOps is and why it is useful.');
    await prompt.getByText('Reveal the key concepts').click();
    const count = prompt.locator('[data-concept-count]');
    expect(await count.textContent()).toBe('You got 0/3 concepts.');
    await prompt.getByLabel('Combines machine learning with software engineering').check();
    await prompt.getByLabel('Monitors models in production').focus();
    await page.keyboard.press('Space');
    expect(await count.textContent()).toBe('You got 2/3 concepts.');
    expect(await page.locator('[data-score]').textContent()).toBe(
      'Score: 0/10 questions answered correctly · Concepts: 2/7',
    );
    await page.context().close();
  });

  it('should let a learner self-study with JavaScript turned off', async () => {
    const { page } = await open('mlops.html', { javaScriptEnabled: false });
    expect(await page.getByRole('button', { name: 'Reveal all answers' }).count()).toBe(0);
    const question = item(page, 'What is the main goal of MLOps?');
    await question.getByText('Reveal answer').click();
    expect(await question.locator('.final-answer').textContent()).toContain(
      'D. To automate and improve the deployment and maintenance of machine learning models',
    );
    const prompt = item(page, 'Explain what MLOps is and why it is useful.');
    await prompt.getByText('Reveal the key concepts').click();
    expect(await prompt.getByLabel('Monitors models in production').isVisible()).toBe(true);
    expect(await prompt.locator('[data-concept-count]').isVisible()).toBe(false);
    const sample = await open('sample.html', { javaScriptEnabled: false });
    expect(await sample.page.getByRole('button', { name: 'Check' }).count()).toBe(0);
    await page.context().close();
    await sample.page.context().close();
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

  describe('at a phone’s width, with what a new author writes first', () => {
    const phone = { viewport: { width: 375, height: 800 } };

    it.each(['first-use.html', 'first-use.answers.html'])(
      'should let a keyboard reach and scroll every code block that overflows in %s',
      async (file) => {
        const { page } = await open(file, { ...phone, bypassCSP: true });
        // The study view hides answers; the teacher's copy has no button.
        const reveal = page.getByRole('button', { name: 'Reveal all answers' });
        if ((await reveal.count()) > 0) await reveal.click();
        const code = page.getByRole('group', { name: 'Code (Python)' }).first();
        expect(await code.evaluate((pre) => pre.scrollWidth > pre.clientWidth)).toBe(true);
        expect(await seriousAxeViolations(page)).toEqual([]);
        await code.focus();
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => code.evaluate((pre) => pre.scrollLeft)).toBeGreaterThan(0);
        await page.context().close();
      },
    );

    it('should keep an option’s letter beside the first line of its first block', async () => {
      for (const file of ['first-use.html', 'first-use.answers.html']) {
        const { page } = await open(file, phone);
        const option = item(page, 'Which option holds two blocks?').locator('.option').first();
        const letter = (await option.locator('.letter').boundingBox())!;
        const first = (await option.locator('.option-text > p').first().boundingBox())!;
        const middle = letter.y + letter.height / 2;
        expect(middle, file).toBeGreaterThan(first.y);
        expect(middle, file).toBeLessThan(first.y + first.height);
        expect(letter.x + letter.width, file).toBeLessThanOrEqual(first.x);
        await page.context().close();
      }
    });

    it('should align table columns as the Markdown says', async () => {
      const { page } = await open('first-use.html', phone);
      const aligns = await page
        .locator('tbody td')
        .evaluateAll((cells) => cells.map((cell) => getComputedStyle(cell).textAlign));
      expect(aligns).toEqual(['left', 'center', 'right']);
      await page.context().close();
    });

    it('should leave space between a list of concepts and the part after it', async () => {
      const { page } = await open('first-use.answers.html', phone);
      const explain = item(page, 'Name the parts of a cell.');
      const list = (await explain.locator('.concepts').boundingBox())!;
      const next = (await explain.locator('.part.explanation').boundingBox())!;
      expect(next.y - (list.y + list.height)).toBeGreaterThanOrEqual(8);
      await page.context().close();
    });
  });

  it('should link every deck from the index', async () => {
    const { page } = await open('index.html');
    for (const input of decks) {
      const link = page.getByRole('link', { name: input.deck.title, exact: true });
      expect(await link.getAttribute('href')).toBe(`${input.name}.html`);
    }
    await page.getByRole('link', { name: seed.title, exact: true }).click();
    expect(await page.locator('h1').textContent()).toBe(seed.title);
    await page.getByRole('link', { name: 'Teacher’s copy (all answers)' }).click();
    expect(page.url()).toBe(pathToFileURL(join(dir, 'mlops.answers.html')).href);
    await page.context().close();
  });

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
    for (const format of ['A4', 'Letter']) {
      const pdf = await page.pdf({ format });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      if (!systemTool('pdftotext', 'poppler-utils').available) continue;
      const pdfPath = join(dir, `mlops-${format}.pdf`);
      writeFileSync(pdfPath, pdf);
      const printed = runTool('pdftotext', [pdfPath, '-']);
      expect(printed).toContain('What is the main goal of MLOps?');
      expect(printed).not.toMatch(/Reveal answer|Reveal all answers|Start over|Check\n/);
      // Each answer prints once, in the key after the questions.
      const answer = 'MLOps stands for Machine Learning Operations.';
      expect(printed.split(answer)).toHaveLength(2);
      expect(printed.indexOf(answer)).toBeGreaterThan(printed.lastIndexOf('Answers'));
      // No question is cut in two: each page's items start and end on it.
      const pages = printed.split('\f').filter((text) => text.trim() !== '');
      for (const question of seed.sections.flatMap((section) => section.items)) {
        if (question.type !== 'choice') continue;
        const first = toPlainText(question.options[0]!.text);
        const last = toPlainText(question.options.at(-1)!.text);
        const onPage = pages.findIndex((text) => collapse(text).includes(question.title));
        expect(collapse(pages[onPage]!), question.id).toContain(first);
        expect(collapse(pages[onPage]!), question.id).toContain(last);
      }
    }
    await page.context().close();
  });

  it('should print the teacher’s copy with every answer in place', async () => {
    const { page } = await open('mlops.answers.html');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByText('✓ Correct').first().isVisible()).toBe(true);
    expect(await page.getByText('Step 1: Check model accuracy condition').isVisible()).toBe(true);
    expect(await page.locator('details').count()).toBe(0);
    await page.context().close();
  });
});

interface AxeResults {
  violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }>;
}
