import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DeckInput, RenderRequest } from '@quizmark/model';
import { toPlainText } from '@quizmark/model';
import {
  browserAvailable,
  collectionRequest,
  deckInput,
  everyTypeDeck,
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
import { seriousAxeViolations } from './axe.js';
import { collapse, contentDecks, firstUseDeckInput, itemTexts } from './content-decks.js';

// The pages as a learner gets them: every content/*.md deck rendered and
// written to disk, opened from file:// in headless Chromium, clicked and typed
// at. `sample` adds constructs the seed lacks (several correct options);
// `hostile` is author content that tries to run script.

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
    deckInput(everyTypeDeck(), 'every-type'),
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
    'every-type.html',
    'every-type.answers.html',
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

  /**
   * What a reader sees: innerText leaves out closed <details>; images count
   * by their alt, and math by its TeX (the annotation beside the drawn
   * formula), which is what the model's plain text holds.
   */
  const seen = async (page: Page) =>
    collapse(
      await page.locator('main').evaluate((main) => {
        const images = Array.from(main.querySelectorAll('img')).filter((image) =>
          image.checkVisibility(),
        );
        const formulas = Array.from(main.querySelectorAll('math')).map((math) => {
          const tex = document.createElement('span');
          tex.textContent = math.querySelector('annotation')?.textContent ?? '';
          math.replaceWith(tex);
          return [tex, math] as const;
        });
        // biome-ignore lint/performance/useDomNodeTextContent: textContent would include hidden answers
        const text = (main as HTMLElement).innerText;
        for (const [tex, math] of formulas) tex.replaceWith(math);
        return [text, ...images.map((image) => image.alt)].join('\n');
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

  it('should set each page in the system fonts of its deck language', async () => {
    const fonts = async (file: string) => {
      const { page } = await open(file);
      const family = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
      await page.context().close();
      return family;
    };
    const japanese = await fonts('japanese.html');
    expect(japanese).toContain('"Hiragino Sans"');
    expect(japanese).toContain('"Noto Sans CJK JP"');
    expect(japanese).toContain('"Noto Color Emoji"');
    const english = await fonts('mlops.html');
    expect(english).toMatch(/^system-ui, /);
    expect(english).not.toContain('Hiragino');
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
    expect(await feedback.textContent()).toBe(
      '✓ Correct! Your first answer is the one the score counts.',
    );
    expect(
      await question.locator('[data-option]:has(input:checked) [data-mark]').textContent(),
    ).toBe('✓');
    // The first pick was wrong, and the first pick is what the score counts.
    expect(await score.textContent()).toBe(
      'Score: 0/10 questions answered correctly · Concepts: 0/7',
    );
    const next = item(page, 'MLOps is most similar to which software practice?');
    await next.getByLabel('A. DevOps').check();
    expect(await score.textContent()).toBe(
      'Score: 1/10 questions answered correctly · Concepts: 0/7',
    );

    await page.getByRole('button', { name: 'Start over' }).click();
    expect(await score.textContent()).toBe(
      'Score: 0/10 questions answered correctly · Concepts: 0/7',
    );
    expect(await feedback.textContent()).toBe('');
    // After starting over, a right first pick counts.
    await question.getByLabel('D. To automate and improve').check();
    expect(await score.textContent()).toBe(
      'Score: 1/10 questions answered correctly · Concepts: 0/7',
    );
    await page.getByRole('button', { name: 'Start over' }).click();
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
    expect(await feedback.textContent()).toBe(
      '✓ Correct! Your first answer is the one the score counts.',
    );
    // Two wrong checks, then a right one: the question counts as wrong.
    expect(await page.locator('[data-score]').textContent()).toBe(
      'Score: 0/4 questions answered correctly · Concepts: 0/3',
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

  describe('every question type, answered with the keyboard', () => {
    const score = (page: Page) => page.locator('[data-score]').textContent();
    const scoreOf = (right: number) => `Score: ${right}/8 questions answered correctly`;

    /** Presses Tab until the focused control's accessible name is `name` (keyboard only). */
    async function tabTo(page: Page, name: string, key = 'Tab'): Promise<void> {
      for (let presses = 0; presses < 80; presses++) {
        const focused = await page.evaluate(() => {
          const element = document.activeElement as HTMLElement | null;
          if (!element || element === document.body) return '';
          const labelled = element.getAttribute('aria-label');
          if (labelled) return labelled;
          const label = element.id
            ? document.querySelector(`label[for="${CSS.escape(element.id)}"]`)
            : null;
          return (label ?? element).textContent?.trim() ?? '';
        });
        if (focused === name) return;
        await page.keyboard.press(key);
      }
      throw new Error(`Tab never reached "${name}"`);
    }

    /** Focus before the item's first control, so the keyboard starts there. */
    async function startAt(page: Page, title: string): Promise<Locator> {
      const question = item(page, title);
      await question.locator('h3').evaluate((heading) => {
        heading.setAttribute('tabindex', '-1');
        (heading as HTMLElement).focus();
      });
      return question;
    }

    it('should grade numeric answers with or without the unit, with a decimal comma or an exponent', async () => {
      const { page, consoleErrors } = await open('every-type.html');
      const question = await startAt(page, 'A 2 kg ball moves at 3 m/s.');
      const field = question.getByLabel('Your answer');
      const feedback = question.locator('[data-feedback]');
      await tabTo(page, 'Your answer');
      for (const [typed, said] of [
        ['abc', 'Write a number, such as 9.5 or 9,5.'],
        ['9 kJ', '✗ Not quite: the unit is J; the answer is 9 ± 2% J.'],
        ['9,0 J', '✓ Correct! Your first answer is the one the score counts.'],
        ['9J', '✓ Correct! Your first answer is the one the score counts.'],
        ['9e0', '✓ Correct! Your first answer is the one the score counts.'],
        ['8.82', '✓ Correct! Your first answer is the one the score counts.'],
        ['9.2 J', '✗ Not quite: the answer is 9 ± 2% J.'],
      ] as const) {
        await field.fill('');
        await page.keyboard.type(typed);
        await page.keyboard.press('Enter');
        expect(await feedback.textContent(), typed).toBe(said);
      }
      // The first graded answer (9 kJ) was wrong: it stays wrong.
      expect(await score(page)).toBe(scoreOf(0));
      expect(await field.getAttribute('aria-invalid')).toBe('true');

      const g = await startAt(page, 'What is g near Earth');
      await tabTo(page, 'Your answer');
      await page.keyboard.type('9,76');
      await tabTo(page, 'Check');
      await page.keyboard.press('Space');
      expect(await g.locator('[data-feedback]').textContent()).toBe('✓ Correct!');
      expect(await g.locator('[data-mark]').textContent()).toBe('✓');
      expect(await score(page)).toBe(scoreOf(1));
      expect(consoleErrors).toEqual([]);
      await page.context().close();
    });

    it('should accept a short answer in another case, with spaces around it', async () => {
      const { page } = await open('every-type.html');
      const question = await startAt(page, 'What SI unit is used for force?');
      await tabTo(page, 'Your answer');
      await page.keyboard.type('  NEWTON ');
      await page.keyboard.press('Enter');
      expect(await question.locator('[data-feedback]').textContent()).toBe('✓ Correct!');
      await question.getByLabel('Your answer').fill('n');
      await page.keyboard.press('Enter');
      expect(await question.locator('[data-feedback]').textContent()).toBe('✓ Correct!');
      await question.getByLabel('Your answer').fill('newtons');
      await page.keyboard.press('Enter');
      expect(await question.locator('[data-feedback]').textContent()).toBe(
        '✗ Not quite: the answer is newton.',
      );
      expect(await score(page)).toBe(scoreOf(1));
      await page.context().close();
    });

    it('should grade and mark each cloze blank, and reveal the answers', async () => {
      const { page } = await open('every-type.html');
      const question = await startAt(page, 'Energy sentence');
      const feedback = question.locator('[data-feedback]');
      await tabTo(page, 'Blank 1 of 2');
      await page.keyboard.type('Joules');
      await page.keyboard.press('Tab');
      expect(await question.getByLabel('Blank 2 of 2').getAttribute('placeholder')).toBe(
        'named after a Scottish engineer',
      );
      await page.keyboard.type('wats');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      expect(await feedback.textContent()).toBe('✗ 1 of 2 blanks right.');
      expect(await question.locator('.cloze-gap [data-mark]').allTextContents()).toEqual([
        '✓',
        '✗',
      ]);
      expect(await question.getByLabel('Blank 2 of 2').getAttribute('aria-invalid')).toBe('true');
      await question.getByLabel('Blank 2 of 2').fill('watts');
      await page.keyboard.press('Enter');
      expect(await feedback.textContent()).toBe(
        '✓ Correct! Your first answer is the one the score counts.',
      );
      expect(await score(page)).toBe(scoreOf(0));
      await question.getByLabel('Blank 1 of 2').fill('');
      await tabTo(page, 'Reveal');
      await page.keyboard.press('Enter');
      expect(await question.getByLabel('Blank 1 of 2').inputValue()).toBe('joules');
      expect(await feedback.textContent()).toBe('The answers are filled in.');
      await page.context().close();
    });

    it('should match with native selects, keyboard only, and mark each entry', async () => {
      const { page } = await open('every-type.html');
      const question = await startAt(page, 'Match each quantity with its SI unit.');
      const letters = new Map<string, string>();
      for (const option of await question.locator('.match-choices li').allTextContents()) {
        const [letter, text] = collapse(option).split('. ');
        letters.set(text!, letter!);
      }
      // Typing a letter in a focused select picks the option it starts ("C. newton").
      await tabTo(page, 'Force');
      await page.keyboard.press(letters.get('newton')!);
      await tabTo(page, 'Energy');
      await page.keyboard.press(letters.get('kelvin')!);
      await tabTo(page, 'Power');
      await page.keyboard.press(letters.get('watt')!);
      expect(await question.getByLabel('Force').inputValue()).toBe(letters.get('newton'));
      await tabTo(page, 'Check');
      await page.keyboard.press('Enter');
      expect(await question.locator('[data-feedback]').textContent()).toBe(
        '✗ 2 of 3 matches right.',
      );
      expect(await question.locator('[data-match-row] [data-mark]').allTextContents()).toEqual([
        '✓',
        '✗',
        '✓',
      ]);
      // Arrow keys move through the options too.
      await tabTo(page, 'Energy', 'Shift+Tab');
      const before = await question.getByLabel('Energy').inputValue();
      const values = await question
        .getByLabel('Energy')
        .locator('option')
        .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
      // From the last option the only way is up.
      await page.keyboard.press(values.at(-1) === before ? 'ArrowUp' : 'ArrowDown');
      expect(await question.getByLabel('Energy').inputValue()).not.toBe(before);
      expect(await score(page)).toBe(scoreOf(0));
      await page.context().close();
    });

    it('should reorder entries with Move up and Move down, announce each move, and check the order', async () => {
      const { page } = await open('every-type.html');
      const question = await startAt(page, 'Put the steps in order.');
      const correct = ['Ask a question', 'Form a hypothesis', 'Test it', 'Draw a conclusion'];
      const shown = () =>
        question
          .locator('[data-order-entry]')
          .evaluateAll((entries) => entries.map((entry) => (entry as HTMLElement).dataset.text!));
      const status = question.locator('[data-order-status]');
      expect(await shown()).not.toEqual(correct);
      expect(await status.getAttribute('aria-live')).toBe('polite');
      // Selection sort, one keyboard press per move.
      for (const [target, text] of correct.entries()) {
        let at = (await shown()).indexOf(text);
        if (at === target) continue;
        await tabTo(page, `Move up: ${text}`);
        while (at > target) {
          await page.keyboard.press(at % 2 === 0 ? 'Enter' : 'Space');
          at--;
          expect(await status.textContent()).toBe(`${text} moved to position ${at + 1} of 4`);
          // The focus stays on the button of the entry that moved.
          expect(
            await page.evaluate(() => document.activeElement?.getAttribute('aria-label')),
          ).toBe(`Move up: ${text}`);
        }
        await startAt(page, 'Put the steps in order.');
      }
      expect(await shown()).toEqual(correct);
      await tabTo(page, 'Move up: Ask a question');
      await page.keyboard.press('Enter');
      expect(await status.textContent()).toBe('Ask a question is already first');
      await tabTo(page, 'Check');
      await page.keyboard.press('Enter');
      expect(await question.locator('[data-feedback]').textContent()).toBe('✓ Correct!');
      expect(await question.locator('[data-order-entry] [data-mark]').allTextContents()).toEqual([
        '✓',
        '✓',
        '✓',
        '✓',
      ]);
      expect(await score(page)).toBe(scoreOf(1));
      await page.getByRole('button', { name: 'Start over' }).click();
      expect(await shown()).not.toEqual(correct);
      expect(await score(page)).toBe(scoreOf(0));
      await page.context().close();
    });

    it('should show the feedback of the picked true/false or choice option, and count the first pick', async () => {
      const { page } = await open('every-type.html');
      const statement = await startAt(page, 'Mass and weight are the same quantity.');
      const wrongNote = statement.locator('#item-mass-weight-option-true-feedback');
      const rightNote = statement.locator('#item-mass-weight-option-false-feedback');
      await tabTo(page, 'True');
      await page.keyboard.press('Space');
      expect(await statement.locator('[data-feedback]').textContent()).toBe(
        '✗ Not quite. Try again, or reveal the answer.',
      );
      expect(await wrongNote.isVisible()).toBe(true);
      expect(await rightNote.isVisible()).toBe(false);
      expect(await statement.getByLabel('True').getAttribute('aria-describedby')).toBe(
        'item-mass-weight-option-true-feedback',
      );
      await page.keyboard.press('ArrowDown');
      expect(await statement.getByLabel('False').isChecked()).toBe(true);
      expect(await rightNote.isVisible()).toBe(true);
      expect(await wrongNote.isVisible()).toBe(false);
      expect(await score(page)).toBe(scoreOf(0));

      const vector = await startAt(page, 'Which of these is a vector quantity?');
      // Tab reaches the group's first radio; an arrow key picks the next one.
      await tabTo(page, 'A. Speed');
      await page.keyboard.press('ArrowDown');
      expect(await vector.getByLabel('B. Velocity').isChecked()).toBe(true);
      expect(await vector.locator('[data-feedback]').textContent()).toBe('✓ Correct!');
      // Feedback on a right pick too.
      expect(await vector.locator('#item-vector-option-b-feedback').textContent()).toBe(
        'Right: velocity has both magnitude and direction.',
      );
      expect(await vector.locator('#item-vector-option-b-feedback').isVisible()).toBe(true);
      expect(await vector.locator('#item-vector-option-a-feedback').isVisible()).toBe(false);
      expect(await score(page)).toBe(scoreOf(1));
      await page.context().close();
    });

    it('should have no axe-core finding once every type is answered, and print gaps instead of controls', async () => {
      const { page } = await open('every-type.html', { bypassCSP: true });
      await page.getByRole('button', { name: 'Reveal all answers' }).click();
      await item(page, 'A 2 kg ball').getByLabel('Your answer').fill('7');
      await item(page, 'A 2 kg ball').getByRole('button', { name: 'Check' }).click();
      await item(page, 'Energy sentence').getByLabel('Blank 1 of 2').fill('joules');
      await item(page, 'Energy sentence').getByRole('button', { name: 'Check' }).click();
      await item(page, 'Match each').getByRole('button', { name: 'Check' }).click();
      await item(page, 'Match each').getByLabel('Force').selectOption({ index: 1 });
      await item(page, 'Match each').getByRole('button', { name: 'Check' }).click();
      await item(page, 'Put the steps').getByRole('button', { name: 'Check' }).click();
      await item(page, 'Mass and weight').getByLabel('True').check();
      await item(page, 'Which of these is a vector').getByLabel('A. Speed').check();
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.emulateMedia({ media: 'print' });
      const display = (locator: Locator) =>
        locator.first().evaluate((element) => getComputedStyle(element).display);
      expect(await display(page.locator('main button'))).toBe('none');
      expect(await display(page.locator('.match-answer select'))).toBe('none');
      // Boxes to write a letter or a position in, where the controls were.
      for (const box of await page
        .locator('.match-row .write-box, .order-entry .write-box')
        .all()) {
        expect(await box.isVisible()).toBe(true);
      }
      expect(await page.locator('.write-box').count()).toBe(7);
      const blank = page.locator('.cloze-blank').first();
      expect(await blank.evaluate((element) => getComputedStyle(element).borderTopStyle)).toBe(
        'none',
      );
      expect(await blank.evaluate((element) => getComputedStyle(element).borderBottomStyle)).toBe(
        'solid',
      );
      if (systemTool('pdftotext', 'poppler-utils').available) {
        const pdfPath = join(dir, 'every-type.pdf');
        writeFileSync(pdfPath, await page.pdf({ format: 'A4' }));
        const printed = collapse(runTool('pdftotext', [pdfPath, '-']));
        expect(printed).not.toMatch(/Move up|Choose…|Check|Reveal/);
        expect(printed).toContain(
          'Put the 4 entries in order: write each one’s position in its box.',
        );
        expect(printed).toContain('Answers');
        expect(printed).toContain('9 ± 2% J (accepted: 8.82 to 9.18 J)');
      }
      await page.context().close();
    });
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
