import { z } from 'zod';
import { RichTextSchema } from './rich-text.js';
import { SCHEMA_VERSION } from './schema-version.js';

/** Ids are slugs: lower-case letters, digits and single hyphens. */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lower-case letters, digits and hyphens');

export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export const ITEM_TYPES = ['flashcard', 'choice', 'explain'] as const;

export const LevelSchema = z.enum(LEVELS);
export const DifficultySchema = z.enum(DIFFICULTIES);
export const TagSchema = z.string().min(1);

export const StepSchema = z
  .object({
    /** Short step title ("Check the accuracy condition"); null when the step has none. */
    title: z.string().nullable(),
    body: RichTextSchema,
  })
  .meta({ id: 'Step' });

/** Parts every item may carry, whatever its type. */
const itemBase = {
  id: IdSchema,
  /** The heading text as plain text: what lists, indexes and sort fields show. */
  title: z.string().min(1),
  tags: z.array(TagSchema),
  level: LevelSchema.nullable(),
  difficulty: DifficultySchema.nullable(),
  hint: RichTextSchema.nullable(),
  steps: z.array(StepSchema),
  quickCheck: RichTextSchema.nullable(),
  mistakes: z.array(RichTextSchema),
  explanation: RichTextSchema.nullable(),
  /** Keep this item at its position when a renderer shuffles question order. */
  pinned: z.boolean(),
};

export const FlashcardSchema = z
  .object({
    type: z.literal('flashcard'),
    ...itemBase,
    front: RichTextSchema,
    back: RichTextSchema,
  })
  .meta({ id: 'Flashcard' });

export const OptionSchema = z
  .object({
    /** Stable key of the option in author order: a, b, c… Letters shown to users may differ after shuffling. */
    key: z.string().regex(/^[a-z]+$/),
    text: RichTextSchema,
    correct: z.boolean(),
    /** Keep this option at its position when options are shuffled ("All of the above"). */
    pinned: z.boolean(),
  })
  .meta({ id: 'Option' });

export const ChoiceSchema = z
  .object({
    type: z.literal('choice'),
    ...itemBase,
    /** The question: heading first, then any context (code, paragraphs) before the options. */
    stem: RichTextSchema,
    options: z.array(OptionSchema).min(2),
    /** True when the learner must select all that apply. */
    multiple: z.boolean(),
    /** False when option order is meaningful and must never be shuffled. */
    shuffle: z.boolean(),
  })
  .meta({ id: 'Choice' })
  .superRefine((item, ctx) => {
    const correct = item.options.filter((option) => option.correct).length;
    if (correct === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'a choice needs a correct option',
      });
    } else if (!item.multiple && correct > 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'a single-answer choice has exactly one correct option',
      });
    }
  });

export const ExplainSchema = z
  .object({
    type: z.literal('explain'),
    ...itemBase,
    /** The prompt: heading first, then any body text before the parts. */
    prompt: RichTextSchema,
    /** The key points a good answer names ("You got N/M concepts"). */
    concepts: z.array(RichTextSchema).min(1),
  })
  .meta({ id: 'Explain' });

export const ItemSchema = z.discriminatedUnion('type', [
  FlashcardSchema,
  ChoiceSchema,
  ExplainSchema,
]);

export const SectionSchema = z
  .object({
    id: IdSchema,
    title: z.string().min(1),
    description: RichTextSchema.nullable(),
    items: z.array(ItemSchema),
  })
  .meta({ id: 'Section' });

export const DeckSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    id: IdSchema,
    title: z.string().min(1),
    topic: z.string().nullable(),
    category: z.string().nullable(),
    /** As the author wrote it ("5 min"). */
    duration: z.string().nullable(),
    tags: z.array(TagSchema),
    /** BCP 47 language tag of the content. */
    language: z.string().regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/),
    description: RichTextSchema.nullable(),
    /** What a teacher puts on a handout, as written in the frontmatter. */
    author: z.string().nullable(),
    course: z.string().nullable(),
    /** As the author wrote it ("2024-09-01", "Autumn term"). */
    date: z.string().nullable(),
    version: z.string().nullable(),
    /** Printed at the top of the quiz, under the title. */
    instructions: RichTextSchema.nullable(),
    sections: z.array(SectionSchema),
  })
  .meta({ id: 'Deck', title: 'quizmark deck' });

export type Level = z.infer<typeof LevelSchema>;
export type Difficulty = z.infer<typeof DifficultySchema>;
export type Step = z.infer<typeof StepSchema>;
export type Flashcard = z.infer<typeof FlashcardSchema>;
export type Option = z.infer<typeof OptionSchema>;
export type Choice = z.infer<typeof ChoiceSchema>;
export type Explain = z.infer<typeof ExplainSchema>;
export type Item = z.infer<typeof ItemSchema>;
export type ItemType = Item['type'];
export type Section = z.infer<typeof SectionSchema>;
export type Deck = z.infer<typeof DeckSchema>;
