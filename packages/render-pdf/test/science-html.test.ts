import { runTool } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { pdfRenderer } from '../src/index.js';
import { inlinesToFragments } from '../src/inline-runs.js';
import { breakLines } from '../src/line-break.js';
import { lineOps } from '../src/text-rows.js';
import { BODY } from '../src/text-styles.js';
import { textWidth } from '../src/text-width.js';
import { loadDeck } from './parsed-decks.js';
import { pdfText, poppler, squash, withPdfFile } from './pdf-tools.js';

// Author inline HTML a science or language deck uses, read back with poppler:
// the text as written, the sub- and superscripts smaller and off the baseline.

async function quiz(): Promise<Uint8Array> {
  const deck = loadDeck(new URL('./fixtures/science-html.md', import.meta.url));
  const files = await pdfRenderer.render({
    decks: [{ deck, name: 'science', assets: new Map() }],
    options: {},
    sourceDateEpoch: 1_700_000_000,
  });
  return files.find((file) => file.path.endsWith('.quiz.pdf'))!.bytes;
}

interface Box {
  text: string;
  yMin: number;
  yMax: number;
}

function boxes(bytes: Uint8Array): Box[] {
  const html = withPdfFile(bytes, (file) =>
    runTool('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']),
  );
  return [...html.matchAll(/<word [^>]*yMin="([\d.]+)" [^>]*yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
    (match) => ({ yMin: Number(match[1]), yMax: Number(match[2]), text: match[3]! }),
  );
}

describe('ruby', () => {
  it('should set the reading small and centred above its base', () => {
    const fragments = inlinesToFragments(
      [
        { type: 'html', value: '<ruby>' },
        { type: 'text', value: '漢字' },
        { type: 'html', value: '<rt>' },
        { type: 'text', value: 'かんじ' },
        { type: 'html', value: '</rt>' },
        { type: 'html', value: '</ruby>' },
      ],
      BODY.run,
      { blanks: 'gaps', assets: new Map() },
    );
    const [line] = breakLines(fragments, 400);
    const ops = lineOps(line!, 0, 100).filter((op) => op.op === 'text');
    expect(ops.map((op) => [op.text, op.actualText])).toEqual([
      ['漢字', '漢字かんじ'],
      ['かんじ', ''],
    ]);
    const [base, reading] = ops as Array<Extract<(typeof ops)[number], { op: 'text' }>>;
    expect(reading!.size).toBe(base!.size / 2);
    expect(reading!.y).toBeLessThan(base!.y - 0.9 * base!.size);
    const centre = (op: typeof base) => op!.x + textWidth(op!.text, op!.font, op!.size) / 2;
    expect(centre(reading)).toBeCloseTo(centre(base), 6);
    // The line grows to hold the reading.
    expect(line!.boxAscent).toBeGreaterThan(base!.size);
  });
});

describe.skipIf(!poppler.available)('science inline HTML in the PDF', () => {
  it('should keep the text of every tag, ruby reading included', async () => {
    const text = squash(pdfText(await quiz()));
    expect(text).toContain(
      squash('Water is H2O and a square is x2; save with Ctrl+S, a highlight, an underline,'),
    );
    // The reading is copied after its base, as a browser's text of the ruby reads.
    expect(text).toContain(squash('a new line, and 漢字かんじ with furigana.'));
    expect(text).toContain(squash('Broken tags: never closed, then stray and bold keeps text.'));
    expect(text).toContain(squash('A. H2O B. CO2'));
  });

  it('should set a subscript smaller and lower, a superscript smaller and higher', async () => {
    const words = boxes(await quiz());
    const height = (box: Box) => box.yMax - box.yMin;
    const h = words.findIndex((box) => box.text === 'H');
    const [base, sub, after] = [words[h]!, words[h + 1]!, words[h + 2]!];
    expect([sub.text, after.text]).toEqual(['2', 'O']);
    expect(height(sub)).toBeLessThan(height(base) * 0.8);
    expect(sub.yMax).toBeGreaterThan(base.yMax + 1);
    const x = words.findIndex((box) => box.text === 'x');
    const sup = words[x + 1]!;
    expect(sup.text).toBe('2');
    expect(height(sup)).toBeLessThan(height(words[x]!) * 0.8);
    expect(sup.yMin).toBeLessThan(words[x]!.yMin - 0.5);
  });

  it('should break the line at <br>', async () => {
    const words = boxes(await quiz());
    const before = words.find((box) => box.text === 'underline,')!;
    const next = words.find((box) => box.text === 'new')!;
    expect(next.yMin).toBeGreaterThan(before.yMax);
  });

  it('should close a tag left open where its paragraph ends', async () => {
    const words = boxes(await quiz());
    const option = words.findIndex((box) => box.text === 'CO');
    const broken = words.find((box) => box.text === 'closed,')!;
    const normal = words.find((box) => box.text === 'tags:')!;
    expect(broken.yMax - broken.yMin).toBeLessThan(normal.yMax - normal.yMin);
    // The next paragraph's options are set at full size again.
    expect(words[option]!.yMax - words[option]!.yMin).toBeCloseTo(normal.yMax - normal.yMin, 1);
  });
});
