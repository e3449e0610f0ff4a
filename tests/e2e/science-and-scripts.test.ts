import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browserAvailable, launchBrowser, readZip, systemTool } from '@quizmark/testing';
import initSqlJs from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, STACK_TRACE, tempDir } from '../support/run-cli.js';

// The shipped physics deck (math, sub/superscripts, an SVG diagram) and the
// Japanese deck (kana, kanji, furigana, emoji), built by the CLI as a user
// would, and read back by tools nobody here wrote.

const tools = ['pdftotext', 'pdffonts', 'pdftoppm', 'qpdf'].map((tool) =>
  systemTool(tool, tool === 'qpdf' ? 'qpdf' : 'poppler-utils'),
);
const canReadPdf = tools.every((tool) => tool.available);

let out = '';
beforeAll(() => {
  out = tempDir();
  const run = runCli(['build', 'content', '--out', out, '--format', 'all']);
  expect(run.stderr).not.toMatch(STACK_TRACE);
  expect(run.status, run.stderr).toBe(0);
}, 240_000);

const pdfText = (name: string) =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', join(out, name), '-'], { encoding: 'utf8' });

/** Every page of a PDF as RGB pixels, through poppler's rasteriser. */
function rasterise(name: string, dpi = 50): Array<{ width: number; height: number; rgb: Buffer }> {
  const dir = tempDir('quizmark-pages-');
  execFileSync('pdftoppm', ['-r', String(dpi), join(out, name), join(dir, 'page')]);
  return readdirSync(dir)
    .sort()
    .map((file) => {
      const ppm = readFileSync(join(dir, file));
      // P6 header: magic, width, height, maximum value, each ended by white space.
      const header = ppm
        .subarray(0, 50)
        .toString('latin1')
        .match(/^P6\s+(\d+)\s+(\d+)\s+255\s/);
      if (!header) throw new Error(`${file} is not a binary PPM`);
      const [whole, width, height] = header;
      return { width: Number(width), height: Number(height), rgb: ppm.subarray(whole.length) };
    });
}

/** Pixels within a small distance of the colour, on any page. */
function countColour(pages: ReturnType<typeof rasterise>, hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
  let count = 0;
  for (const { rgb } of pages)
    for (let i = 0; i < rgb.length; i += 3)
      if (Math.abs(rgb[i]! - r!) + Math.abs(rgb[i + 1]! - g!) + Math.abs(rgb[i + 2]! - b!) < 40)
        count++;
  return count;
}

describe.runIf(canReadPdf)('the printed physics and Japanese decks', () => {
  it('should print the Japanese text and the emoji, in embedded fonts', () => {
    for (const name of ['japanese.quiz.pdf', 'japanese.key.pdf']) {
      const text = pdfText(name).replace(/\s+/g, '');
      for (const phrase of [
        '富士山は日本でいちばん高い山です',
        'スシ',
        '🗻',
        '🍣',
        '日本語で「water」は',
      ])
        expect(text, `${name}: ${phrase}`).toContain(phrase);
      const fonts = execFileSync('pdffonts', [join(out, name)], { encoding: 'utf8' })
        .split('\n')
        .slice(2)
        .filter(Boolean);
      expect(
        fonts.some((line) => /NotoSansJP/.test(line)),
        fonts.join('\n'),
      ).toBe(true);
      expect(
        fonts.some((line) => /NotoEmoji/.test(line)),
        fonts.join('\n'),
      ).toBe(true);
      // Columns: name, type, encoding, emb, sub, uni, object, generation.
      for (const line of fonts)
        expect(line.split(/\s+/).slice(-5, -2), line).toEqual(['yes', 'yes', 'yes']);
    }
  });

  it("should tag the Japanese PDF with the deck's language", () => {
    const json = JSON.parse(
      execFileSync('qpdf', ['--json', '--json-key=qpdf', join(out, 'japanese.quiz.pdf')], {
        encoding: 'utf8',
      }),
    ) as { qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>] };
    const catalog = Object.values(json.qpdf[1]).find(
      (object) => object.value?.['/Type'] === '/Catalog',
    );
    expect(catalog?.value?.['/Lang']).toBe('u:ja');
  });

  it('should draw the SVG force diagram in colour, and the math and formulas as text', () => {
    const pages = rasterise('physics.quiz.pdf');
    // The box's yellow, the push's blue and the friction's red, from the SVG's own fills.
    for (const colour of ['#f6c344', '#1f6feb', '#cf222e'])
      expect(countColour(pages, colour), colour).toBeGreaterThan(40);
    const text = pdfText('physics.quiz.pdf');
    expect(text).not.toContain('[image:');
    expect(text).toContain('H2O');
    for (const name of ['physics.quiz.pdf', 'physics.key.pdf'])
      expect(pdfText(name), name).not.toMatch(/\$\\ce|\$\$/);
  });
});

describe.runIf(browserAvailable())('the physics study page in Chromium', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('should lay out every formula as MathML, with no raw dollar signs', async () => {
    const page = await browser.browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused/.test(message.text())) violations.push(message.text());
    });
    await page.goto(`file://${join(out, 'physics.answers.html')}`);
    const sizes = await page.$$eval('math', (elements) =>
      elements.map((element) => {
        const box = element.getBoundingClientRect();
        return { width: box.width, height: box.height, display: element.getAttribute('display') };
      }),
    );
    expect(sizes.length).toBeGreaterThanOrEqual(8);
    for (const size of sizes) {
      expect(size.width).toBeGreaterThan(0);
      expect(size.height).toBeGreaterThan(0);
    }
    expect(sizes.some((size) => size.display === 'block')).toBe(true);
    // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees, not the MathML's annotations
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).not.toMatch(/\$/);
    expect(violations).toEqual([]);
    await page.close();
  });
});

describe('the physics Anki package', () => {
  it("should hold the math in Anki's MathJax delimiters, never as dollars", async () => {
    const files = readZip(readFileSync(join(out, 'physics.apkg')));
    const collection = files.find((file) => file.name === 'collection.anki2');
    const SQL = await initSqlJs();
    const db = new SQL.Database(collection!.bytes);
    const fields = (db.exec('SELECT flds FROM notes')[0]?.values ?? []).map(([flds]) =>
      String(flds),
    );
    const all = fields.join('\n');
    expect(all).toContain('\\(\\ce{2H2 + O2 -&gt; 2H2O}\\)');
    expect(all).toMatch(/\\\[[\s\S]*?\\frac\{1\}\{2\}[\s\S]*?\\\]/);
    expect(all).not.toMatch(/\$/);
    db.close();
  });
});
