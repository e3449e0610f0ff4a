import { readFileSync } from 'node:fs';
import { type Deck, DeckSchema, type Item, itemTexts, toPlainText } from '@quizmark/model';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { examDeckPaths } from '../src/index.js';
import { drawnIds, exam, PYTHON_DECK, problems } from './exam-fixtures.js';

const items = (deck: Deck | null): Item[] => deck!.sections.flatMap((section) => section.items);
const pointsOf = (deck: Deck | null) =>
  Object.fromEntries(items(deck).map((item) => [item.id, item.points]));

describe('@quizmark/blueprint', () => {
  it('should expose the public api', () => {
    expect(Object.keys(api).sort()).toEqual([
      'BLUEPRINT_RULES',
      'EXAM_FILE',
      'ExamSchema',
      'buildExam',
      'examDeckPaths',
      'examJsonSchema',
    ]);
  });

  it('should describe every rule with a severity, a sentence and an example', () => {
    for (const [id, rule] of Object.entries(api.BLUEPRINT_RULES)) {
      expect(id).toMatch(/^exam-[a-z-]+$/);
      expect(rule.description).toMatch(/\.$/);
      expect(rule.example.length).toBeGreaterThan(0);
    }
  });

  it('should know exam files by name', () => {
    expect(['a.exam.yaml', 'b/c.exam.yml'].every((name) => api.EXAM_FILE.test(name))).toBe(true);
    expect(['exam.yaml', 'a.exam.md', 'a.exam.yaml.bak'].some((n) => api.EXAM_FILE.test(n))).toBe(
      false,
    );
  });
});

describe('points of drawn questions', () => {
  // list-easy-1 has `points=3` in python.md; the others have none.
  const blueprint = (extra: string) => `title: T
${extra}sections:
  - title: Lists
    draw:
      - { from: ../python.md, sections: [Lists], count: all }
  - title: Lists again
    points: 4
    draw:
      - { from: ../python.md, sections: [Loops], mix: { hard: 1 } }
      - { from: ../python.md, sections: [Loops], mix: { medium: 1 }, points: 5 }
`;

  it("should take the draw's points, then the section's, then the item's, then the exam's", () => {
    const result = exam(blueprint('points: 1\n'));
    expect(problems(result)).toEqual([]);
    const points = pointsOf(result.deck);
    expect(points['list-easy-1']).toBe(3);
    expect(points['list-easy-2']).toBe(1);
    expect(points['loop-hard']).toBe(4);
    const medium = items(result.deck).find((item) => item.id.startsWith('loop-medium'))!;
    expect(medium.points).toBe(5);
  });

  it('should leave points unset when nothing gives any', () => {
    const points = pointsOf(exam(blueprint('')).deck);
    expect(points['list-easy-2']).toBeNull();
    expect(points['list-easy-1']).toBe(3);
  });
});

describe('the exam deck', () => {
  const blueprint = `title: Python midterm
id: python-midterm
language: en-GB
fields: [Name, Student number]
instructions: |
  Answer **every** question.

  No notes.
sections:
  - title: Loops
    description: Choose *one* answer.
    break: page
    draw:
      - { from: ../python.md, tags: [loops], types: [choice], count: 3 }
  - title: Loops
    draw:
      - { from: ../python.md, types: [explain], count: 1 }
`;

  it('should be a valid deck with the exam header, one section per blueprint section', () => {
    const result = exam(blueprint);
    expect(problems(result)).toEqual([]);
    const deck = result.deck!;
    expect(DeckSchema.safeParse(deck).success).toBe(true);
    expect(deck).toMatchObject({
      id: 'python-midterm',
      title: 'Python midterm',
      language: 'en-GB',
      fields: ['Name', 'Student number'],
      description: null,
    });
    expect(toPlainText(deck.instructions!)).toBe('Answer every question.\n\nNo notes.');
    expect(deck.instructions!.children.map((block) => block.type)).toEqual([
      'paragraph',
      'paragraph',
    ]);
    expect(deck.sections.map((section) => [section.id, section.pageBreak])).toEqual([
      ['python-midterm-loops', true],
      ['python-midterm-loops-2', false],
    ]);
    expect(deck.sections[0]!.description!.children[0]).toEqual({
      type: 'paragraph',
      children: [
        { type: 'text', value: 'Choose ' },
        { type: 'emphasis', children: [{ type: 'text', value: 'one' }] },
        { type: 'text', value: ' answer.' },
      ],
    });
  });

  it("should take the first deck's language when the exam has none", () => {
    const french = PYTHON_DECK.replace('language: en', 'language: fr');
    const result = exam(blueprint.replace('language: en-GB\n', ''), { '../python.md': french });
    expect(result.deck!.language).toBe('fr');
  });

  it('should warn once when decks of other languages are drawn and the exam sets none', () => {
    const french = PYTHON_DECK.replace('language: en', 'language: fr').replace(
      'id: python',
      'id: french',
    );
    const twoLanguages = `title: T
sections:
  - title: A
    draw:
      - { from: ../python.md, sections: [Loops], count: 1 }
      - { from: ../french.md, sections: [Lists], count: 1 }
      - { from: ../french.md, sections: [Explain], count: 1 }
`;
    const files = { '../python.md': PYTHON_DECK, '../french.md': french };
    const result = exam(twoLanguages, files);
    expect(problems(result)).toEqual([
      'exam-mixed-languages exams/test.exam.yaml:6:17 expected the decks of an exam without `language:` to share one language, found ../french.md in `fr` while the exam takes `en` from its first deck: set `language:` in the exam file',
    ]);
    expect(result.deck!.language).toBe('en');
    expect(exam(`language: fr\n${twoLanguages}`, files).diagnostics).toEqual([]);
  });

  it('should place every drawn question at the `from:` of its draw', () => {
    const result = exam(blueprint);
    const positions = result.itemPositions;
    expect(Object.keys(positions).sort()).toEqual(drawnIds(result).flat().sort());
    for (const id of drawnIds(result)[0]!) expect(positions[id]).toEqual({ line: 14, column: 17 });
    expect(positions[drawnIds(result)[1]![0]!]).toEqual({ line: 17, column: 17 });
  });

  it('should report Markdown problems in the instructions at the exam file, as in a deck', () => {
    const result = exam(`title: T
instructions: "Use $\\\\frac{1}{$ here"
sections:
  - title: Loops
    draw: [{ from: ../python.md, count: 1 }]
`);
    expect(result.diagnostics.map((d) => [d.file, d.line, d.ruleId, d.severity])).toEqual([
      ['exams/test.exam.yaml', 2, 'math-tex-error', 'warning'],
    ]);
    // A warning, as in a deck's own instructions: the exam is still built.
    expect(result.deck).not.toBeNull();
  });
});

describe('images of drawn questions', () => {
  const pictures = `---
id: pictures
title: Pictures
---

## Quiz

### Which box? {#which-box difficulty=easy}

![A box](images/box.svg)

- [x] ![Left](./images/left.png)
- [ ] ![Remote](https://example.com/right.png)
- [ ] ![Rooted](/static/up.png)
- [ ] ![Inline](data:image/png;base64,iVBORw0KGgo=)
`;

  it('should rewrite relative URLs to resolve from the exam file and keep the others', () => {
    const result = exam(
      `title: T
sections:
  - title: Pictures
    draw:
      - from: ../decks/pictures.md
        count: 1
`,
      { '../decks/pictures.md': pictures },
    );
    expect(problems(result)).toEqual([]);
    const urls = [
      '../decks/images/box.svg',
      '../decks/images/left.png',
      'https://example.com/right.png',
      '/static/up.png',
      'data:image/png;base64,iVBORw0KGgo=',
    ];
    expect(result.images).toEqual(urls.map((url) => ({ url, line: 5, column: 15 })));
    const found: string[] = [];
    for (const text of itemTexts(items(result.deck)[0]!)) {
      JSON.stringify(text.children, (key, value) => {
        if (key === 'url') found.push(value as string);
        return value;
      });
    }
    expect(found).toEqual(urls);
  });

  it('should leave URLs alone for a deck beside the exam file', () => {
    const result = exam(
      'title: T\nsections:\n  - title: P\n    draw: [{ from: pictures.md, count: 1 }]\n',
      { 'pictures.md': pictures },
    );
    expect(result.images.map((image) => image.url).slice(0, 2)).toEqual([
      'images/box.svg',
      './images/left.png',
    ]);
  });
});

describe('examDeckPaths', () => {
  it('should list the decks as written, once each, in order', () => {
    expect(
      examDeckPaths(`title: T
sections:
  - title: A
    draw: [{ from: ../b.md, count: 1 }, { from: ../a.md, count: 1 }]
  - title: B
    draw: [{ from: ../b.md, count: 1 }, { count: 2 }, { from: 3 }]
`),
    ).toEqual(['../b.md', '../a.md']);
  });

  it('should give nothing, without throwing, for what it cannot read', () => {
    for (const text of ['', 'title: "open', '- a', 'sections: 3', 'sections: [3, { draw: 4 }]']) {
      expect(examDeckPaths(text)).toEqual([]);
    }
  });
});

describe('the shipped decks', () => {
  const content = new URL('../../../content/', import.meta.url);
  const readDeck = (path: string) => ({
    file: `content/${path}`,
    bytes: readFileSync(new URL(path, content)),
  });
  const blueprint = `title: MLOps, Git and physics
versions: 3
answerSheet: true
sections:
  - title: Multiple choice
    points: 2
    draw:
      - { from: mlops.md, sections: [Quiz], count: 3 }
      - { from: git-basics.md, types: [choice], count: 2 }
  - title: Short answers
    draw:
      - { from: physics.md, mix: { easy: 2, medium: 2 } }
      - { from: japanese.md, mix: { easy: 2 } }
  - title: Explain
    points: 5
    draw:
      - { from: mlops.md, types: [explain], count: 1 }
      - { from: git-basics.md, sections: [Explain], count: 1 }
`;

  it('should draw an exam from all four decks, with their images rebased', () => {
    const result = api.buildExam({ file: 'content/midterm.exam.yaml', text: blueprint, readDeck });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const deck = result.deck!;
    expect(DeckSchema.safeParse(deck).success).toBe(true);
    expect(deck.sections.map((section) => section.items.length)).toEqual([5, 6, 2]);
    expect(
      deck.sections[0]!.items.every((item) => item.type === 'choice' && item.points === 2),
    ).toBe(true);
    expect(deck.sections[2]!.items.every((item) => item.type === 'explain')).toBe(true);
    const physics = deck.sections[1]!.items.slice(0, 4);
    expect(physics.map((item) => item.difficulty)).toEqual(
      expect.arrayContaining(['easy', 'easy', 'medium', 'medium']),
    );
    expect(result.decks).toEqual(['mlops.md', 'git-basics.md', 'physics.md', 'japanese.md']);
    // The exam sits beside the decks: image URLs stay as the decks wrote them.
    for (const image of result.images) expect(image.url).toMatch(/^images\//);
    expect(result.formatOptions).toEqual({
      // The study page's Test mode takes every question of the exam.
      html: { testLength: result.deck!.sections.flatMap((s) => s.items).length },
      pdf: { seed: 'midterm', versions: 3, answerSheet: true },
    });
  });
});
