import { describe, expect, it } from 'vitest';
import {
  type BreakAfter,
  type LayoutGroup,
  type LayoutPage,
  type LayoutRow,
  layoutQuiz,
  paginate,
  planVersions,
} from '../src/index.js';
import { polyglotAssets, polyglotDeck, seedDeck } from './parsed-decks.js';

function row(height: number, breakAfter: BreakAfter = 'block', spaceBefore = 0): LayoutRow {
  return { height, breakAfter, spaceBefore, baseline: height, ops: [] };
}

function group(id: string, rows: LayoutRow[], fields: Partial<LayoutGroup> = {}): LayoutGroup {
  const height = rows.reduce((sum, r, index) => sum + r.height + (index ? r.spaceBefore : 0), 0);
  return {
    kind: 'question',
    id,
    number: null,
    label: id,
    spaceBefore: 10,
    keepWithNext: false,
    rows,
    height,
    ...fields,
  };
}

/** [group id, from, to, y, continued] per page, for readable expectations. */
function summary(groups: readonly LayoutGroup[], pages: readonly LayoutPage[]) {
  return pages.map((page) =>
    page.placements.map((p) => [groups[p.group]!.id, p.from, p.to, p.y, p.continued]),
  );
}

describe('paginate', () => {
  it('should move a group that does not fit to the next page whole', () => {
    const groups = [group('a', [row(20), row(20)]), group('b', [row(40)]), group('c', [row(40)])];
    expect(summary(groups, paginate(groups, { contentHeight: 100 }))).toEqual([
      [
        ['a', 0, 2, 0, false],
        ['b', 0, 1, 50, false],
      ],
      [['c', 0, 1, 0, false]],
    ]);
  });

  it('should never end a page with a group kept with the next one', () => {
    const groups = [
      group('a', [row(60)]),
      group('heading', [row(20)], { kind: 'section', keepWithNext: true }),
      group('b', [row(40)]),
    ];
    expect(summary(groups, paginate(groups, { contentHeight: 100 }))).toEqual([
      [['a', 0, 1, 0, false]],
      [
        ['heading', 0, 1, 0, false],
        ['b', 0, 1, 30, false],
      ],
    ]);
  });

  it('should split a group taller than a page at block boundaries and mark the rest continued', () => {
    // 25 lines of 10pt; a paragraph ends every fifth line.
    const rows = Array.from({ length: 25 }, (_, index) =>
      row(10, (index + 1) % 5 ? 'line' : 'block'),
    );
    const groups = [group('long', rows)];
    expect(summary(groups, paginate(groups, { contentHeight: 100, continuedHeight: 16 }))).toEqual([
      [['long', 0, 10, 0, false]],
      [['long', 10, 15, 16, true]],
      [['long', 15, 20, 16, true]],
      [['long', 20, 25, 16, true]],
    ]);
  });

  it('should break at a line boundary when the last block boundary would waste the page', () => {
    const rows = [row(10), ...Array.from({ length: 19 }, () => row(10, 'line')), row(10)];
    const groups = [group('prose', rows)];
    expect(summary(groups, paginate(groups, { contentHeight: 100, continuedHeight: 16 }))).toEqual([
      [['prose', 0, 10, 0, false]],
      [['prose', 10, 18, 16, true]],
      [['prose', 18, 21, 16, true]],
    ]);
  });

  it('should never break right after a row that must stay with the next', () => {
    const rows = [
      ...Array.from({ length: 8 }, () => row(10, 'line')),
      row(10, 'never'),
      ...Array.from({ length: 8 }, () => row(10, 'line')),
    ];
    const pages = paginate([group('g', rows)], { contentHeight: 90, continuedHeight: 0 });
    expect(pages.map((page) => page.placements.map((p) => [p.from, p.to]))).toEqual([
      [[0, 8]],
      [[8, 17]],
    ]);
  });

  it('should start a tall group on a fresh page rather than with a sliver at a page bottom', () => {
    const tall = group(
      'tall',
      Array.from({ length: 30 }, () => row(10, 'line')),
    );
    const groups = [group('a', [row(85)]), tall];
    const pages = paginate(groups, { contentHeight: 100 });
    expect(pages[0]!.placements).toHaveLength(1);
    expect(pages[1]!.placements[0]).toMatchObject({ group: 1, from: 0, continued: false });
  });
});

describe('layoutQuiz and paginate on real decks', () => {
  const cases = [
    { name: 'seed', deck: seedDeck(), assets: new Map() },
    { name: 'polyglot', deck: polyglotDeck(), assets: polyglotAssets() },
  ];
  for (const { name, deck, assets } of cases)
    for (const paper of ['a4', 'letter'] as const)
      for (const kind of ['quiz', 'key'] as const)
        it(`should keep every ${name} ${kind} question that fits on one page (${paper})`, () => {
          const [plan] = planVersions(deck, { versions: 2, seed: paper });
          const layout = layoutQuiz(plan!, { kind, paper, assets });
          const { contentHeight } = layout.page;
          const pages = paginate(layout.groups, { contentHeight });
          const placed = pages.flatMap((page, index) =>
            page.placements.map((p) => ({ ...p, page: index })),
          );

          const questions = layout.groups.filter((g) => g.kind === 'question');
          expect(questions.map((g) => g.number)).toEqual(
            Array.from({ length: plan!.questionCount }, (_, index) => index + 1),
          );
          layout.groups.forEach((g, index) => {
            const pieces = placed.filter((p) => p.group === index);
            if (g.height <= contentHeight) {
              expect(pieces).toEqual([
                expect.objectContaining({ from: 0, to: g.rows.length, continued: false }),
              ]);
            } else {
              expect(pieces[0]).toMatchObject({ from: 0, continued: false });
              pieces.slice(1).forEach((piece, at) => {
                expect(piece.from).toBe(pieces[at]!.to);
                expect(piece.continued).toBe(true);
                expect(piece.page).toBe(pieces[at]!.page + 1);
              });
              expect(pieces[pieces.length - 1]!.to).toBe(g.rows.length);
            }
          });
          for (const page of pages) {
            const last = page.placements[page.placements.length - 1]!;
            // A section heading is never the last thing on a page.
            expect(layout.groups[last.group]!.kind).not.toBe('section');
            for (const p of page.placements) {
              const rows = layout.groups[p.group]!.rows.slice(p.from, p.to);
              const height = rows.reduce(
                (sum, r, i) => sum + r.height + (i ? r.spaceBefore : 0),
                0,
              );
              expect(p.y + height).toBeLessThanOrEqual(contentHeight + 1e-6);
            }
          }
          if (name === 'polyglot' && kind === 'quiz')
            // The ninety-line listing is taller than a page: the split path ran.
            expect(placed.some((p) => p.continued)).toBe(true);
        });
});
