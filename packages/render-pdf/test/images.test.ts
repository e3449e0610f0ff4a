import type { Asset, Block } from '@quizmark/model';
import { choice, deckOf, png, runTool } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { type DrawOp, layoutQuiz, pdfRenderer, planVersions } from '../src/index.js';
import { pdfText, poppler, squash, withPdfFile } from './pdf-tools.js';

const picture = (url: string, alt: string): Block => ({
  type: 'paragraph',
  children: [{ type: 'image', url, alt, title: null }],
});

function deckWithImages(urls: Array<[string, string]>) {
  const item = choice('pictures');
  item.stem = {
    markdown: '',
    children: [...item.stem.children, ...urls.map(([url, alt]) => picture(url, alt))],
  };
  return deckOf({ Pictures: [item] });
}

const asset = (url: string, mediaType: string, bytes: Uint8Array): [string, Asset] => [
  url,
  { url, path: url, mediaType, bytes },
];

describe('images', () => {
  const assets = new Map([
    asset('wide.png', 'image/png', png(2000, 400)),
    asset('small.png', 'image/png', png(80, 40)),
    asset('tall.png', 'image/png', png(300, 3000)),
    // Without a width, a height or a viewBox an SVG has no size to draw at.
    asset('chart.svg', 'image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')),
  ]);
  const deck = deckWithImages([
    ['wide.png', 'A wide banner'],
    ['small.png', 'A small icon'],
    ['tall.png', 'A tall strip'],
    ['chart.svg', 'A vector chart'],
    ['https://example.org/remote.png', 'A remote photo'],
    ['missing.png', 'A missing file'],
    ['small.png', 'The small icon again'],
  ]);

  it('should scale images down to the column and the page, keep their aspect, never scale up', () => {
    const layout = layoutQuiz(planVersions(deck)[0]!, { kind: 'quiz', assets });
    const images = layout.groups
      .flatMap((group) => group.rows.flatMap((row) => row.ops))
      .filter((op): op is Extract<DrawOp, { op: 'image' }> => op.op === 'image');
    const byUrl = new Map(images.map((op) => [op.url, op]));
    expect([...byUrl.keys()]).toEqual(['wide.png', 'small.png', 'tall.png']);
    const column = layout.page.contentWidth - 24;
    const wide = byUrl.get('wide.png')!;
    expect(wide.width).toBeCloseTo(column, 5);
    expect(wide.height).toBeCloseTo(column / 5, 5);
    // 96 dpi: 80 × 40 pixels are 60 × 30 points.
    expect(byUrl.get('small.png')).toMatchObject({ width: 60, height: 30 });
    const tall = byUrl.get('tall.png')!;
    expect(tall.height).toBeCloseTo(layout.page.contentHeight * 0.45, 5);
    expect(tall.width).toBeCloseTo(tall.height / 10, 5);
  });

  it.skipIf(!poppler.available)(
    'should embed each placed image once, keep its alt text as hidden text, and box the others',
    async () => {
      const [quiz] = await pdfRenderer.render({
        decks: [{ deck, name: 'pictures', assets }],
        options: {},
        sourceDateEpoch: 0,
      });
      const list = withPdfFile(quiz!.bytes, (file) => runTool('pdfimages', ['-list', file]));
      // Columns: page num type width height color comp bpc enc interp object …
      const rows = list
        .trim()
        .split('\n')
        .slice(2)
        .map((line) => line.trim().split(/\s+/));
      expect(rows.map((row) => `${row[3]}x${row[4]}`)).toEqual([
        '2000x400',
        '80x40',
        '300x3000',
        '80x40',
      ]);
      // The icon shown twice is one image object.
      expect(rows[3]![10]).toBe(rows[1]![10]);
      expect(new Set(rows.map((row) => row[10])).size).toBe(3);
      const text = squash(pdfText(quiz!.bytes));
      expect(text).toContain('[image:Avectorchart]');
      expect(text).toContain('[image:Aremotephoto]');
      expect(text).toContain('[image:Amissingfile]');
      // Drawn images carry their alt text unseen, once each time they are shown.
      expect(text).toContain('Awidebanner');
      expect(text).not.toContain('[image:Awidebanner]');
      expect(text.split('Thesmallicon').length - 1).toBe(1);
    },
  );
});
