import type { Deck } from '@quizmark/model';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../src/index.js';

// What a new author writes in the first hour (issue 13, "Writing decks").
const deck = (body: string, front = 'id: demo\ntitle: Demo') => `---\n${front}\n---\n\n${body}`;
const parse = (source: string) => parseDeck(source, { file: 'demo.md' });
const brief = (source: string) =>
  parse(source).diagnostics.map(({ line, column, severity, ruleId, message }) => ({
    at: `${line}:${column}`,
    severity,
    ruleId,
    message,
  }));
const titles = (parsed: Deck | null) =>
  parsed?.sections.flatMap((section) => section.items.map((item) => item.title));

describe('braces in headings', () => {
  it('should keep `{x}` in a heading as text, with no warning', () => {
    const result = parse(
      deck('## Quiz\n\n### Evaluate {x}\n\nIt is 2.\n\n### Solve {a b}\n\n3.\n'),
    );
    expect(result.diagnostics).toEqual([]);
    expect(titles(result.deck)).toEqual(['Evaluate {x}', 'Solve {a b}']);
  });

  it('should still read `key=value`, `#id` and bare flags as attributes', () => {
    const result = parse(
      deck(
        '## Quiz\n\n### One {pin}\n\n1.\n\n### Two {#two}\n\n2.\n\n### Three {level=advanced}\n\n3.\n',
      ),
    );
    expect(result.diagnostics).toEqual([]);
    const items = result.deck!.sections[0]!.items;
    expect(items.map((item) => [item.title, item.id, item.pinned, item.level])).toEqual([
      ['One', 'demo-one', true, null],
      ['Two', 'two', false, null],
      ['Three', 'demo-three', false, 'advanced'],
    ]);
  });

  it('should still warn about an unknown attribute beside known ones', () => {
    expect(
      brief(deck('## Quiz\n\n### One {#one colour=blue}\n\n1.\n')).map((d) => d.ruleId),
    ).toEqual(['attribute-unknown']);
  });
});

describe('a practice problem written as a flashcard', () => {
  it('should warn when a flashcard has a Solution but no Answer, and say how to write it', () => {
    const source = deck(
      '## Practice\n\n### Balance the equation\n\nH2 + O2 → H2O\n\n#### Solution\n\n1. **Count atoms.** Two O on the left.\n',
    );
    expect(brief(source)).toEqual([
      {
        at: '8:1',
        severity: 'warning',
        ruleId: 'flashcard-solution-no-answer',
        message:
          'expected a `#### Answer` in a flashcard with a `#### Solution`, found none: the text under the heading became the hidden answer (the back of the card); put the answer under `#### Answer`, and the statement stays on the front',
      },
    ]);
  });

  it('should not warn when the Answer is there', () => {
    const source = deck(
      '## Practice\n\n### Balance the equation\n\nH2 + O2 → H2O\n\n#### Answer\n\n2 H2 + O2 → 2 H2O\n\n#### Solution\n\n1. **Count atoms.** Two O on the left.\n',
    );
    expect(brief(source)).toEqual([]);
  });
});

describe('near misses', () => {
  it('should say to put a space after the checkbox of `- [x]right`', () => {
    const diagnostics = brief(deck('## Quiz\n\n### Pick one\n\n- [x]right\n- [ ]wrong\n'));
    expect(diagnostics).toEqual([
      {
        at: '10:1',
        severity: 'warning',
        ruleId: 'options-not-task-list',
        message:
          'expected a space after the checkbox (`- [x] right`), found `- [x]right`: it is not read as an option',
      },
      {
        at: '11:1',
        severity: 'warning',
        ruleId: 'options-not-task-list',
        message:
          'expected a space after the checkbox (`- [ ] wrong`), found `- [ ]wrong`: it is not read as an option',
      },
    ]);
  });

  it('should name the missing space among good options too', () => {
    const diagnostics = brief(
      deck('## Quiz\n\n### Pick one\n\n- [x] right\n- [ ]wrong\n- [ ] also wrong\n'),
    );
    expect(diagnostics.map((d) => [d.at, d.ruleId])).toEqual([['11:1', 'options-not-task-list']]);
  });

  it('should say how to write text2qti-style `a)` / `*b)` options', () => {
    const diagnostics = brief(deck('## Quiz\n\n### What is 2 + 3?\n\na) 6\n*b) 5\nc) 1\n'));
    expect(diagnostics).toEqual([
      {
        at: '10:1',
        severity: 'warning',
        ruleId: 'options-not-task-list',
        message:
          'expected options as a task list (`- [ ] wrong`, `- [x] right`), found `a)` / `*b)` lines: they are read as text; write each option as `- [ ] …` and mark the right ones `- [x] …`',
      },
    ]);
  });

  it('should say to quote a title that holds a colon', () => {
    const diagnostics = brief(
      deck('## Quiz\n\n### Q\n\nA.\n', 'id: demo\ntitle: Chemistry: Acids and bases'),
    );
    expect(diagnostics).toEqual([
      {
        at: '3:8',
        severity: 'error',
        ruleId: 'yaml-invalid',
        message:
          'expected the value of `title` in quotes, since it holds `: ` (`title: "Chemistry: Acids and bases"`), found it unquoted',
      },
    ]);
  });

  it('should report an unclosed quote at its opening quote', () => {
    const diagnostics = brief(
      deck(
        '## Quiz\n\n### Q\n\nA.\n',
        'id: demo\ntitle: "Acids and bases\ntopic: Chemistry\ntags: [acids]',
      ),
    );
    expect(diagnostics).toEqual([
      {
        at: '3:8',
        severity: 'error',
        ruleId: 'yaml-invalid',
        message:
          'expected a closing `"` for the quote opened here, found none before the end of the frontmatter',
      },
    ]);
  });
});

describe('headings one level off', () => {
  it('should ask "did you mean `###`?" at the first `##` question of a deck with no items', () => {
    const diagnostics = brief(
      deck('## What is an acid?\n\nA proton donor.\n\n## What is a base?\n\nA proton acceptor.\n'),
    );
    expect(diagnostics).toEqual([
      {
        at: '6:1',
        severity: 'warning',
        ruleId: 'section-empty',
        message:
          'expected `###` items in section `What is an acid?`, found none; did you mean `### What is an acid?`? Questions are `###` headings, under `##` sections',
      },
      {
        at: '10:1',
        severity: 'warning',
        ruleId: 'section-empty',
        message: 'expected `###` items in section `What is a base?`, found none',
      },
    ]);
  });

  it('should keep `###` items before the first `##` as a section of their own, with a warning', () => {
    const result = parse(
      deck(
        '### What is an acid?\n\nA proton donor.\n\n## More\n\n### What is a base?\n\nA proton acceptor.\n',
      ),
    );
    expect(brief(deck('### What is an acid?\n\nA proton donor.\n'))).toEqual([
      {
        at: '6:1',
        severity: 'warning',
        ruleId: 'unexpected-content',
        message:
          'expected a `## Section` heading before the first `###` item, found items outside any section: they make a section of their own, titled as the deck; add a `## …` heading above them to name it',
      },
    ]);
    expect(
      result.deck!.sections.map((section) => [
        section.title,
        section.items.map((item) => item.title),
      ]),
    ).toEqual([
      ['Demo', ['What is an acid?']],
      ['More', ['What is a base?']],
    ]);
  });
});

describe('frontmatter that teachers write', () => {
  const front = [
    'id: demo',
    'title: Demo',
    'author: Ada Lovelace',
    'course: CHEM 101',
    'date: 2024-09-01',
    'version: 1.10',
    'instructions: Answer **all** questions. Calculators allowed.',
    'tags: "acids bases, ph"',
  ].join('\n');

  it('should read author, course, date, version and instructions as written', () => {
    const result = parse(deck('## Quiz\n\n### Q\n\nA.\n', front));
    expect(result.diagnostics).toEqual([]);
    const { author, course, date, version, instructions } = result.deck!;
    expect({ author, course, date, version }).toEqual({
      author: 'Ada Lovelace',
      course: 'CHEM 101',
      date: '2024-09-01',
      version: '1.10',
    });
    expect(instructions?.markdown).toBe('Answer **all** questions. Calculators allowed.');
    expect(instructions?.children[0]).toMatchObject({
      type: 'paragraph',
      children: [{ type: 'text', value: 'Answer ' }, { type: 'strong' }, { type: 'text' }],
    });
  });

  it('should split tags the same way in the frontmatter and in attributes', () => {
    const result = parse(deck('## Quiz {tags="acids bases, ph"}\n\n### Q\n\nA.\n', front));
    expect(result.deck!.tags).toEqual(['acids', 'bases', 'ph']);
    expect(result.deck!.sections[0]!.items[0]!.tags).toEqual(['acids', 'bases', 'ph']);
    const listed = parse(
      deck('## Quiz\n\n### Q\n\nA.\n', 'id: demo\ntitle: Demo\ntags: [acids bases, ph]'),
    );
    expect(listed.deck!.tags).toEqual(['acids', 'bases', 'ph']);
  });
});
