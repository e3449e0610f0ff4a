import { DIFFICULTIES, IdSchema, ITEM_TYPES, LEVELS } from '@quizmark/model';
import { z } from 'zod';

// The exam file, schema first: the reader validates with it and the JSON
// Schema for editors is generated from it, so the two never disagree.

/** Most versions of one exam: each gets a letter, A to Z. */
export const MAX_VERSIONS = 26;

const Points = z.number().min(0).meta({ description: 'What each question is worth.' });
// Trimmed, as the frontmatter trims its `fields`: `[" Name "]` is `Name`, `[" "]` is refused.
const Names = z.array(z.string().trim().min(1)).min(1);
const Count = z.int().min(0);

export const MixSchema = z
  .strictObject({ easy: Count.optional(), medium: Count.optional(), hard: Count.optional() })
  .meta({ description: 'How many questions of each difficulty to draw.' });

export const DrawSchema = z
  .strictObject({
    from: z
      .string()
      .min(1)
      .meta({ description: 'The deck to draw from, relative to the exam file.' }),
    sections: Names.optional().meta({
      description: 'Only items of these sections (titles or ids).',
    }),
    tags: Names.optional().meta({ description: 'Only items with any of these tags.' }),
    types: z
      .array(z.enum(ITEM_TYPES))
      .min(1)
      .optional()
      .meta({ description: 'Only items of these types.' }),
    levels: z
      .array(z.enum(LEVELS))
      .min(1)
      .optional()
      .meta({ description: 'Only items of these levels.' }),
    mix: MixSchema.optional(),
    count: z
      .union([z.int().min(1), z.literal('all')])
      .optional()
      .meta({ description: 'How many questions of any difficulty, or `all`.' }),
    points: Points.optional(),
  })
  .meta({
    description: 'Questions drawn from one deck: `count` or `mix` says how many.',
    // Refinements do not reach the JSON Schema: say "one of the two" there too.
    oneOf: [{ required: ['count'] }, { required: ['mix'] }],
  });

export const ExamSectionSchema = z.strictObject({
  title: z.string().min(1).meta({ description: 'The section title, printed above its questions.' }),
  description: z.string().optional().meta({ description: 'Markdown printed under the title.' }),
  points: Points.optional(),
  break: z.literal('page').optional().meta({ description: 'Start the section on a new page.' }),
  draw: z
    .array(DrawSchema)
    .min(1)
    .meta({ description: 'Where the questions come from, in order.' }),
});

export const ExamSchema = z
  .strictObject({
    title: z
      .string()
      .min(1)
      .meta({ description: 'The exam title, on the cover and every footer.' }),
    id: IdSchema.optional().meta({ description: 'Default: a slug of the file name.' }),
    instructions: z.string().optional().meta({ description: 'Markdown printed on the cover.' }),
    fields: Names.optional().meta({ description: 'Fields the cover asks students to fill in.' }),
    language: z
      .string()
      .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/)
      .optional()
      .meta({ description: "BCP 47 language tag. Default: the first deck's." }),
    seed: z
      .union([z.string().min(1), z.number()])
      .optional()
      .meta({ description: 'Seeds every draw and the printed versions. Default: the id.' }),
    versions: z
      .int()
      .min(1)
      .max(MAX_VERSIONS)
      .optional()
      .meta({ description: 'How many versions (A, B, …) to print, each with its key. Default 1.' }),
    answerSheet: z
      .boolean()
      .optional()
      .meta({ description: 'Print a separate answer sheet. Default false.' }),
    points: Points.optional().meta({
      description: 'Points of drawn questions that have none of their own.',
    }),
    sections: z
      .array(ExamSectionSchema)
      .min(1)
      .meta({ description: 'The parts of the exam, in order.' }),
  })
  .meta({ id: 'Exam', title: 'quizmark exam blueprint' });

export type ExamBlueprint = z.infer<typeof ExamSchema>;
export type ExamSection = z.infer<typeof ExamSectionSchema>;
export type ExamDraw = z.infer<typeof DrawSchema>;

export const EXAM_SCHEMA_ID = 'https://quizmark.dev/schema/exam.json';

/** The JSON Schema (draft 2020-12) of an exam file, generated from the zod schema. */
export function examJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ExamSchema, { target: 'draft-2020-12', io: 'input' });
  return { ...schema, $id: EXAM_SCHEMA_ID };
}

/**
 * What each key holds, as an error message says it ("expected `versions` to
 * be a whole number from 1 to 26"), by path with `*` for list entries.
 */
export const EXPECTED: Readonly<Record<string, string>> = {
  '': 'a mapping of keys (`title:`, `sections:`, …)',
  title: 'text (the exam title)',
  id: 'lower-case letters, digits and single hyphens (like `mlops-midterm`)',
  instructions: 'Markdown text',
  fields: "a list of the cover's fields (`[Name, Class, Date]`)",
  'fields.*': 'text',
  language: 'a language tag (like `en` or `pt-BR`)',
  seed: 'text or a number',
  versions: `a whole number from 1 to ${MAX_VERSIONS}`,
  answerSheet: 'true or false',
  points: 'a number of points, 0 or more',
  sections: 'a list of sections, at least one (`- title: …`)',
  'sections.*': 'a section with a `title:` and a `draw:` list',
  'sections.*.title': 'text (the section title)',
  'sections.*.description': 'Markdown text',
  'sections.*.points': 'a number of points, 0 or more',
  'sections.*.break': '`page`',
  'sections.*.draw': 'a list of draws, at least one (`- from: deck.md`)',
  'sections.*.draw.*': 'a draw: `from:` a deck, with `count:` or `mix:`',
  'sections.*.draw.*.from': 'the path of a deck, relative to the exam file',
  'sections.*.draw.*.sections': "a list of the deck's section titles or ids (`[Quiz]`)",
  'sections.*.draw.*.sections.*': 'a section title or id',
  'sections.*.draw.*.tags': 'a list of tags (`[loops, lists]`)',
  'sections.*.draw.*.tags.*': 'a tag',
  'sections.*.draw.*.types': `a list of item types (\`[choice, truefalse]\`)`,
  'sections.*.draw.*.types.*': `one of ${ITEM_TYPES.join(', ')}`,
  'sections.*.draw.*.levels': 'a list of levels (`[beginner]`)',
  'sections.*.draw.*.levels.*': `one of ${LEVELS.join(', ')}`,
  'sections.*.draw.*.mix': 'a mapping of difficulties to counts (`{ easy: 2, hard: 1 }`)',
  'sections.*.draw.*.mix.easy': 'a whole number, 0 or more',
  'sections.*.draw.*.mix.medium': 'a whole number, 0 or more',
  'sections.*.draw.*.mix.hard': 'a whole number, 0 or more',
  'sections.*.draw.*.count': 'a whole number, 1 or more, or `all`',
  'sections.*.draw.*.points': 'a number of points, 0 or more',
};

/** The keys each kind of mapping may hold, for did-you-mean on an unknown one. */
export const KEYS = {
  exam: Object.keys(ExamSchema.shape),
  section: Object.keys(ExamSectionSchema.shape),
  draw: Object.keys(DrawSchema.shape),
  mix: [...DIFFICULTIES],
} as const;
