import { DeckSchema } from '@quizmark/model';
import { describe, expect, it } from 'vitest';
import { drawnIds, exam, PYTHON_DECK, problems } from './exam-fixtures.js';

const difficulty = (id: string) => /easy|medium|hard/.exec(id)?.[0] ?? 'none';

describe('drawing questions', () => {
  it('should draw a difficulty mix from a tag, each difficulty as asked', () => {
    const result = exam(`title: Loops quiz
sections:
  - title: Loops
    draw:
      - from: ../python.md
        tags: [loops]
        mix: { easy: 2, medium: 2, hard: 1 }
`);
    expect(problems(result)).toEqual([]);
    const [ids] = drawnIds(result);
    expect(ids).toHaveLength(5);
    expect(ids!.map(difficulty).sort()).toEqual(['easy', 'easy', 'hard', 'medium', 'medium']);
    // Deck order within a draw: easy questions come before the medium ones in python.md.
    expect(ids!.map(difficulty)).toEqual(['easy', 'easy', 'medium', 'medium', 'hard']);
    expect(DeckSchema.safeParse(result.deck).success).toBe(true);
  });

  it('should filter by type, section (title or id) and level', () => {
    const explain = exam(`title: T
sections:
  - title: Explain
    draw:
      - from: ../python.md
        types: [explain]
        count: all
  - title: Lists
    draw:
      - from: ../python.md
        sections: [lists]
        count: all
  - title: Advanced
    draw:
      - from: ../python.md
        sections: [Loops]
        levels: [advanced]
        count: 1
`);
    expect(problems(explain)).toEqual([]);
    expect(drawnIds(explain)).toEqual([
      ['explain-1', 'explain-2', 'explain-3'],
      ['list-easy-1', 'list-easy-2'],
      ['loop-hard'],
    ]);
    expect(explain.deck!.sections.map((section) => section.items.map((item) => item.type))).toEqual(
      [['explain', 'explain', 'explain'], ['choice', 'choice'], ['choice']],
    );
  });

  it('should never draw a question twice, and say how many were drawn above', () => {
    const result = exam(`title: T
sections:
  - title: First
    draw:
      - from: ../python.md
        tags: [loops]
        mix: { easy: 3 }
  - title: Second
    draw:
      - from: ../python.md
        tags: [loops]
        mix: { easy: 2 }
`);
    expect(problems(result)).toEqual([
      'exam-not-enough exams/test.exam.yaml:12:22 asks for 2 easy questions from ../python.md (tags loops), found 1: 1 easy, 2 medium, 1 hard, 3 not rated (3 already drawn above)',
    ]);
    expect(result.deck).toBeNull();
  });

  it('should draw every question once across sections when the deck has exactly enough', () => {
    const result = exam(`title: T
sections:
  - title: First
    draw:
      - { from: ../python.md, tags: [loops], mix: { easy: 3 } }
  - title: Second
    draw:
      - { from: ../python.md, tags: [loops], mix: { easy: 1 } }
`);
    expect(problems(result)).toEqual([]);
    const [first, second] = drawnIds(result);
    expect(new Set([...first!, ...second!])).toEqual(
      new Set(['loop-easy-1', 'loop-easy-2', 'loop-easy-3', 'loop-easy-4']),
    );
  });

  it('should spread a count across difficulties in proportion to the pool', () => {
    // Loops holds 4 easy, 2 medium, 1 hard, 3 not rated: 5 of 10 is 2 easy, 1 medium, 1 hard or
    // not rated by largest remainder (0.5 each), easy first on ties.
    const result = exam(`title: T
sections:
  - title: Loops
    draw:
      - from: ../python.md
        sections: [Loops]
        count: 5
`);
    expect(problems(result)).toEqual([]);
    const ids = drawnIds(result)[0]!;
    const by = (kind: string) => ids.filter((id) => difficulty(id) === kind).length;
    expect(ids).toHaveLength(5);
    expect(by('easy')).toBe(2);
    expect(by('medium')).toBe(1);
    expect(by('hard')).toBe(1);
    expect(ids.filter((id) => id.startsWith('loop-card'))).toHaveLength(1);
  });

  it('should take every matching question with `count: all`, in deck order', () => {
    const result = exam(`title: T
sections:
  - title: All
    draw:
      - from: ../python.md
        count: all
`);
    expect(drawnIds(result)[0]).toHaveLength(15);
    expect(drawnIds(result)[0]!.slice(0, 2)).toEqual(['loop-easy-1', 'loop-easy-2']);
  });
});

describe('seeded draws', () => {
  const blueprint = (seed: string) => `title: T
seed: ${seed}
sections:
  - title: Loops
    draw:
      - from: ../python.md
        tags: [loops]
        mix: { easy: 2, medium: 1 }
      - from: ../python.md
        count: 3
`;

  it('should give the same draw for the same exam file', () => {
    expect(exam(blueprint('autumn'))).toEqual(exam(blueprint('autumn')));
  });

  it('should give different draws for different seeds', () => {
    const seeds = ['autumn', 'spring', 'winter', 'summer', 'resit'];
    const draws = new Set(seeds.map((seed) => drawnIds(exam(blueprint(seed)))[0]!.join(' ')));
    // Six ways to pick 2 of 4 easy questions, times the rest: five seeds do not all agree.
    expect(draws.size).toBeGreaterThan(1);
  });

  it('should seed the PDF with the exam seed, or its id when it has none', () => {
    expect(exam(blueprint('autumn')).formatOptions.pdf).toEqual({ seed: 'autumn' });
    const unseeded = exam(`title: T
id: loops-midterm
versions: 3
answerSheet: true
sections:
  - title: Loops
    draw: [{ from: ../python.md, count: 2 }]
`);
    expect(unseeded.formatOptions).toEqual({
      pdf: { seed: 'loops-midterm', versions: 3, answerSheet: true },
      // The study page's Test mode takes every question of the exam.
      html: { testLength: 2 },
    });
    expect(unseeded.deck!.id).toBe('loops-midterm');
    // The file name gives the id when the exam has none: exams/test.exam.yaml.
    expect(exam(blueprint('x')).deck!.id).toBe('test');
  });

  it('should keep the draws above when a draw is added below', () => {
    const one = drawnIds(exam(blueprint('autumn')));
    const more = drawnIds(
      exam(`${blueprint('autumn')}  - title: Explain
    draw:
      - { from: ../python.md, types: [explain], count: 1 }
`),
    );
    expect(more[0]).toEqual(one[0]);
    expect(PYTHON_DECK).toContain('Explain idea');
  });
});
