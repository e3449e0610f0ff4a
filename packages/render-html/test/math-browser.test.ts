import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DeckInput, RenderRequest } from '@quizmark/model';
import { parseDeck } from '@quizmark/parser';
import { browserAvailable, type LaunchedBrowser, launchBrowser } from '@quizmark/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HtmlOptions, htmlRenderer } from '../src/index.js';
import { seriousAxeViolations } from './axe.js';

// test/fixtures/math.md (math in a stem, display math, options, feedback,
// a hint, solution steps, an explanation, a cloze text, matching and
// ordering entries, and TeX that does not parse) as a reader opens it in
// Chromium: the MathML is laid out as math, the page keeps its CSP, and
// nothing shows dollar signs.

function mathDeck(): DeckInput {
  const file = fileURLToPath(new URL('./fixtures/math.md', import.meta.url));
  const result = parseDeck(readFileSync(file, 'utf8'), { file: 'math.md' });
  if (!result.deck) throw new Error(`${file} does not parse`);
  return { deck: result.deck, name: 'math', assets: new Map() };
}

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
  width: number;
  height: number;
}

describe.runIf(browserAvailable())('@quizmark/render-html math in Chromium', () => {
  let launched: LaunchedBrowser;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'quizmark-math-'));
    const request: RenderRequest<HtmlOptions> = {
      decks: [mathDeck()],
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

  async function open(file: string, bypassCSP = false) {
    const context = await launched.browser.newContext({ bypassCSP, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await page.goto(pathToFileURL(join(dir, file)).href);
    if (file === 'math.html') {
      await page.getByRole('button', { name: 'Reveal all answers' }).click();
    }
    // The inlined script font (for primes and \mathscr) must load under the CSP.
    await page.evaluate(() => document.fonts.ready);
    return { page, consoleErrors };
  }

  const boxesOf = (page: Page, selector: string) =>
    page.locator(selector).evaluateAll((elements) =>
      elements
        .filter((element) => element.checkVisibility())
        .map((element) => {
          const box = element.getBoundingClientRect();
          return {
            top: box.top,
            bottom: box.bottom,
            left: box.left,
            right: box.right,
            width: box.width,
            height: box.height,
          } satisfies Box;
        }),
    );

  it.each(['math.html', 'math.answers.html'])(
    'should lay out every formula of %s as math, with no dollar sign and no CSP violation',
    async (file) => {
      const { page, consoleErrors } = await open(file);
      // Every place of the deck: stem, display, options, feedback, hint,
      // steps, explanation, cloze text, matching and ordering entries.
      const count = await page.locator('main math').count();
      expect(count).toBeGreaterThanOrEqual(20);
      const boxes = await boxesOf(page, 'main math');
      // Hidden copies (the printed key) aside, each drawn formula has a size.
      expect(boxes.length).toBeGreaterThanOrEqual(20);
      for (const box of boxes) {
        expect(box.width).toBeGreaterThan(0);
        expect(box.height).toBeGreaterThan(0);
      }
      const displays = await page
        .locator('main math[display="block"]')
        .evaluateAll((elements) =>
          elements
            .filter((element) => element.checkVisibility())
            .map((element) => getComputedStyle(element).display),
        );
      expect(displays.length).toBeGreaterThanOrEqual(2);
      for (const display of displays) expect(display).toMatch(/^block/);
      // biome-ignore lint/performance/useDomNodeTextContent: what the reader sees, not hidden text
      const text = await page.evaluate(() => document.body.innerText);
      expect(text).not.toContain('$');
      expect(text).not.toContain('\\frac{-b');
      // The script font of primes and \mathscr, a data URI, loaded under the page's CSP.
      const temml = await page.evaluate(() => {
        const statuses: string[] = [];
        document.fonts.forEach((font) => {
          if (font.family.replace(/["']/g, '') === 'Temml') statuses.push(font.status);
        });
        return statuses;
      });
      expect(temml).toEqual(['loaded']);
      expect(consoleErrors).toEqual([]);
      await page.context().close();
    },
  );

  it('should stack fractions, raise superscripts and draw roots', async () => {
    const { page } = await open('math.html');
    const fraction = await page
      .locator('main mfrac')
      .first()
      .evaluate((mfrac) =>
        Array.from(mfrac.children).map((child) => {
          const box = child.getBoundingClientRect();
          return { top: box.top, bottom: box.bottom };
        }),
      );
    expect(fraction).toHaveLength(2);
    expect(fraction[0]!.bottom).toBeLessThanOrEqual(fraction[1]!.top + 1);
    const superscript = await page
      .locator('main msup')
      .first()
      .evaluate((msup) =>
        Array.from(msup.children).map((child) => {
          const box = child.getBoundingClientRect();
          return { top: box.top, bottom: box.bottom };
        }),
      );
    expect(superscript[1]!.bottom).toBeLessThan(superscript[0]!.bottom);
    expect(superscript[1]!.top).toBeLessThan(superscript[0]!.top);
    // The radical sign widens the root beyond what it holds.
    const root = await page
      .locator('main msqrt')
      .first()
      .evaluate((msqrt) => ({
        root: msqrt.getBoundingClientRect().width,
        body: Array.from(msqrt.children).reduce(
          (sum, c) => sum + c.getBoundingClientRect().width,
          0,
        ),
      }));
    expect(root.root).toBeGreaterThan(root.body + 2);
    await page.screenshot({ path: join(tmpdir(), 'quizmark-math-page.png'), fullPage: true });
    await page
      .locator('article')
      .nth(1)
      .screenshot({ path: join(tmpdir(), 'quizmark-math-item.png'), scale: 'device' });
    await page.context().close();
  });

  it('should show TeX that does not render as its source, marked, with the problem as its title', async () => {
    const { page } = await open('math.html');
    const broken = page.locator('code.qm-math-error');
    expect(await broken.count()).toBeGreaterThanOrEqual(1);
    expect(await broken.first().textContent()).toBe('\\frac{1}{');
    expect(await broken.first().getAttribute('title')).toMatch(/end of input/);
    const style = await broken
      .first()
      .evaluate((code) => getComputedStyle(code).textDecorationStyle);
    expect(style).toBe('wavy');
    await page.context().close();
  });

  it.each(['math.html', 'math.answers.html'])(
    'should have no serious or critical axe-core finding in %s',
    async (file) => {
      const { page } = await open(file, true);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.context().close();
    },
  );
});
