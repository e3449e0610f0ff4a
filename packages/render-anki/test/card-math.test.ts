import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseDeck } from '@quizmark/parser';
import { browserAvailable, type LaunchedBrowser, launchBrowser } from '@quizmark/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ankiDeckContent, guidFor, renderCardPreview } from '../src/index.js';

// Cards with math as Anki shows them: the note type's CSS, the card HTML,
// and MathJax 3 with the delimiters Anki configures (`\(…\)`, `\[…\]`),
// typesetting in Chromium. Every formula must typeset without a MathJax
// error; TeX that did not parse must stay source. Screenshots go to /tmp.

const OUT = join(tmpdir(), 'quizmark-anki-math');
const MATHJAX = createRequire(import.meta.url).resolve('mathjax-full/es5/tex-svg-full.js');
const ANKI_MATHJAX = `window.MathJax = { tex: { inlineMath: [['\\\\(', '\\\\)']], displayMath: [['\\\\[', '\\\\]']], processEscapes: false } };`;

const file = fileURLToPath(new URL('./fixtures/math.md', import.meta.url));
const parsed = parseDeck(readFileSync(file, 'utf8'), { file: 'math.md' });
const content = ankiDeckContent({ deck: parsed.deck!, name: 'math', assets: new Map() });
const note = (id: string) => content.notes.find((n) => n.guid === guidFor('anki-math', id))!;

/** Card, its side, and how many formulas it shows. */
const CARDS = [
  ['rest-energy', 0, 'back', 4],
  ['quadratic', 0, 'front', 2],
  ['quadratic', 0, 'back', 4],
  ['rms', 0, 'front', 2],
  ['rms', 1, 'back', 2],
  ['formulas-match', 0, 'back', 4],
  ['powers', 0, 'back', 4],
  ['broken', 0, 'back', 0],
] as const;

describe.skipIf(!browserAvailable())('cards with math, typeset by MathJax in Chromium', () => {
  let launched: LaunchedBrowser;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    launched = await launchBrowser();
  });
  afterAll(async () => {
    await launched?.close();
  });

  it.each(CARDS)('should typeset the math of %s (card %i, %s)', async (id, ord, side, count) => {
    const card = renderCardPreview(note(id), ord)[side];
    const name = `${id}-${ord}-${side}`;
    const path = join(OUT, `${name}.html`);
    writeFileSync(
      path,
      `<!doctype html><html><head><meta charset="utf-8"><style>${note(id).noteType.css}</style>` +
        `<script>${ANKI_MATHJAX}</script><script src="${pathToFileURL(MATHJAX).href}"></script></head>` +
        `<body class="card card1"><div id="qa">${card}</div></body></html>`,
    );
    const page = await launched.browser.newPage({ viewport: { width: 640, height: 480 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(pathToFileURL(path).href);
    await page.waitForFunction(() => 'startup' in ((window as { MathJax?: object }).MathJax ?? {}));
    await page.evaluate(
      () =>
        (window as unknown as { MathJax: { startup: { promise: Promise<void> } } }).MathJax.startup
          .promise,
    );
    const formulas = page.locator('mjx-container');
    expect(await formulas.count()).toBe(count);
    expect(await page.locator('mjx-merror, [data-mjx-error]').count()).toBe(0);
    // Each formula on show has a size (a hint's stays folded until tapped).
    const widths = await formulas.evaluateAll((all) =>
      all
        .filter((element) => element.checkVisibility())
        .map((element) => element.getBoundingClientRect().width),
    );
    if (count > 0) expect(widths.length).toBeGreaterThan(0);
    for (const width of widths) expect(width).toBeGreaterThan(0);
    // biome-ignore lint/performance/useDomNodeTextContent: what the learner sees
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).not.toMatch(/\\\(|\\\[|\$/);
    if (id === 'broken') expect(text).toContain('\\frac{1}{');
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
    await page.close();
  });
});
