import { deckOf, flashcard } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { type DrawOp, layoutQuiz, planVersions } from '../src/index.js';
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
});
