import { readFileSync } from 'node:fs';
import { DeckSchema } from '@quizmark/model';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildExam, examJsonSchema } from '../src/index.js';

const shipped = JSON.parse(
  readFileSync(new URL('../schema/exam.schema.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const guide = readFileSync(new URL('../../../docs/exams.md', import.meta.url), 'utf8');
/** The guide's example: its first YAML block. */
const example = /```yaml\n([\s\S]*?)```/.exec(guide)![1]!;
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(shipped);

describe('the exam JSON Schema', () => {
  it('should ship the schema the zod schema generates', () => {
    // If this fails, run `pnpm --filter @quizmark/blueprint schema` and commit the result.
    expect(shipped).toEqual(examJsonSchema());
  });

  it("should accept the guide's example", () => {
    expect(validate(parse(example)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('should refuse what the blueprint refuses', () => {
    const changes: Array<[string, string]> = [
      ['versions: 3', 'versions: thirty'],
      ['versions: 3', 'versions: 27'],
      ['versions: 3', 'versoins: 3'],
      ['title: MLOps and Git midterm\n', ''],
      ['mix: { easy: 2, medium: 1, hard: 1 }', 'count: 2\n        mix: { easy: 1 }'],
      ['        mix: { easy: 2, medium: 1, hard: 1 }\n', ''],
      ['types: [choice]', 'types: [choise]'],
    ];
    for (const [from, to] of changes) {
      expect(example).toContain(from);
      expect(validate(parse(example.replace(from, to))), `${from} → ${to}`).toBe(false);
    }
  });

  it("should build the guide's example from the shipped decks", () => {
    const content = new URL('../../../content/', import.meta.url);
    const result = buildExam({
      file: 'content/exams/midterm.exam.yaml',
      text: example,
      // The example sits in content/exams/: `../mlops.md` is content/mlops.md.
      readDeck: (path) => ({
        file: `content/${path.replace(/^\.\.\//, '')}`,
        bytes: readFileSync(new URL(path.replace(/^\.\.\//, ''), content)),
      }),
    });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const deck = DeckSchema.parse(result.deck);
    // As the guide says: 7 choice questions worth 2, 4 calculations worth 1, 3 prompts worth 5.
    expect(deck.sections.map((s) => s.items.map((item) => item.points))).toEqual([
      [2, 2, 2, 2, 2, 2, 2],
      [1, 1, 1, 1],
      [5, 5, 5],
    ]);
    expect(deck.sections.map((s) => s.pageBreak)).toEqual([false, false, true]);
    expect(deck.fields).toEqual(['Name', 'Class', 'Date', 'Student number']);
    expect(result.formatOptions).toEqual({
      // The study page's Test mode takes every question of the exam.
      html: { testLength: result.deck!.sections.flatMap((s) => s.items).length },
      pdf: { seed: 'autumn-2026', versions: 3, answerSheet: true },
    });
    // physics.md's net-force question shows images/forces-on-a-box.svg: from content/exams/ it is one folder up.
    const drawnIds = deck.sections.flatMap((s) => s.items.map((item) => item.id));
    expect(result.images.map((image) => image.url)).toEqual(
      drawnIds.includes('net-force') ? ['../images/forces-on-a-box.svg'] : [],
    );
  });
});
