import type { Asset, Block } from '@quizmark/model';
import { choice, deckInput, deckOf, imageAsset, runTool } from '@quizmark/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfDescriptor } from '../src/descriptor.js';
import { layoutQuiz, pdfRenderer, planVersions } from '../src/index.js';
import { ASSETS, gif, graphicsDeck } from './fixtures/graphics-deck.js';
import { inkIn, pagePixels, pdfWords, phraseBox, pixelsLike } from './page-pixels.js';
import { pdfText, poppler, squash, withPdfFile } from './pdf-tools.js';

const deck = graphicsDeck();
const input = deckInput(deck, 'graphics', ASSETS);
const page = layoutQuiz(planVersions(deck)[0]!, {
  kind: 'quiz',
  assets: input.assets,
}).page;

describe('what the PDF draws', () => {
  it('should carry exactly the image types it draws', () => {
    expect(pdfDescriptor.carries.images).toEqual([
      'image/png',
      'image/jpeg',
      'image/gif',
      'image/svg+xml',
    ]);
  });
});

describe('sizes', () => {
  const stemOf = (blocks: Block[]) => ({ markdown: '', children: blocks });
  const ops = (blocks: Block[], assets: Asset[]) => {
    const item = choice('big', { stem: stemOf(blocks) });
    const tall = deckInput(deckOf({ Big: [item] }), 'big', assets);
    const layout = layoutQuiz(planVersions(tall.deck)[0]!, { kind: 'quiz', assets: tall.assets });
    const rows = layout.groups.flatMap((group) => group.rows);
    return { layout, rows, svgs: rows.flatMap((row) => row.ops).filter((op) => op.op === 'svg') };
  };

  it('should scale an SVG taller than the page to the page, in one row that never splits', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="5000"><rect width="100" height="5000"/></svg>';
    const { layout, rows, svgs } = ops(
      [
        {
          type: 'paragraph',
          children: [{ type: 'image', url: 'tall.svg', alt: 'tall', title: null }],
        },
      ],
      [imageAsset('tall.svg', new TextEncoder().encode(svg), { mediaType: 'image/svg+xml' })],
    );
    expect(svgs).toHaveLength(1);
    const [drawn] = svgs;
    expect(drawn!.height).toBeCloseTo(layout.page.contentHeight * 0.45, 5);
    expect(drawn!.width).toBeCloseTo(drawn!.height / 50, 5);
    expect(rows.find((row) => row.ops.includes(drawn!))?.height).toBe(drawn!.height);
  });

  it('should scale display math wider than the column down to it, and keep small math at the text size', () => {
    const wide = `${'a + '.repeat(80)}z`;
    const { layout, svgs } = ops(
      [
        { type: 'math', value: wide },
        { type: 'math', value: 'x' },
      ],
      [],
    );
    const column = layout.page.contentWidth - 24;
    expect(svgs[0]!.width).toBeCloseTo(column, 5);
    // x is about half an em wide at 10.5 points.
    expect(svgs[1]!.width).toBeGreaterThan(4);
    expect(svgs[1]!.width).toBeLessThan(7);
  });
});

const DATES = { sourceDateEpoch: 0, lastChange: 0 };

describe('warnings about SVG images', () => {
  const shadowed = (svg: string) => {
    const item = choice('chart', {
      stem: {
        markdown: '',
        children: [
          {
            type: 'paragraph',
            children: [{ type: 'image', url: 'chart.svg', alt: 'A chart', title: null }],
          },
        ],
      },
    });
    const bytes = new TextEncoder().encode(svg);
    return deckInput(deckOf({ Charts: [item] }), 'charts', [
      imageAsset('chart.svg', bytes, { mediaType: 'image/svg+xml' }),
    ]);
  };

  it('should say what of an SVG the PDF leaves out, on the item that shows it', async () => {
    const input = shadowed(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" filter="url(#f)"/><script>x()</script></svg>',
    );
    expect(await pdfDescriptor.check?.(input, {}, DATES)).toEqual([
      {
        ruleId: 'pdf-image-not-drawn',
        message: '`chart.svg` is drawn without what the PDF cannot draw: <script>, filter',
        item: 'chart',
        image: 'chart.svg',
      },
    ]);
  });

  it('should say when an SVG cannot be drawn at all', async () => {
    const [problem] =
      (await pdfDescriptor.check?.(
        shadowed('<svg xmlns="http://www.w3.org/2000/svg"/>'),
        {},
        DATES,
      )) ?? [];
    expect(problem?.message).toBe(
      '`chart.svg` cannot be drawn (SVG without a size: no width and height, no viewBox): it is shown as a box with its alt text',
    );
  });

  it('should say when a GIF cannot be decoded', async () => {
    const item = choice('wave', {
      stem: {
        markdown: '',
        children: [
          {
            type: 'paragraph',
            children: [{ type: 'image', url: 'bad.gif', alt: 'A wave', title: null }],
          },
        ],
      },
    });
    // A valid header (what the pipeline reads) over frame data cut short.
    const bad = gif().slice(0, 40);
    const broken = deckInput(deckOf({ Waves: [item] }), 'waves', [
      imageAsset('bad.gif', bad, { mediaType: 'image/gif' }),
    ]);
    const [problem] = (await pdfDescriptor.check?.(broken, {}, DATES)) ?? [];
    expect(problem).toMatchObject({
      ruleId: 'pdf-image-not-drawn',
      item: 'wave',
      image: 'bad.gif',
    });
    expect(problem?.message).toMatch(/^`bad\.gif` cannot be decoded \(.+\): it is shown as a box/);
  });

  it('should have nothing to say about SVG it draws whole', async () => {
    expect(await pdfDescriptor.check?.(input, {}, DATES)).toEqual([]);
  });
});

describe.skipIf(!poppler.available)('math, SVG and GIF in the PDF', () => {
  let quiz: Uint8Array;
  let key: Uint8Array;
  beforeAll(async () => {
    const files = await pdfRenderer.render({ decks: [input], options: {}, sourceDateEpoch: 0 });
    quiz = files.find((file) => file.path === 'graphics.quiz.pdf')!.bytes;
    key = files.find((file) => file.path === 'graphics.key.pdf')!.bytes;
  });

  it('should set inline math on the line of the words around it, with its TeX to find', () => {
    const words = pdfWords(quiz);
    const math = phraseBox(words, 'E = mc^2');
    const before = phraseBox(words, 'Mass and energy:');
    const after = phraseBox(words, 'holds for a body');
    // The TeX is set at the text's size on its baseline: the same line box as the words.
    expect(Math.abs(math.yMax - before.yMax)).toBeLessThan(0.5);
    expect(Math.abs(math.yMin - after.yMin)).toBeLessThan(0.5);
    expect(math.xMin).toBeGreaterThan(before.xMax);
    expect(math.xMax).toBeLessThan(after.xMin);
    // And the formula is drawn there, as paths.
    expect(inkIn(pagePixels(quiz), math)).toBeGreaterThan(15);
  });

  it('should centre display math in the column, drawn and findable', () => {
    const words = pdfWords(quiz);
    const math = phraseBox(words, 'x = \\frac{-b \\pm \\sqrt{b^2-4ac}}{2a}');
    const stem = phraseBox(words, 'Mass and energy:');
    // The question text starts at the column's left edge; the column ends at the right margin.
    const centre = (stem.xMin + page.width - page.margin.right) / 2;
    expect(Math.abs((math.xMin + math.xMax) / 2 - centre)).toBeLessThan(1);
    expect(math.yMin).toBeGreaterThan(stem.yMax);
    expect(inkIn(pagePixels(quiz), math)).toBeGreaterThan(60);
  });

  it('should print TeX that cannot be rendered as its source, in monospace', () => {
    expect(pdfText(quiz)).toContain('Broken TeX prints as source: \\frac{a');
    const fonts = withPdfFile(quiz, (file) => runTool('pdffonts', [file]));
    expect(fonts).toMatch(/DejaVuSansMono\s/);
  });

  it('should draw SVG as vectors in the column: its shapes, its text, no raster', () => {
    const pixels = pagePixels(quiz);
    const red = pixelsLike(pixels, [0xd3, 0x2f, 0x2f]);
    const blue = pixelsLike(pixels, [0x15, 0x65, 0xc0], 40);
    // The diagram is drawn twice on page 1 (the stem, option C): 320 × 160 px is 240 × 120 pt each.
    expect(red.length).toBeGreaterThan(2 * 2500);
    expect(blue.length).toBeGreaterThan(2 * 2500);
    const column = { left: page.margin.left, right: page.width - page.margin.right };
    for (const pixel of [...red, ...blue]) {
      expect(pixel.xMin).toBeGreaterThanOrEqual(column.left);
      expect(pixel.xMax).toBeLessThanOrEqual(column.right);
    }
    const text = squash(pdfText(quiz));
    expect(text).toContain('ramp');
    expect(text).toContain('ball');
    // Its alt text rides along, unseen; only the raster images are images in the file.
    expect(text).toContain('Aredrampandablueball');
    const list = withPdfFile(quiz, (file) => runTool('pdfimages', ['-list', file]));
    const sizes = list
      .trim()
      .split('\n')
      .slice(2)
      .map((line) => line.trim().split(/\s+/))
      .map((row) => `${row[2]} ${row[3]}x${row[4]}`);
    expect(sizes).toEqual(['image 16x16', 'image 40x20', 'smask 40x20', 'image 16x16']);
  });

  it("should show a GIF's first frame, its transparent half left white", () => {
    const pixels = pagePixels(quiz);
    const wave = phraseBox(pdfWords(quiz), 'A green wave');
    const green = pixelsLike(pixels, [0x00, 0xaa, 0x00]);
    // 40 × 20 px: 30 × 15 pt, the left half green.
    expect(green.length).toBeGreaterThan(150);
    expect(green.length).toBeLessThan(260);
    for (const pixel of green) expect(pixel.xMin).toBeLessThan(wave.xMin + 16);
    expect(pixels.at(wave.xMin + 22, wave.yMin + 7)).toEqual([255, 255, 255]);
  });

  it('should set a small image inside a sentence on its line', () => {
    const words = pdfWords(quiz);
    const before = phraseBox(words, 'Press the');
    const icon = phraseBox(words, 'orange button');
    const after = phraseBox(words, 'to start.');
    expect(icon.xMin).toBeGreaterThan(before.xMax);
    expect(icon.xMax).toBeLessThan(after.xMin);
    const orange = pixelsLike(pagePixels(quiz), [0xe6, 0x51, 0x00]).filter(
      (pixel) => pixel.yMin > before.yMin - 10 && pixel.yMax < before.yMax + 2,
    );
    // 16 × 16 px is 12 × 12 pt, its bottom on the baseline.
    expect(orange.length).toBeGreaterThan(100);
  });

  it('should box an image it cannot draw (WebP) with its alt text', () => {
    expect(squash(pdfText(quiz))).toContain('[image:AWebPphoto]');
  });

  it('should show math in the answers of the key', () => {
    const text = pdfText(key);
    expect(text).toContain('\\tfrac{1}{2}mv^2');
    expect(text).toContain('F = ma');
    const words = pdfWords(key);
    const half = phraseBox(words, '\\tfrac{1}{2}mv^2');
    expect(inkIn(pagePixels(key), half)).toBeGreaterThan(15);
  });

  it('should give the same bytes again', async () => {
    const again = await pdfRenderer.render({ decks: [input], options: {}, sourceDateEpoch: 0 });
    expect(Buffer.from(again[0]!.bytes).equals(Buffer.from(quiz))).toBe(true);
  });
});
