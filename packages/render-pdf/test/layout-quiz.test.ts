import { blank, choice, cloze, deckOf, everyTypeDeck, flashcard } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { type DrawOp, layoutQuiz, planVersions } from '../src/index.js';
import { textWidth } from '../src/text-width.js';
import { seedDeck } from './parsed-decks.js';

type TextOp = Extract<DrawOp, { op: 'text' }>;
const texts = (ops: readonly DrawOp[]) => ops.filter((op): op is TextOp => op.op === 'text');

describe('layoutQuiz', () => {
  it('should keep long question numbers clear of the question text', () => {
    const deck = deckOf({
      Cards: Array.from({ length: 1000 }, (_, index) => flashcard(`c${index}`)),
    });
    const layout = layoutQuiz(planVersions(deck)[0]!, { kind: 'quiz' });
    const last = layout.groups[layout.groups.length - 1]!;
    expect(last.number).toBe(1000);
    const [number, ...rest] = texts(last.rows[0]!.ops);
    expect(number).toMatchObject({ text: '1000.', x: 0 });
    // "1000." in bold 10.5pt is about 31pt wide; the text starts after it.
    expect(Math.min(...rest.map((op) => op.x))).toBeGreaterThan(31);
  });

  it('should give the answer grid the width its answers need, a long one widening only its column', () => {
    // 24 single answers and one "A, B, C, D": equal cells as wide as the long one would fit 6 a row.
    const deck = deckOf({
      Choices: Array.from({ length: 25 }, (_, index) =>
        choice(`q${index}`, { shuffle: false, correct: index === 1 ? [0, 1, 2, 3] : [0] }),
      ),
    });
    const layout = layoutQuiz(planVersions(deck)[0]!, { kind: 'key' });
    const grid = layout.groups.find((group) => group.kind === 'answers')!;
    const rows = grid.rows.slice(1).map((row) => texts(row.ops));
    const width = layout.page.contentWidth;
    const perRow = rows[0]!.length / 2;
    expect(perRow).toBeGreaterThan(6);
    for (const cells of rows) {
      const last = cells[cells.length - 1]!;
      expect(last.x + textWidth(last.text, last.font, last.size)).toBeLessThanOrEqual(width);
    }
    // Columns start where the widest cell above or below them ends, plus the same gap.
    const ends = (column: number) =>
      Math.max(
        ...rows.flatMap((cells) => {
          const letters = cells[column * 2 + 1];
          return letters ? [letters.x + textWidth(letters.text, letters.font, letters.size)] : [];
        }),
      );
    const starts = (column: number) => rows[0]![column * 2]!.x;
    const gaps = Array.from(
      { length: perRow - 1 },
      (_, column) => starts(column + 1) - ends(column),
    );
    for (const gap of gaps) expect(gap).toBeCloseTo(gaps[0]!, 6);
    expect(gaps[0]).toBeLessThan(24);
  });

  it('should lay out one group per question after the header and section headings', () => {
    const deck = seedDeck();
    for (const kind of ['quiz', 'key'] as const) {
      const layout = layoutQuiz(planVersions(deck)[0]!, { kind, paper: 'letter' });
      expect(layout.page).toMatchObject({ width: 612, height: 792 });
      const kinds = layout.groups.map((group) => group.kind);
      expect(kinds[0]).toBe('header');
      expect(kinds.filter((k) => k === 'section')).toHaveLength(4);
      expect(kinds.filter((k) => k === 'question')).toHaveLength(17);
      // The key adds the grid of choice answers; the quiz does not.
      expect(kinds.includes('answers')).toBe(kind === 'key');
      for (const group of layout.groups)
        for (const row of group.rows)
          for (const op of texts(row.ops)) {
            expect(op.x).toBeGreaterThanOrEqual(0);
            expect(op.y).toBeLessThanOrEqual(row.height);
          }
    }
  });

  it('should draw bubbles for one answer and boxes for several', () => {
    const deck = seedDeck();
    const layout = layoutQuiz(planVersions(deck)[0]!, { kind: 'quiz' });
    const markers = layout.groups
      .filter((group) => group.kind === 'question')
      .map(
        (group) => group.rows.flatMap((row) => row.ops).filter((op) => op.op === 'circle').length,
      );
    // Recall 5 × 0, quiz 5 × 4, explain 2 × 0, practice 5 × 4.
    expect(markers).toEqual([0, 0, 0, 0, 0, 4, 4, 4, 4, 4, 0, 0, 4, 4, 4, 4, 4]);
  });

  it('should draw the boxes students write in, each whole within its row', () => {
    const layout = layoutQuiz(planVersions(everyTypeDeck())[0]!, { kind: 'quiz' });
    const questions = layout.groups.filter((group) => group.kind === 'question');
    const boxes = questions.map((group) => ({
      id: group.id,
      boxes: group.rows.flatMap((row) => row.ops).filter((op) => op.op === 'rect').length,
    }));
    // True/false two tick boxes, numeric and short one answer box, the cloze none (its
    // gaps are ruled), matching one per left entry, ordering one per entry, the choice bubbles.
    expect(boxes).toEqual([
      { id: 'mass-weight', boxes: 2 },
      { id: 'g-near-earth', boxes: 1 },
      { id: 'kinetic-energy', boxes: 1 },
      { id: 'force-unit', boxes: 1 },
      { id: 'energy-sentence', boxes: 0 },
      { id: 'si-units', boxes: 3 },
      { id: 'method-steps', boxes: 4 },
      { id: 'vector', boxes: 0 },
    ]);
    for (const group of questions)
      for (const row of group.rows)
        for (const op of row.ops)
          if (op.op === 'rect') {
            expect(op.y).toBeGreaterThanOrEqual(0);
            expect(op.y + op.height).toBeLessThanOrEqual(row.height);
            expect(op.x + op.width).toBeLessThanOrEqual(layout.page.contentWidth);
          }
  });

  it('should set matching entries side by side, the letters in one column', () => {
    const layout = layoutQuiz(planVersions(everyTypeDeck())[0]!, { kind: 'quiz' });
    const group = layout.groups.find((g) => g.id === 'si-units')!;
    // Stem, note, then one row per line-up: three pairs and a distractor make four.
    const lineUps = group.rows.slice(-4).map((row) => texts(row.ops).map((op) => op.text));
    expect(lineUps.map((line) => line.filter((text) => /^\d\.$|^[A-D]\.$/.test(text)))).toEqual([
      ['1.', 'A.'],
      ['2.', 'B.'],
      ['3.', 'C.'],
      ['D.'],
    ]);
    const letterX = group.rows
      .slice(-4)
      .map((row) => texts(row.ops).find((op) => /^[A-D]\.$/.test(op.text))!.x);
    expect(new Set(letterX).size).toBe(1);
    expect(letterX[0]).toBeGreaterThan(layout.page.contentWidth / 3);
  });

  it('should rule a cloze gap at least as wide as its answer, and wider in steps, without the answer', () => {
    const long = 'electromagnetic induction';
    const deck = deckOf({
      Cloze: [cloze('gaps', { text: ['A ', blank(1, 'J'), ' and ', blank(2, long), '.'] })],
    });
    const layout = layoutQuiz(planVersions(deck)[0]!, { kind: 'quiz' });
    const ops = layout.groups
      .find((group) => group.id === 'gaps')!
      .rows.flatMap((row) => texts(row.ops));
    const rules = ops.filter((op) => /^_+$/.test(op.text));
    expect(rules).toHaveLength(2);
    const width = (op: TextOp) => textWidth(op.text, op.font, op.size);
    expect(width(rules[0]!)).toBeGreaterThanOrEqual(48);
    expect(width(rules[1]!)).toBeGreaterThan(textWidth(long, 'sans', 10.5));
    expect(ops.map((op) => op.text).join(' ')).not.toMatch(/J\b|electromagnetic/);
  });
});
