import type { AnswerSpace, Item } from '@quizmark/model';
import { choice, deck, explain, flashcard, numeric, section } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { layoutQuiz, paginate, planVersions } from '../src/index.js';
import { pageGeometry } from '../src/paper.js';
import { renderPair } from './exam-pdfs.js';
import { type PagePixels, pagePixels, pdfWords, phraseBox } from './page-pixels.js';

// The room students write in, measured on the rendered page (72 dpi: one
// pixel per point) and placed by the pagination.

const MM = 72 / 25.4;
const page = pageGeometry('a4');
/** Inside the answer column (it starts at the margin plus the number's gutter). */
const PROBE_X = 200;

const space = (fields: Partial<AnswerSpace>): AnswerSpace => ({
  lines: null,
  height: null,
  style: null,
  ...fields,
});
const oneQuestion = (item: Item) => deck({ sections: [section('s', 'S', [item])] });

/** The quiz's first page and where its question's text ends. */
async function quizPage(item: Item) {
  const { quiz } = await renderPair(oneQuestion(item));
  const text = phraseBox(pdfWords(quiz), 'Question q');
  return { pixels: pagePixels(quiz, 1), below: text.yMax + 1 };
}

/** Ink: darker than `limit` in some channel (grid lines are a light grey: 235). */
const dark = (pixels: PagePixels, x: number, y: number, limit = 200) =>
  pixels.at(x, y).some((channel) => channel < limit);

/** The rows below `from` (above the footer) with ink at `x`. */
function inkRows(pixels: PagePixels, x: number, from: number, limit = 200): number[] {
  const rows: number[] = [];
  for (let y = Math.ceil(from); y < page.height - page.margin.bottom; y++)
    if (dark(pixels, x, y, limit)) rows.push(y);
  return rows;
}

/** Runs of ink along row `y` across the column. */
function inkRuns(pixels: PagePixels, y: number, limit = 200): number {
  let runs = 0;
  for (let x = page.margin.left; x < page.width - page.margin.right + 2; x++)
    if (dark(pixels, x, y, limit) && !dark(pixels, x - 1, y, limit)) runs++;
  return runs;
}

/** Groups of consecutive rows: one per ruled line or edge. */
const strokes = (rows: readonly number[]) => rows.filter((y, i) => rows[i - 1] !== y - 1).length;

describe('answer space on the printed quiz', () => {
  it('should rule more lines for lines=6 than for lines=2', async () => {
    const count = async (lines: number) => {
      const { pixels, below } = await quizPage(flashcard('q', { answerSpace: space({ lines }) }));
      return strokes(inkRows(pixels, PROBE_X, below));
    };
    expect(await count(2)).toBe(2);
    expect(await count(6)).toBe(6);
  });

  it('should draw a box as tall as space=6cm, within 1 mm', async () => {
    const { pixels, below } = await quizPage(
      flashcard('q', { answerSpace: space({ height: 60, style: 'box' }) }),
    );
    const rows = inkRows(pixels, PROBE_X, below);
    expect(strokes(rows)).toBe(2);
    expect(Math.abs(rows[rows.length - 1]! - rows[0]! - 60 * MM)).toBeLessThanOrEqual(1 * MM);
    // A blank box: ink only at its two sides across the middle.
    expect(inkRuns(pixels, (rows[0]! + rows[rows.length - 1]!) / 2)).toBe(2);
  });

  it('should square a grid in 5 mm cells', async () => {
    const { pixels, below } = await quizPage(
      flashcard('q', { answerSpace: space({ height: 40, style: 'grid' }) }),
    );
    const rows = inkRows(pixels, PROBE_X + 1, below, 235);
    // Horizontal lines every 5 mm down 4 cm, and as many columns as fit across.
    expect(strokes(rows)).toBeGreaterThanOrEqual(8);
    const columns = inkRuns(pixels, rows[0]! + 2.5 * MM, 235);
    const width = page.contentWidth - 24;
    expect(columns).toBeGreaterThanOrEqual(Math.floor(width / (5 * MM)));
    // The squares are light: grid lines are grey, not black.
    const [r] = pixels.at(PROBE_X + 1, rows[Math.floor(rows.length / 2)]!);
    expect(r).toBeGreaterThan(120);
    // A box has no squares.
    const box = await quizPage(
      flashcard('q', { answerSpace: space({ height: 40, style: 'box' }) }),
    );
    expect(strokes(inkRows(box.pixels, PROBE_X + 1, box.below, 235))).toBe(2);
  });

  it('should leave no space with lines=0', async () => {
    const { pixels, below } = await quizPage(flashcard('q', { answerSpace: space({ lines: 0 }) }));
    expect(inkRows(pixels, PROBE_X, below)).toEqual([]);
  });

  it('should add working space below a numeric answer box only when asked', async () => {
    const plain = await quizPage(numeric('q'));
    const working = await quizPage(numeric('q', { answerSpace: space({ lines: 3 }) }));
    const plainStrokes = strokes(inkRows(plain.pixels, 100, plain.below));
    expect(plainStrokes).toBe(2); // the answer box's top and bottom
    expect(strokes(inkRows(working.pixels, 100, working.below))).toBe(plainStrokes + 3);
  });
});

describe('answer space by type', () => {
  const ruled = (item: Item) => {
    const layout = layoutQuiz(planVersions(oneQuestion(item))[0]!, { kind: 'quiz' });
    return layout.groups
      .filter((group) => group.kind === 'question')
      .flatMap((group) => group.rows)
      .filter((row) => row.ops.some((op) => op.op === 'line')).length;
  };

  it('should give practice problems and explain prompts more room than a short flashcard', () => {
    const card = ruled(flashcard('q'));
    const problem = ruled(
      flashcard('q', {
        steps: [1, 2, 3].map((n) => ({
          title: null,
          body: {
            markdown: `${n}`,
            children: [{ type: 'paragraph', children: [{ type: 'text', value: `${n}` }] }],
          },
        })),
      }),
    );
    const prompt = ruled(explain('q', { concepts: ['a', 'b', 'c'] }));
    expect(card).toBe(2);
    expect(problem).toBeGreaterThan(card);
    expect(prompt).toBe(9);
    expect(ruled(choice('q'))).toBe(0);
    expect(ruled(choice('q', { answerSpace: space({ lines: 3 }) }))).toBe(3);
  });

  it('should use the type’s amount for a style given alone', () => {
    const layout = layoutQuiz(
      planVersions(oneQuestion(explain('q', { answerSpace: space({ style: 'box' }) })))[0]!,
      { kind: 'quiz' },
    );
    const box = layout.groups
      .flatMap((group) => group.rows)
      .flatMap((row) => row.ops)
      .find((op) => op.op === 'rect' && op.stroke !== null && op.width > 300);
    expect(box?.op === 'rect' && box.height).toBe(7 * 22);
  });
});

describe('a question stays on the page of its answer space', () => {
  const fillers = Array.from({ length: 9 }, (_, n) => flashcard(`f${n}`));
  const big = flashcard('big', {
    front: 'Question big',
    answerSpace: space({ height: 80, style: 'box' }),
  });
  const exam = deck({ sections: [section('s', 'S', [...fillers, big])] });

  it('should move the question whole to the next page when its space does not fit', async () => {
    const layout = layoutQuiz(planVersions(exam)[0]!, { kind: 'quiz' });
    const pages = paginate(layout.groups, { contentHeight: layout.page.contentHeight });
    const index = layout.groups.findIndex((group) => group.id === 'big');
    const on = pages.findIndex((p) => p.placements.some((placement) => placement.group === index));
    const placed = pages[on]!.placements.find((placement) => placement.group === index)!;
    expect(on).toBe(1);
    expect(placed).toMatchObject({
      from: 0,
      to: layout.groups[index]!.rows.length,
      continued: false,
    });
    // It moved because it did not fit: the page before has less room left than it needs.
    const last = pages[0]!.placements.at(-1)!;
    const used = last.y + layout.groups[last.group]!.height;
    expect(used + layout.groups[index]!.height).toBeGreaterThan(layout.page.contentHeight);

    // On paper: its text and the whole 8 cm box are on page 2.
    const { quiz } = await renderPair(exam);
    const text = phraseBox(pdfWords(quiz), 'Question big');
    expect(text.page).toBe(2);
    const rows = inkRows(pagePixels(quiz, 2), PROBE_X, text.yMax + 1);
    expect(Math.abs(rows[rows.length - 1]! - rows[0]! - 80 * MM)).toBeLessThanOrEqual(1 * MM);
  });

  it('should never break between a long question’s last line and its space', () => {
    const paragraphs = Array.from(
      { length: 70 },
      (_, n) => `Paragraph ${n} of a long question.`,
    ).join('\n\n');
    const long = flashcard('long', {
      front: {
        markdown: paragraphs,
        children: paragraphs
          .split('\n\n')
          .map((value) => ({ type: 'paragraph', children: [{ type: 'text', value }] })),
      },
      answerSpace: space({ lines: 6 }),
    });
    const layout = layoutQuiz(planVersions(oneQuestion(long))[0]!, { kind: 'quiz' });
    const index = layout.groups.findIndex((group) => group.id === 'long');
    const group = layout.groups[index]!;
    expect(group.height).toBeGreaterThan(layout.page.contentHeight);
    const firstLine = group.rows.findIndex((row) => row.ops.some((op) => op.op === 'line'));
    const pieces = paginate(layout.groups, { contentHeight: layout.page.contentHeight })
      .flatMap((p) => p.placements)
      .filter((placement) => placement.group === index);
    expect(pieces.length).toBeGreaterThan(1);
    // The piece holding the lines also holds the text right before them, and all six lines.
    const holder = pieces.find((piece) => piece.from <= firstLine && firstLine < piece.to)!;
    expect(holder.from).toBeLessThan(firstLine);
    expect(holder.to).toBe(group.rows.length);
  });
});

describe('an answer space taller than a page leaves room for', () => {
  it('should print it three quarters of a page tall and warn on its item', async () => {
    const { pdfDescriptor } = await import('../src/index.js');
    const tall = oneQuestion(flashcard('q', { answerSpace: space({ height: 300, style: 'box' }) }));
    const problems = await pdfDescriptor.check!(
      { deck: tall, name: 'exam', assets: new Map() },
      {},
      {} as never,
    );
    expect(problems).toEqual([
      expect.objectContaining({
        ruleId: 'pdf-space-too-tall',
        item: 'q',
        message: expect.stringContaining('30.0 cm'),
      }),
    ]);
    expect(
      await pdfDescriptor.check!(
        { deck: oneQuestion(flashcard('q')), name: 'exam', assets: new Map() },
        {},
        {} as never,
      ),
    ).toEqual([]);
    const { pixels, below } = await quizPage(tall.sections[0]!.items[0]!);
    const rows = inkRows(pixels, PROBE_X, below);
    expect(
      Math.abs(rows[rows.length - 1]! - rows[0]! - page.contentHeight * 0.75),
    ).toBeLessThanOrEqual(2);
  });
});
