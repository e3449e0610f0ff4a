import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SCOPE_STYLES } from '@quizmark/highlight';
import { parseDeck } from '@quizmark/parser';
import {
  browserAvailable,
  type LaunchedBrowser,
  launchBrowser,
  revisionDeckWithImages,
} from '@quizmark/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AnkiNote, ankiDeckContent, guidFor, renderCardPreview } from '../src/index.js';

// Each note type's front and back, in light and night mode, rendered the way
// Anki shows a card: the note type CSS, `card card1` (plus `nightMode
// night_mode`) on the body, the card HTML in #qa. Screenshots go to /tmp to
// be looked at; the assertions read what the page actually computes.

const OUT = join(tmpdir(), 'quizmark-anki-cards');
const content = ankiDeckContent(revisionDeckWithImages());
const note = (itemId: string): AnkiNote =>
  content.notes.find((n) => n.guid === guidFor('mlops-basics', itemId))!;

const CARDS = {
  flashcard: note('what-does-mlops-stand-for'),
  'image-flashcard': note('pipeline-diagram'),
  choice: note('deploy-threshold'),
  'multiple-choice': note('mlops-practices'),
  explain: note('explain-mlops'),
};

const hex = (color: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(color.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
};
const luminance = (rgb: string) => {
  const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
  return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
};

const available = browserAvailable();
let launched: LaunchedBrowser;
let page: Page;

async function show(name: string, html: string, night: boolean): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  for (const file of content.media) writeFileSync(join(OUT, file.name), file.bytes);
  const mode = night ? 'night' : 'light';
  const file = join(OUT, `${name}-${mode}.html`);
  writeFileSync(
    file,
    `<!doctype html><html><head><meta charset="utf-8"><style>${CARDS.flashcard.noteType.css}</style></head>` +
      `<body class="card card1${night ? ' nightMode night_mode' : ''}"><div id="qa">${html}</div></body></html>`,
  );
  await page.goto(pathToFileURL(file).href);
  await page.screenshot({ path: join(OUT, `${name}-${mode}.png`), fullPage: true });
}

const style = (selector: string, property: string) =>
  page.$eval(
    selector,
    (element, name) => getComputedStyle(element).getPropertyValue(name),
    property,
  );

describe.skipIf(!available)('card rendering in Chromium', () => {
  beforeAll(async () => {
    launched = await launchBrowser();
    page = await launched.browser.newPage({ viewport: { width: 640, height: 480 } });
  });
  afterAll(async () => {
    await launched?.close();
  });

  it('should draw every front and back in light and night mode without overflow', async () => {
    for (const [name, card] of Object.entries(CARDS)) {
      const { front, back } = renderCardPreview(card);
      for (const night of [false, true]) {
        for (const [side, html] of [
          ['front', front],
          ['back', back],
        ] as const) {
          await show(`${name}-${side}`, html, night);
          const background = await style('body', 'background-color');
          const color = await style('body', 'color');
          if (night) {
            expect(luminance(background), `${name} ${side}`).toBeLessThan(0.2);
            expect(luminance(color), `${name} ${side}`).toBeGreaterThan(0.8);
          } else {
            expect(background).toBe('rgb(255, 255, 255)');
            expect(luminance(color)).toBeLessThan(0.2);
          }
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          expect(overflow, `${name} ${side}`).toBe(0);
        }
      }
    }
  });

  it('should show the options on the front and the marked answer only on the back', async () => {
    const { front, back } = renderCardPreview(CARDS.choice);
    await show('choice-front', front, false);
    expect(
      await page.$$eval('.qm-option .qm-letter', (els) => els.map((e) => e.textContent)),
    ).toEqual(['A', 'B', 'C', 'D']);
    expect(await page.$('.qm-answer')).toBeNull();
    expect(await page.$('.qm-instruction')).toBeNull();
    expect(await page.textContent('.qm-badge')).toBe('medium');
    await show('choice-back', back, false);
    expect(await page.textContent('.qm-answer .qm-label')).toBe('Correct answer');
    expect(await page.textContent('.qm-answer .qm-option-text')).toBe('Deploy successful');
    const labels = await page.$$eval('.qm-back .qm-label', (els) => els.map((e) => e.textContent));
    expect(labels).toEqual([
      'Correct answer',
      'Solution',
      'Quick check',
      'Hint',
      'Common mistakes',
    ]);
  });

  it('should ask to select all that apply on a multiple-answer front', async () => {
    const { front, back } = renderCardPreview(CARDS['multiple-choice']);
    await show('multiple-choice-front', front, false);
    expect(await page.textContent('.qm-instruction')).toBe('Select all that apply');
    expect(await page.isVisible('.qm-instruction')).toBe(true);
    await show('multiple-choice-back', back, false);
    expect(await page.textContent('.qm-answer .qm-label')).toBe('Correct answers');
    expect(
      await page.$$eval('.qm-answer .qm-letter', (els) => els.map((e) => e.textContent)),
    ).toEqual(['A', 'C']);
  });

  it('should colour code inline in light mode and swap to the night palette', async () => {
    const { front } = renderCardPreview(CARDS.choice);
    await show('choice-front', front, false);
    expect(await style('pre .hljs-keyword', 'color')).toBe(hex(SCOPE_STYLES.keyword!.light));
    await show('choice-front', front, true);
    expect(await style('pre .hljs-keyword', 'color')).toBe(hex(SCOPE_STYLES.keyword!.dark));
    expect(luminance(await style('pre', 'background-color'))).toBeLessThan(0.2);
  });

  it('should hide the flashcard hint until its link is clicked', async () => {
    const { front } = renderCardPreview(CARDS.flashcard);
    await show('flashcard-front', front, false);
    expect(await page.isVisible('div.hint')).toBe(false);
    await page.click('a.hint');
    expect(await page.isVisible('div.hint')).toBe(true);
    expect(await page.textContent('div.hint')).toBe('Think of DevOps.');
  });

  it('should load images from the media folder by their packed names', async () => {
    const { front } = renderCardPreview(CARDS['image-flashcard']);
    await show('image-flashcard-front', front, false);
    expect(await page.$eval('img', (img) => (img as HTMLImageElement).naturalWidth)).toBe(120);
  });

  it('should draw every card of the seed deck within the page, fronts and backs', async () => {
    const source = readFileSync(join(import.meta.dirname, '../../../content/mlops.md'), 'utf8');
    const deck = parseDeck(source, { file: 'mlops.md' }).deck!;
    const seed = ankiDeckContent({ deck, name: 'mlops', assets: new Map() });
    for (const [index, card] of seed.notes.entries()) {
      const { front, back } = renderCardPreview(card);
      for (const [side, html] of [
        ['front', front],
        ['back', back],
      ] as const) {
        const night = index % 2 === 1;
        await show(`seed-${String(index + 1).padStart(2, '0')}-${side}`, html, night);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${card.fields.at(-1)} ${side}`).toBe(0);
        expect(await page.textContent('body')).not.toContain('{{');
      }
    }
  });

  it('should list explain concepts as checkboxes on the back', async () => {
    const { front, back } = renderCardPreview(CARDS.explain);
    await show('explain-front', front, false);
    expect(await page.textContent('.qm-hint-part')).toContain('Think about how software');
    expect(await page.$('.qm-concepts')).toBeNull();
    await show('explain-back', back, false);
    expect(await page.$$('.qm-concepts input[type=checkbox]')).toHaveLength(3);
    await page.click('.qm-concepts label');
    expect(await page.isChecked('.qm-concepts input')).toBe(true);
  });
});
