import { z } from 'zod';
import { clozeBlanks } from './cloze-blanks.js';
import { RichTextSchema } from './rich-text.js';
import { SCHEMA_VERSION } from './schema-version.js';

/** Ids are slugs: lower-case letters, digits and single hyphens. */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lower-case letters, digits and hyphens');

export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export const ITEM_TYPES = [
  'flashcard',
  'choice',
  'explain',
  'truefalse',
  'numeric',
  'short',
  'cloze',
  'matching',
  'ordering',
] as const;

/** How a printed exam leaves room for an answer (`answer=`). */
export const ANSWER_STYLES = ['lines', 'box', 'grid'] as const;
/** How a question with several parts scores (`scoring=`): all or nothing, or partial credit. */
export const SCORING_RULES = ['all', 'partial'] as const;

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

/**
 * Room left for the answer in print, as the author asked for it (`lines=`,
 * `space=`, `answer=` on the item, its section or the frontmatter). At most
 * one of `lines` and `height` is set; all null leaves it to the output.
 */
export const AnswerSpaceSchema = z
  .object({
    /** Ruled lines to write on (`lines=4`); 0 for no space at all; null when not set. */
    lines: z.number().int().min(0).nullable(),
    /** Height of the space in millimetres (`space=4cm`); null when not set. */
    height: z.number().positive().nullable(),
    /** Ruled lines, a blank box or a squared grid; null for the output's default (lines). */
    style: z.enum(ANSWER_STYLES).nullable(),
  })
  .meta({ id: 'AnswerSpace' });

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
  /** What the question is worth (`points=2`, from the item, its section or the frontmatter); null when not given. */
  points: z.number().min(0).nullable(),
  /** How a question with several parts is scored; null for the output's default (all or nothing). */
  scoring: z.enum(SCORING_RULES).nullable(),
  answerSpace: AnswerSpaceSchema,
  /** Start this question on a new page in print (`break=page`). */
  pageBreak: z.boolean(),
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
    /** Shown to a learner who picked this option ("why this distractor is wrong"); null when none was written. */
    feedback: RichTextSchema.nullable(),
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

export const TrueFalseSchema = z
  .object({
    type: z.literal('truefalse'),
    ...itemBase,
    /** The statement to judge: heading first, then any context. */
    stem: RichTextSchema,
    answer: z.boolean(),
    /** Shown to a learner who answered True; null when none was written. */
    trueFeedback: RichTextSchema.nullable(),
    /** Shown to a learner who answered False; null when none was written. */
    falseFeedback: RichTextSchema.nullable(),
  })
  .meta({ id: 'TrueFalse' });

/** How a numeric answer says what it accepts. */
export const NUMERIC_KINDS = ['exact', 'absolute', 'percent', 'range'] as const;

export const NumericAnswerSchema = z
  .object({
    /** The answer as the author wrote it ("9 ± 2% J"), for keys and feedback. */
    text: z.string().min(1),
    /** exact: `9.81`; absolute: `9.81 ± 0.05`; percent: `9 ± 2%`; range: `9.7 .. 9.9`. */
    kind: z.enum(NUMERIC_KINDS),
    /** The stated value; the middle of a range. */
    value: z.number(),
    /** As written: the ± amount (absolute) or the percentage (percent); half the width of a range; 0 when exact. */
    tolerance: z.number().min(0),
    /** The accepted interval, inclusive, in the answer's unit. */
    min: z.number(),
    max: z.number(),
    /** The unit written after the number ("J", "m/s²"); null when none. */
    unit: z.string().min(1).nullable(),
  })
  .meta({ id: 'NumericAnswer' })
  .refine((answer) => answer.min <= answer.max, {
    message: 'a numeric answer needs min <= max',
    path: ['min'],
  });

export const NumericSchema = z
  .object({
    type: z.literal('numeric'),
    ...itemBase,
    stem: RichTextSchema,
    answer: NumericAnswerSchema,
  })
  .meta({ id: 'Numeric' });

export const ShortAnswerSchema = z
  .object({
    type: z.literal('short'),
    ...itemBase,
    stem: RichTextSchema,
    /** Every accepted answer, as written (plain text), in author order; the first is the one keys show. */
    answers: z.array(z.string().min(1)).min(1),
    /** False (the default): case and runs of white space do not matter when grading. */
    caseSensitive: z.boolean(),
  })
  .meta({ id: 'ShortAnswer' });

export const ClozeSchema = z
  .object({
    type: z.literal('cloze'),
    ...itemBase,
    /** The text with its blanks as `cloze` inline nodes; `clozeBlanks` lists them. */
    text: RichTextSchema,
  })
  .meta({ id: 'Cloze' })
  .refine((item) => clozeBlanks(item.text).length > 0, {
    message: 'a cloze needs at least one blank',
    path: ['text'],
  });

export const MatchPairSchema = z
  .object({ left: RichTextSchema, right: RichTextSchema })
  .meta({ id: 'MatchPair' });

export const MatchingSchema = z
  .object({
    type: z.literal('matching'),
    ...itemBase,
    stem: RichTextSchema,
    /** The correct pairs, in author order; outputs shuffle the right-hand side. */
    pairs: z.array(MatchPairSchema).min(2),
    /** Extra right-hand entries that match nothing (`- → watt`). */
    distractors: z.array(RichTextSchema),
  })
  .meta({ id: 'Matching' });

export const OrderingSchema = z
  .object({
    type: z.literal('ordering'),
    ...itemBase,
    stem: RichTextSchema,
    /** The entries in their correct order; outputs shuffle them. */
    sequence: z.array(RichTextSchema).min(2),
  })
  .meta({ id: 'Ordering' });

export const ItemSchema = z.discriminatedUnion('type', [
  FlashcardSchema,
  ChoiceSchema,
  ExplainSchema,
  TrueFalseSchema,
  NumericSchema,
  ShortAnswerSchema,
  ClozeSchema,
  MatchingSchema,
  OrderingSchema,
]);

export const SectionSchema = z
  .object({
    id: IdSchema,
    title: z.string().min(1),
    description: RichTextSchema.nullable(),
    /** Start this section on a new page in print (`break=page`); sections otherwise flow on. */
    pageBreak: z.boolean(),
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
    /** The fields a printed exam's cover asks students to fill in ("Name", "Class"); null for the output's default. */
    fields: z.array(z.string().min(1)).nullable(),
    sections: z.array(SectionSchema),
  })
  .meta({ id: 'Deck', title: 'quizmark deck' });

export type Level = z.infer<typeof LevelSchema>;
export type Difficulty = z.infer<typeof DifficultySchema>;
export type Step = z.infer<typeof StepSchema>;
export type AnswerSpace = z.infer<typeof AnswerSpaceSchema>;
export type AnswerStyle = (typeof ANSWER_STYLES)[number];
export type ScoringRule = (typeof SCORING_RULES)[number];
export type Flashcard = z.infer<typeof FlashcardSchema>;
export type Option = z.infer<typeof OptionSchema>;
export type Choice = z.infer<typeof ChoiceSchema>;
export type Explain = z.infer<typeof ExplainSchema>;
export type TrueFalse = z.infer<typeof TrueFalseSchema>;
export type NumericKind = (typeof NUMERIC_KINDS)[number];
export type NumericAnswer = z.infer<typeof NumericAnswerSchema>;
export type Numeric = z.infer<typeof NumericSchema>;
export type ShortAnswer = z.infer<typeof ShortAnswerSchema>;
export type Cloze = z.infer<typeof ClozeSchema>;
export type MatchPair = z.infer<typeof MatchPairSchema>;
export type Matching = z.infer<typeof MatchingSchema>;
export type Ordering = z.infer<typeof OrderingSchema>;
export type Item = z.infer<typeof ItemSchema>;
export type ItemType = Item['type'];
export type Section = z.infer<typeof SectionSchema>;
export type Deck = z.infer<typeof DeckSchema>;
