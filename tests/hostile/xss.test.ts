import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Asset, DeckInput } from '@quizmark/model';
import { parseDeck } from '@quizmark/parser';
import { ankiDeckContent, renderCardPreview } from '@quizmark/render-anki';
import { browserAvailable, type LaunchedBrowser, launchBrowser, readZip } from '@quizmark/testing';
import type { Page } from 'playwright-core';
import initSqlJs from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliBounded } from '../support/run-bounded.js';
import { tempDir } from '../support/run-cli.js';
import { HTML_PAYLOADS, LITERAL, tagged, URL_PAYLOADS } from './xss-payloads.js';

// Every payload in every place a deck can hold text, as the HTML handout and
// the Anki cards show it: opened in headless Chromium, which must see no
// dialog, no script run, no request leave the page, and the words around
// each payload still there to read.

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8cfc000000301010018dd8db00000000049454e44ae426082',
  'hex',
);

/** Where a payload goes, by number (the last two digits of its id). */
const PLACES = {
  section: 1,
  stemTitle: 2,
  stem: 3,
  inlineCode: 4,
  codeBlock: 5,
  linkText: 6,
  imageAlt: 7,
  option: 8,
  hint: 9,
  solution: 10,
  explanation: 11,
  cardFront: 12,
  cardBack: 13,
  concept: 14,
  mistake: 15,
  htmlBlock: 16,
  optionFeedback: 17,
  statement: 18,
  statementFeedback: 19,
  clozeText: 20,
  matchLeft: 21,
  matchRight: 22,
  orderEntry: 23,
  shortAnswer: 24,
} as const;

const LOCAL_TO_THE_BUILD = /&#(x09|1);/;
const HANDOUTS = ['xss.html', 'xss.answers.html'];

const id = (payload: number, place: number) => (payload + 1) * 100 + place;
const around = (payload: string, n: number) => `before${n} ${tagged(payload, n)} after${n}`;
const hasBrackets = (payload: string) => /[[\]]/.test(payload);

/** Ids of the places whose words around the payload must still read. */
const readable: number[] = [];
/** Ids of the payloads placed inside code, which must read exactly as written. */
const literalCode: Array<{ id: number; text: string }> = [];

function xssDeck(): string {
  const sections = HTML_PAYLOADS.map((payload, index) => {
    const n = (place: number) => id(index, place);
    const text = (place: number) => {
      readable.push(n(place));
      return around(payload, n(place));
    };
    literalCode.push({ id: n(PLACES.inlineCode), text: tagged(payload, n(PLACES.inlineCode)) });
    literalCode.push({ id: n(PLACES.codeBlock), text: tagged(payload, n(PLACES.codeBlock)) });
    const bracketFree = !hasBrackets(payload);
    return [
      `## Section ${index}: ${text(PLACES.section)}`,
      '',
      `### Choice ${index}: ${text(PLACES.stemTitle)}`,
      '',
      text(PLACES.stem),
      '',
      `Inline: \`${tagged(payload, n(PLACES.inlineCode))}\``,
      '',
      tagged(payload, n(PLACES.htmlBlock)),
      '',
      '```html',
      tagged(payload, n(PLACES.codeBlock)),
      '```',
      '',
      bracketFree ? `[${text(PLACES.linkText)}](https://example.com/${n(PLACES.linkText)})` : '',
      '',
      bracketFree ? `![${text(PLACES.imageAlt)}](img/ok.png)` : '',
      '',
      `- [x] ${text(PLACES.option)}`,
      '- [ ] a plain option',
      '',
      '#### Hint',
      '',
      text(PLACES.hint),
      '',
      '#### Solution',
      '',
      `1. **Step.** ${text(PLACES.solution)}`,
      '',
      '#### Explanation',
      '',
      text(PLACES.explanation),
      '',
      '#### Common mistakes',
      '',
      `- ${text(PLACES.mistake)}`,
      '',
      `### Card ${index}: ${text(PLACES.cardFront)}`,
      '',
      text(PLACES.cardBack),
      '',
      `### Explain ${index} {type=explain}`,
      '',
      '#### Concepts',
      '',
      `- ${text(PLACES.concept)}`,
      '',
      `### Feedback ${index}`,
      '',
      `- [x] right ${index}`,
      `  > ${text(PLACES.optionFeedback)}`,
      `- [ ] wrong ${index}`,
      '',
      `### Statement ${index}: ${text(PLACES.statement)}`,
      '',
      '- [ ] True',
      `  > ${text(PLACES.statementFeedback)}`,
      '- [x] False',
      '',
      `### Cloze ${index} {type=cloze}`,
      '',
      `${text(PLACES.clozeText)} {{c1::blank${index}}} end.`,
      '',
      `### Matching ${index} {type=matching}`,
      '',
      `- ${text(PLACES.matchLeft)} → ${text(PLACES.matchRight)}`,
      `- second ${index} → other ${index}`,
      '',
      `### Ordering ${index} {type=ordering}`,
      '',
      `1. ${text(PLACES.orderEntry)}`,
      `2. last ${index}`,
      '',
      `### Short ${index} {type=short}`,
      '',
      '#### Answer',
      '',
      `- ${text(PLACES.shortAnswer)}`,
      `- plain ${index}`,
      '',
    ].join('\n');
  });
  const urls = URL_PAYLOADS.map((url, index) => {
    const n = 9000 + index * 10;
    // With a tab or a control character in its scheme, a reference is a
    // local path to the build (an image it refuses, as not found): links only.
    const image = !LOCAL_TO_THE_BUILD.test(url);
    readable.push(n + 1, ...(image ? [n + 2] : []));
    return [
      `### Target ${index}`,
      '',
      `[before${n + 1} link after${n + 1}](<${tagged(url, n + 1)}>)`,
      '',
      image ? `![before${n + 2} image after${n + 2}](<${tagged(url, n + 2)}>)` : '',
      '',
    ].join('\n');
  });
  const front = [
    '---',
    'id: xss',
    `title: ${JSON.stringify(around('<script>alert(9901)</script></title><script>alert(9902)</script>', 9901))}`,
    `topic: ${JSON.stringify(around('<img src=x onerror=alert(9903)>', 9903))}`,
    `category: ${JSON.stringify(around('"><svg onload=alert(9904)>', 9904))}`,
    `tags: ${JSON.stringify(['<script>alert(9905)</script>', '"><img src=x onerror=alert(9906)>', 'javascript:alert(9907)'])}`,
    `description: ${JSON.stringify(`${around('<img src=x onerror=alert(9908)>', 9908)} [link](javascript:alert(9909))`)}`,
    '---',
    '',
  ].join('\n');
  readable.push(9901, 9903, 9904, 9908);
  return `${front}${sections.join('\n')}\n## Targets\n\n${urls.join('\n')}`;
}

const HARMLESS = `---
id: xss
title: Harmless
---

## Section

### Choice

A stem.

- [x] right
- [ ] wrong

#### Hint

A hint.

### Card

Back.

### Explain {type=explain}

#### Concepts

- One
`;

interface Findings {
  dialogs: string[];
  requests: string[];
  pwned: unknown;
  problems: string[];
  text: string;
  code: string;
  scripts: string[];
  handlers: string[];
}

/**
 * What a page did and holds: dialogs and requests beyond file: and data:,
 * and in its DOM every script, inline handler, and URL attribute with a
 * scheme that can run code, every element that can load a document.
 */
async function inspect(page: Page, load: () => Promise<unknown>): Promise<Findings> {
  const dialogs: string[] = [];
  const requests: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:') || url === 'about:blank')
      return route.continue();
    requests.push(url);
    return route.abort();
  });
  page.on('popup', (popup) => requests.push(`popup ${popup.url()}`));
  await load();
  // Press everything that can be pressed (answer reveal, details), as a learner
  // would; not links, which go where the author pointed them, as links do.
  for (const handle of await page.$$('button, summary, input[type=checkbox], input[type=radio]')) {
    await handle.click({ timeout: 2_000, force: true }).catch(() => undefined);
  }
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  const dom = await page.evaluate(() => {
    const problems: string[] = [];
    const handlers: string[] = [];
    const dangerous = /^\s*(javascript|vbscript|data:text|data:application)/i;
    for (const element of Array.from(document.querySelectorAll('*'))) {
      const tag = element.tagName.toLowerCase();
      if (['iframe', 'object', 'embed', 'base', 'frame', 'frameset', 'applet'].includes(tag))
        problems.push(`<${tag}> element`);
      if (tag === 'meta' && element.getAttribute('http-equiv'))
        problems.push(`<meta http-equiv="${element.getAttribute('http-equiv')}">`);
      if (tag === 'link' && element.getAttribute('rel')?.includes('stylesheet'))
        problems.push(`<link rel=stylesheet href=${element.getAttribute('href')}>`);
      for (const attribute of Array.from(element.attributes)) {
        const name = attribute.name.toLowerCase();
        if (name.startsWith('on')) handlers.push(`${tag} ${name}=${attribute.value}`);
        if (
          [
            'href',
            'src',
            'action',
            'formaction',
            'xlink:href',
            'data',
            'srcdoc',
            'poster',
          ].includes(name) &&
          (name === 'srcdoc' || dangerous.test(attribute.value.replace(/[\u0000-\u0020]/g, '')))
        )
          problems.push(`${tag} ${name}="${attribute.value}"`);
        if (name === 'style' && /url\s*\(|expression\s*\(/i.test(attribute.value))
          problems.push(`${tag} style="${attribute.value}"`);
      }
    }
    return {
      problems,
      handlers,
      // The study page's data block differs per deck by design; it counts as
      // the same only while it is an inert block of base64 (nothing an author wrote broke out).
      scripts: Array.from(document.querySelectorAll('script')).map((script) =>
        script.id === 'quizmark-study-data' &&
        script.type === 'application/octet-stream' &&
        /^[A-Za-z0-9+/]*=*$/.test(script.textContent ?? '')
          ? '<script type="application/octet-stream" id="quizmark-study-data">(base64)</script>'
          : script.outerHTML,
      ),
      // What a reader gets: the visible text, and the alt text of images.
      text: [
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees
        document.body.innerText,
        ...Array.from(document.querySelectorAll('img[alt]')).map((image) =>
          image.getAttribute('alt'),
        ),
      ].join('\n'),
      code: Array.from(document.querySelectorAll('code, pre'))
        .map((code) => code.textContent)
        .join('\n'),
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    };
  });
  return { dialogs, requests, ...dom };
}

function expectReadable(findings: Findings, ids: readonly number[]): void {
  const missing = ids.filter(
    (n) => !findings.text.includes(`before${n}`) || !findings.text.includes(`after${n}`),
  );
  expect(
    missing.map(
      (n) =>
        `${n}: ${HTML_PAYLOADS[Math.floor(n / 100) - 1] ?? URL_PAYLOADS[Math.floor((n - 9000) / 10)]}`,
    ),
    'payloads that swallowed the words around them',
  ).toEqual([]);
}

describe.runIf(browserAvailable())('script in decks never runs', () => {
  let launched: LaunchedBrowser;
  let root: string;
  let deckText: string;
  let baseline: { html: Record<string, Findings>; anki: Findings };

  beforeAll(async () => {
    root = tempDir('quizmark-xss-');
    deckText = xssDeck();
    for (const [name, text] of [
      ['content', deckText],
      ['harmless', HARMLESS],
    ] as const) {
      mkdirSync(join(root, name, 'img'), { recursive: true });
      writeFileSync(join(root, name, 'img', 'ok.png'), PNG);
      writeFileSync(join(root, name, 'xss.md'), text);
      const run = runCliBounded(
        ['build', name, '--out', `out-${name}`, '--format', 'html,anki', '--no-cache'],
        { cwd: root },
      );
      expect(run.status, run.stderr).toBe(0);
    }
    launched = await launchBrowser();
    const html: Record<string, Findings> = {};
    for (const file of HANDOUTS) {
      const page = await launched.browser.newPage();
      html[file] = await inspect(page, () =>
        page.goto(pathToFileURL(join(root, 'out-harmless', file)).href),
      );
      await page.close();
    }
    baseline = { html, anki: await ankiFindings(HARMLESS) };
  }, 300_000);

  afterAll(async () => {
    await launched?.close();
  });

  async function ankiFindings(text: string): Promise<Findings> {
    const parsed = parseDeck(text, { file: 'xss.md' });
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const asset: Asset = {
      url: 'img/ok.png',
      path: 'img/ok.png',
      mediaType: 'image/png',
      bytes: new Uint8Array(PNG),
    };
    const input: DeckInput = {
      deck: parsed.deck!,
      name: 'xss',
      assets: new Map([[asset.url, asset]]),
    };
    const notes = ankiDeckContent(input).notes;
    // Each note as Anki shows it: every card it has (a cloze has one per number), with its type's CSS.
    const cards = notes.flatMap((note) =>
      note.cards.map((card) => renderCardPreview(note, card.ord)),
    );
    const body = cards
      .map((card) => `<div class="card">${card.front}</div><div class="card">${card.back}</div>`)
      .join('\n');
    const styles = [...new Set(notes.map((note) => note.noteType.css))].join('\n');
    const page = await launched.browser.newPage();
    try {
      return await inspect(page, () =>
        page.setContent(`<!doctype html><style>${styles}</style><body>${body}</body>`),
      );
    } finally {
      await page.close();
    }
  }

  it('should notice a payload that runs, a request that leaves and markup that could run', async () => {
    const page = await launched.browser.newPage();
    try {
      const findings = await inspect(page, () =>
        page.setContent(
          '<p>before1 <img src=x onerror=alert(1)> after1</p><a href="javascript:alert(2)">x</a><img src="https://evil.example/3.png"><script>window.__pwned = 4</script>',
        ),
      );
      expect(findings.dialogs).toEqual(['1']);
      expect(findings.requests).toEqual(['https://evil.example/3.png']);
      expect(findings.pwned).toBe(4);
      expect(findings.problems).toEqual(['a href="javascript:alert(2)"']);
      expect(findings.handlers).toEqual(['img onerror=alert(1)']);
      expect(findings.scripts).toHaveLength(1);
      expectReadable(findings, [1]);
    } finally {
      await page.close();
    }
  });

  it(`should run none of ${HTML_PAYLOADS.length} HTML and ${URL_PAYLOADS.length} URL payloads in the HTML handout, in either view, and keep the text readable`, async () => {
    for (const file of HANDOUTS) {
      const page = await launched.browser.newPage();
      try {
        const findings = await inspect(page, () =>
          page.goto(pathToFileURL(join(root, 'out-content', file)).href),
        );
        expect(findings.dialogs, file).toEqual([]);
        expect(findings.requests, file).toEqual([]);
        expect(findings.pwned).toBeUndefined();
        // The handout's own Content-Security-Policy meta is the only one allowed.
        expect(
          findings.problems.filter((problem) => !baseline.html[file]!.problems.includes(problem)),
          file,
        ).toEqual([]);
        // Only the handout's own script and handlers: the same as a harmless deck's.
        expect(findings.scripts).toEqual(baseline.html[file]!.scripts);
        expect([...new Set(findings.handlers)]).toEqual([
          ...new Set(baseline.html[file]!.handlers),
        ]);
        if (file === 'xss.answers.html') {
          expectReadable(findings, readable);
          for (const { id: n, text } of literalCode)
            expect(findings.code, `code ${n}`).toContain(text);
          for (const [payload, shown] of Object.entries(LITERAL)) {
            const index = HTML_PAYLOADS.indexOf(payload);
            expect(findings.text).toContain(tagged(shown, id(index, PLACES.stem)));
          }
        }
      } finally {
        await page.close();
      }
    }
  }, 300_000);

  it('should run none of them on the Anki cards, front or back, and keep the text readable', async () => {
    const findings = await ankiFindings(deckText);
    expect(findings.dialogs).toEqual([]);
    expect(findings.requests).toEqual([]);
    expect(findings.pwned).toBeUndefined();
    expect(findings.problems).toEqual([]);
    expect(findings.scripts).toEqual([]);
    // Anki's own hint filter is the only inline handler, as on a harmless deck.
    const kinds = (handlers: string[]) =>
      [...new Set(handlers.map((handler) => handler.replace(/hint[0-9a-f]+/g, 'hint#')))].sort();
    expect(kinds(findings.handlers)).toEqual(kinds(baseline.anki.handlers));
    const onCards = readable.filter((n) => {
      const place = n % 100;
      // Cards hold stems, options, parts and concepts; the deck's own fields
      // (title, topic) and section titles are Anki deck names, not card text.
      return n < 9000 && place !== PLACES.section;
    });
    expectReadable(findings, onCards);
    for (const { id: n, text } of literalCode) expect(findings.code, `code ${n}`).toContain(text);
  }, 300_000);

  it('should ship in the .apkg exactly the fields previewed', async () => {
    const apkg = readFileSync(join(root, 'out-content', 'xss.apkg'));
    const SQL = await initSqlJs();
    const db = new SQL.Database(
      readZip(apkg).find((entry) => entry.name === 'collection.anki2')!.bytes,
    );
    const shipped = db
      .exec('SELECT flds FROM notes ORDER BY id')[0]!
      .values.map((row) => String(row[0]));
    db.close();
    const parsed = parseDeck(deckText, { file: 'xss.md' });
    const asset: Asset = {
      url: 'img/ok.png',
      path: 'img/ok.png',
      mediaType: 'image/png',
      bytes: new Uint8Array(PNG),
    };
    const notes = ankiDeckContent({
      deck: parsed.deck!,
      name: 'xss',
      assets: new Map([[asset.url, asset]]),
    }).notes;
    const previewed = [...notes]
      .sort((a, b) => a.id - b.id)
      .map((note) => note.fields.join('\u001f'));
    expect(shipped).toEqual(previewed);
  });
});
