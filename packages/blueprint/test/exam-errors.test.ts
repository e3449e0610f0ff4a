import { describe, expect, it } from 'vitest';
import { buildExam } from '../src/index.js';
import { choiceQuestion, exam, PYTHON_DECK, problems } from './exam-fixtures.js';

describe('blueprints that cannot be met', () => {
  it('should say how many hard questions exist, at the `hard:` value', () => {
    const result = exam(`title: T
sections:
  - title: Loops
    draw:
      - from: ../python.md
        types: [choice]
        tags: [loops]
        mix: { easy: 2, hard: 3 }
`);
    expect(problems(result)).toEqual([
      'exam-not-enough exams/test.exam.yaml:8:31 asks for 3 hard questions from ../python.md (tags loops; types choice), found 1: 4 easy, 2 medium, 1 hard',
    ]);
    expect(result.diagnostics[0]).toMatchObject({ endLine: 8, endColumn: 32, severity: 'error' });
    expect(result.deck).toBeNull();
  });

  it('should say how many questions exist, at `count:`, counting those not rated', () => {
    const result = exam(`title: T
sections:
  - title: Loops
    draw:
      - from: ../python.md
        sections: [Loops]
        count: 11
`);
    expect(problems(result)).toEqual([
      'exam-not-enough exams/test.exam.yaml:7:16 asks for 11 questions from ../python.md (sections Loops), found 10: 4 easy, 2 medium, 1 hard, 3 not rated',
    ]);
  });

  it('should report every draw that cannot be met, not only the first', () => {
    const result = exam(`title: T
sections:
  - title: A
    draw:
      - { from: ../python.md, mix: { medium: 9 } }
  - title: B
    draw:
      - { from: ../python.md, types: [ordering], count: all }
`);
    expect(result.diagnostics.map((d) => [d.ruleId, d.line])).toEqual([
      ['exam-not-enough', 5],
      ['exam-not-enough', 8],
    ]);
    expect(result.diagnostics[1]!.message).toBe(
      'asks for all questions from ../python.md (types ordering), found 0: 0 easy, 0 medium, 0 hard',
    );
  });

  it('should name a tag no question has, with the closest one', () => {
    const result = exam(`title: T
sections:
  - title: Loops
    draw:
      - { from: ../python.md, tags: [lopos, lists], count: 3 }
`);
    expect(problems(result)).toEqual([
      'exam-not-enough exams/test.exam.yaml:5:60 asks for 3 questions from ../python.md (tags lopos, lists), found 2: 2 easy, 0 medium, 0 hard; no question in ../python.md has the tag `lopos`; did you mean `loops`?',
    ]);
  });

  it('should name a section the deck does not have, with the closest one', () => {
    const result = exam(`title: T
sections:
  - title: Loops
    draw:
      - from: ../python.md
        sections: [Loops, Lsits]
        count: 1
`);
    expect(problems(result)).toEqual([
      'exam-unknown-section exams/test.exam.yaml:6:27 expected a section of ../python.md (`Loops`, `Explain`, `Lists`), found `Lsits`; did you mean `Lists`?',
    ]);
  });
});

describe('mistakes in the exam file', () => {
  it('should name an unknown key with the key it probably means', () => {
    const result = exam(`title: T
versoins: 3
sections:
  - title: Loops
    draw:
      - from: ../python.md
        cont: 3
`);
    expect(problems(result)).toEqual([
      'exam-invalid exams/test.exam.yaml:2:1 expected a key of an exam (title, id, instructions, fields, language, seed, versions, answerSheet, points, sections), found `versoins`; did you mean `versions`?',
      'exam-invalid exams/test.exam.yaml:7:9 expected a key of a draw (from, sections, tags, types, levels, mix, count, points), found `cont`; did you mean `count`?',
    ]);
  });

  it('should name unknown keys of sections and mixes too', () => {
    const result = exam(`title: T
sections:
  - title: Loops
    drwa:
      - { from: ../python.md, mix: { hrad: 1 } }
`);
    expect(problems(result)).toEqual([
      'exam-invalid exams/test.exam.yaml:3:5 expected a section to have `draw`: a list of draws, at least one (`- from: deck.md`), found none',
      'exam-invalid exams/test.exam.yaml:4:5 expected a key of a section (title, description, points, break, draw), found `drwa`; did you mean `draw`?',
    ]);
    expect(
      problems(
        exam(`title: T
sections:
  - title: Loops
    draw:
      - { from: ../python.md, mix: { hrad: 1 } }
`),
      ),
    ).toEqual([
      'exam-invalid exams/test.exam.yaml:5:38 expected a key of a mix (easy, medium, hard), found `hrad`; did you mean `hard`?',
    ]);
  });

  it('should say what a value should be and what it is', () => {
    const result = exam(`title: T
versions: thirty
answerSheet: yes please
sections:
  - title: Loops
    break: always
    draw:
      - from: ../python.md
        types: [choise]
        mix: { easy: two }
`);
    expect(problems(result)).toEqual([
      'exam-invalid exams/test.exam.yaml:2:11 expected `versions` to be a whole number from 1 to 26, found `thirty`',
      'exam-invalid exams/test.exam.yaml:3:14 expected `answerSheet` to be true or false, found `yes please`',
      'exam-invalid exams/test.exam.yaml:6:12 expected `break` to be `page`, found `always`',
      'exam-invalid exams/test.exam.yaml:9:17 expected entry 1 of `types` to be one of flashcard, choice, explain, truefalse, numeric, short, cloze, matching, ordering, found `choise`; did you mean `choice`?',
      'exam-invalid exams/test.exam.yaml:10:22 expected `easy` to be a whole number, 0 or more, found `two`',
    ]);
  });

  it('should refuse 27 versions and a fractional count', () => {
    const result = exam(`title: T
versions: 27
sections:
  - title: Loops
    draw: [{ from: ../python.md, count: 1.5 }]
`);
    expect(problems(result)).toEqual([
      'exam-invalid exams/test.exam.yaml:2:11 expected `versions` to be a whole number from 1 to 26, found `27`',
      'exam-invalid exams/test.exam.yaml:5:41 expected `count` to be a whole number, 1 or more, or `all`, found `1.5`',
    ]);
  });

  it('should name a missing key at the mapping that lacks it', () => {
    const result = exam(`id: t
sections:
  - title: Loops
    draw:
      - tags: [loops]
        count: 1
`);
    expect(problems(result)).toEqual([
      'exam-invalid exams/test.exam.yaml:1:1 expected an exam to have `title`: text (the exam title), found none',
      'exam-invalid exams/test.exam.yaml:5:9 expected a draw to have `from`: the path of a deck, relative to the exam file, found none',
    ]);
  });

  it('should ask for either `count` or `mix`, not both and not neither', () => {
    const result = exam(`title: T
sections:
  - title: Loops
    draw:
      - from: ../python.md
      - from: ../python.md
        count: 1
        mix: { easy: 1 }
      - from: ../python.md
        mix: { easy: 0 }
`);
    expect(problems(result)).toEqual([
      'exam-invalid exams/test.exam.yaml:5:9 expected a draw to say how many questions with `count:` (a number or `all`) or `mix:` (`{ easy: 2, hard: 1 }`), found neither',
      'exam-invalid exams/test.exam.yaml:8:9 expected a draw to say how many questions with either `count:` or `mix:`, found both',
      'exam-invalid exams/test.exam.yaml:10:14 expected `mix` to ask for at least one question (`{ easy: 2, hard: 1 }`), found none',
    ]);
  });

  it('should report YAML that cannot be read at the error (an unclosed quote where it opens), and an empty file', () => {
    expect(problems(exam('title: T\ntitle: U\nsections: []\n'))).toEqual([
      'exam-yaml-invalid exams/test.exam.yaml:2:1 expected valid YAML, found an error: Map keys must be unique',
    ]);
    expect(problems(exam('title: "Midterm\nsections: []\n'))).toEqual([
      'exam-yaml-invalid exams/test.exam.yaml:1:8 expected a closing `"` for the quote opened here, found none before the end of the file',
    ]);
    expect(problems(exam("title: 'a'\nsections:\n  - title: 'A\n    draw: []\n"))).toEqual([
      "exam-yaml-invalid exams/test.exam.yaml:3:12 expected a closing `'` for the quote opened here, found none before the end of the file",
    ]);
    expect(problems(exam(''))).toEqual([
      'exam-invalid exams/test.exam.yaml:1:1 expected the exam file to be a mapping of keys (`title:`, `sections:`, …), found nothing',
    ]);
    expect(problems(exam('- a list\n'))[0]).toContain('found a list');
  });

  it('should refuse lists nested too deeply to read, without throwing', () => {
    const result = exam(`title: T\nx: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ ruleId: 'exam-yaml-invalid', line: 2 });
    expect(result.diagnostics[0]!.message).toBe(
      'expected an exam file nested a few levels deep, found lists or mappings nested too deeply to read',
    );
  });

  it('should refuse an alias bomb without expanding it', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...Array.from({ length: 8 }, (_, i) => {
        const name = String.fromCharCode(98 + i);
        const previous = String.fromCharCode(97 + i);
        return `${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`;
      }),
    ].join('\n');
    const result = exam(bomb);
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['exam-yaml-invalid']);
  });
});

describe('decks that cannot be used', () => {
  it('should say at `from:` that a deck cannot be read, with the reader’s reason', () => {
    const result = exam(`title: T
sections:
  - title: Loops
    draw:
      - from: ../missing.md
        count: 1
`);
    expect(problems(result)).toEqual([
      'exam-deck-unreadable exams/test.exam.yaml:5:15 cannot read ../missing.md: `../missing.md` not found (looked for `missing.md`)',
    ]);
  });

  it('should pass a broken deck’s own diagnostics through and say so at `from:`', () => {
    const broken = `---\nid: broken\ntitle: Broken\n---\n\n## Quiz\n\n### No right answer\n\n- [ ] One\n- [ ] Two\n`;
    const result = exam(
      `title: T
sections:
  - title: Quiz
    draw:
      - from: ../broken.md
        count: 1
`,
      { '../broken.md': broken },
    );
    const own = result.diagnostics.filter((d) => d.file === 'broken.md');
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((d) => d.severity === 'error' && d.ruleId !== 'exam-deck-has-errors')).toBe(
      true,
    );
    expect(own[0]!.line).toBeGreaterThanOrEqual(8);
    const mine = result.diagnostics.filter((d) => d.file === 'exams/test.exam.yaml');
    expect(mine.map((d) => [d.ruleId, d.line, d.column])).toEqual([
      ['exam-deck-has-errors', 5, 15],
    ]);
    expect(mine[0]!.message).toMatch(
      /^\.\.\/broken\.md has (an error|\d+ errors) \(reported in broken\.md\); fix (it|them) first$/,
    );
    expect(result.deck).toBeNull();
  });

  it('should read a deck named twice (in two spellings) once, and never draw from it twice', () => {
    const reads: string[] = [];
    const result = buildExam({
      file: 'exams/test.exam.yaml',
      text: `title: T
sections:
  - title: A
    draw: [{ from: ../python.md, count: 1 }]
  - title: B
    draw: [{ from: ../python.md, count: 1 }, { from: .././python.md, count: all }]
`,
      readDeck: (path) => {
        reads.push(path);
        return { file: 'python.md', bytes: new TextEncoder().encode(PYTHON_DECK) };
      },
    });
    expect(reads).toEqual(['../python.md']);
    expect(result.decks).toEqual(['../python.md', '.././python.md']);
    // One deck, so never drawn twice: `count: all` takes the 13 questions the first two left.
    expect(result.diagnostics).toEqual([]);
    const ids = result.deck!.sections.flatMap((s) => s.items.map((i) => i.id));
    expect(ids).toHaveLength(15);
    expect(new Set(ids).size).toBe(15);
  });

  it('should refuse two drawn questions with the same id, at the second draw', () => {
    const other = `---\nid: other\ntitle: Other\n---\n\n## Quiz\n\n${choiceQuestion('Same id', '#loop-hard')}`;
    const result = exam(
      `title: T
sections:
  - title: A
    draw:
      - { from: ../python.md, mix: { hard: 1 } }
      - { from: ../other.md, count: 1 }
`,
      { '../python.md': PYTHON_DECK, '../other.md': other },
    );
    expect(problems(result)).toEqual([
      'exam-duplicate-id exams/test.exam.yaml:6:17 expected questions with distinct ids, found `loop-hard` drawn from ../other.md and from ../python.md (line 5): give one of them an explicit `{#id}`',
    ]);
  });
});

describe('odd but valid exam files', () => {
  const sectionOf = (title: string) =>
    `sections:\n  - title: ${title}\n    draw: [{ from: ../python.md, count: 1 }]\n`;

  it('should read a file with a byte order mark and Windows line ends, positions intact', () => {
    const text = `\uFEFFtitle: T\r\nversions: 0\r\n${sectionOf('A').replace(/\n/g, '\r\n')}`;
    expect(problems(exam(text))).toEqual([
      'exam-invalid exams/test.exam.yaml:2:11 expected `versions` to be a whole number from 1 to 26, found `0`',
    ]);
  });

  it('should give a section titled without ASCII letters a numbered id', () => {
    const result = exam(`title: 試験\n${sectionOf('選択問題')}`);
    expect(result.deck!.sections.map((section) => section.id)).toEqual(['test-section-1']);
  });

  it('should trim cover fields and refuse a blank one', () => {
    expect(exam(`title: T\nfields: [" Name ", Class]\n${sectionOf('A')}`).deck!.fields).toEqual([
      'Name',
      'Class',
    ]);
    expect(problems(exam(`title: T\nfields: [Name, " "]\n${sectionOf('A')}`))).toEqual([
      'exam-invalid exams/test.exam.yaml:2:16 expected entry 2 of `fields` to be text, found empty text',
    ]);
  });

  it('should say an empty title is empty', () => {
    expect(problems(exam(`title: ""\n${sectionOf('A')}`))).toEqual([
      'exam-invalid exams/test.exam.yaml:1:8 expected `title` to be text (the exam title), found empty text',
    ]);
  });

  it('should refuse a file far larger than an exam without reading it', () => {
    const huge = `title: T\n${sectionOf('A')}# ${'x'.repeat(300 * 1024)}\n`;
    expect(problems(exam(huge))).toEqual([
      'exam-yaml-invalid exams/test.exam.yaml:1:1 expected an exam file of at most 256 KiB, found 301 KiB: an exam names decks, it does not hold them',
    ]);
  });
});
