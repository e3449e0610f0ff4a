import { describe, expect, it } from 'vitest';
import { parseDeck } from '../src/index.js';

// Points, answer space, scoring and page breaks: written on an item, its
// section or the frontmatter, and inherited in that order.

function parse(source: string) {
  return parseDeck(source, { file: 'exam.md' });
}

function problems(source: string) {
  return parse(source).diagnostics.map(({ line, column, ruleId, message }) => ({
    line,
    column,
    ruleId,
    message,
  }));
}

const EXAM = `---
id: exam
title: Exam
points: 1
answer: box
fields: [Name, Class, Student number]
---

## Recall {points=2 lines=3}

### Name a colour.

Red.

### Write a function that adds two numbers. {space=6cm answer=grid points=5}

\`def add(a, b): return a + b\`

## Choose {break=page scoring=partial}

### Which are primes? {#primes}

- [x] 2
- [x] 3
- [ ] 4

### Pick one. {points=0.5 lines=0 break=page}

- [x] A
- [ ] B
`;

describe('print attributes', () => {
  it('should inherit points, answer space and scoring from the section and the frontmatter', () => {
    const { deck, diagnostics } = parse(EXAM);
    expect(diagnostics).toEqual([]);
    const [recall, choose] = deck!.sections;
    const [colour, code] = recall!.items;
    const [primes, pick] = choose!.items;
    expect(deck!.fields).toEqual(['Name', 'Class', 'Student number']);
    expect(colour).toMatchObject({
      points: 2,
      scoring: null,
      answerSpace: { lines: 3, height: null, style: 'box' },
      pageBreak: false,
    });
    // The item's space replaces the section's lines; its style replaces the deck's.
    expect(code).toMatchObject({
      points: 5,
      answerSpace: { lines: null, height: 60, style: 'grid' },
    });
    expect(recall!.pageBreak).toBe(false);
    expect(choose!.pageBreak).toBe(true);
    expect(primes).toMatchObject({
      points: 1,
      scoring: 'partial',
      answerSpace: { lines: null, height: null, style: 'box' },
      pageBreak: false,
    });
    expect(pick).toMatchObject({ points: 0.5, answerSpace: { lines: 0 }, pageBreak: true });
  });

  it('should leave everything to the output when a deck says nothing', () => {
    const { deck } = parse('---\nid: d\ntitle: D\n---\n\n## S\n\n### Q\n\nA\n');
    expect(deck!.fields).toBeNull();
    expect(deck!.sections[0]!.pageBreak).toBe(false);
    expect(deck!.sections[0]!.items[0]).toMatchObject({
      points: null,
      scoring: null,
      answerSpace: { lines: null, height: null, style: null },
      pageBreak: false,
    });
  });

  it('should read lengths in mm, cm, in and pt', () => {
    const heights = ['30mm', '4cm', '1.5in', '72pt'].map((space) => {
      const { deck } = parse(`---\nid: d\ntitle: D\n---\n\n## S\n\n### Q {space=${space}}\n\nA\n`);
      return deck!.sections[0]!.items[0]!.answerSpace.height;
    });
    expect(heights).toEqual([30, 40, 38.1, 25.4]);
  });

  it('should report a bad value where it is written, saying what it expects', () => {
    const found = problems(
      '---\nid: d\ntitle: D\n---\n\n## S\n\n### Q {points=many lines=2.5 space=4 answer=dots scoring=some break=now}\n\nA\n',
    );
    expect(found.map(({ line, column, ruleId }) => [line, column, ruleId])).toEqual([
      [8, 8, 'attribute-invalid'],
      [8, 20, 'attribute-invalid'],
      [8, 30, 'attribute-invalid'],
      [8, 38, 'attribute-invalid'],
      [8, 50, 'attribute-invalid'],
      [8, 63, 'attribute-invalid'],
    ]);
    expect(found[0]!.message).toBe(
      'expected `points` to be a number of points from 0 to 1000 (`points=2`, `points=0.5`), found `points=many`',
    );
    expect(found[2]!.message).toContain('in mm, cm, in or pt (`space=4cm`)');
    expect(found[3]!.message).toContain('one of lines, box, grid');
  });

  it('should refuse lines and space together on one heading', () => {
    const found = problems('---\nid: d\ntitle: D\n---\n\n## S\n\n### Q {lines=2 space=3cm}\n\nA\n');
    expect(found).toEqual([
      {
        line: 8,
        column: 16,
        ruleId: 'attribute-invalid',
        message: 'expected `lines=` or `space=`, found both: give the room for the answer one way',
      },
    ]);
  });

  it('should check the frontmatter defaults at their lines', () => {
    const found = problems(
      '---\nid: d\ntitle: D\npoints: -1\nspace: [4cm]\nfields: Name\nlines: 2\nanswer: grid\n---\n\n## S\n\n### Q\n\nA\n',
    );
    expect(found.map(({ line, ruleId, message }) => [line, ruleId, message])).toEqual([
      [
        4,
        'frontmatter-invalid',
        'expected `points` to be a number of points from 0 to 1000 (`points=2`, `points=0.5`), found `-1`',
      ],
      [
        5,
        'frontmatter-invalid',
        'expected `space` to be a length above 0 and up to 25cm, in mm, cm, in or pt (`space=4cm`), found a list',
      ],
      [
        6,
        'frontmatter-invalid',
        "expected `fields` to be a list of the cover's fields (`[Name, Class, Date]`), found `Name`",
      ],
    ]);
  });
});

describe('the authoring guide', () => {
  it('should show a printed exam that parses as it says', async () => {
    const { readFileSync } = await import('node:fs');
    const guide = readFileSync(new URL('../../../docs/authoring.md', import.meta.url), 'utf8');
    const example = /## Printed exams[\s\S]*?```markdown\n([\s\S]*?)```/.exec(guide)![1]!;
    const { deck, diagnostics } = parse(example);
    expect(diagnostics).toEqual([]);
    const [short, choose] = deck!.sections;
    expect(short!.items.map((item) => [item.points, item.answerSpace])).toEqual([
      [2, { lines: 3, height: null, style: null }],
      [6, { lines: null, height: 60, style: 'grid' }],
    ]);
    expect(choose!.pageBreak).toBe(true);
    expect(choose!.items[0]).toMatchObject({ points: 1, scoring: 'partial' });
    expect(deck!.fields).toEqual(['Name', 'Class', 'Date', 'Student number']);
  });
});
