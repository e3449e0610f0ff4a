import { defineRenderer, IMAGE_MEDIA_TYPES, ITEM_TYPES, RICH_NODE_TYPES } from '@quizmark/model';
import { z } from 'zod';

export const QtiOptionsSchema = z.strictObject({
  /** Let the player shuffle the items of each section; pinned items keep their place. */
  shuffleItems: z.boolean({ error: 'true or false' }).optional(),
  /** Draw this many items per section; pinned items are always drawn. */
  select: z.int({ error: 'a whole number' }).min(1, 'at least 1').optional(),
});

export type QtiOptions = z.infer<typeof QtiOptionsSchema>;

/** QTI 2.1's XHTML has no strikethrough (no `del`, no `style`): the pipeline warns. */
const LOST_NODES = new Set(['delete']);

/** The `qti` output: per deck `<name>.qti.zip`. An LMS format: `--format lms` builds it, `all` does not. */
export const qtiDescriptor = defineRenderer({
  format: 'qti',
  family: 'lms',
  summary: 'QTI 2.1 content package for LMS import: <deck>.qti.zip',
  options: QtiOptionsSchema,
  flags: [
    {
      name: 'qti-shuffle-items',
      option: 'shuffleItems',
      kind: 'switch',
      help: 'let the LMS shuffle the items of each section (pinned items stay in place)',
    },
    {
      name: 'qti-select',
      option: 'select',
      kind: 'integer',
      value: '<n>',
      help: 'let the LMS draw n items per section (pinned items are always drawn)',
    },
  ],
  carries: {
    itemTypes: ITEM_TYPES,
    nodes: RICH_NODE_TYPES.filter((type) => !LOST_NODES.has(type)),
    images: Object.values(IMAGE_MEDIA_TYPES),
    // Never fetched: a link with the alt text.
    remoteImages: 'link',
    glyphs: null,
  },
  rules: {
    'qti-select-larger-than-section': {
      severity: 'warning',
      description:
        '`--qti-select n` asks the LMS to draw n items from each section, and this section has fewer: the test draws all of its items, so learners get fewer questions from it than from the others.',
      example: '`quizmark build quiz.md --format qti --qti-select 5`, with a section of 3 items',
    },
    'qti-html-as-text': {
      severity: 'warning',
      description:
        'QTI 2.1 holds only part of HTML. Inline HTML such as `<sub>`, `<sup>`, `<kbd>`, `<b>` and `<i>` is kept (without attributes), and a `<ruby>` reads as its base then its reading in brackets; any other tag is dropped and only its text is kept.',
      example: '`Press <mark>Ctrl</mark>+<kbd>S</kbd> to save.`',
    },
    'qti-math-as-text': {
      severity: 'warning',
      description:
        'QTI 2.1 holds formulas as MathML 2, and this formula needs MathML that version does not have: the QTI output shows its TeX as code instead.',
      example: '`$$\\begin{align}a &= b\\\\ c &= d\\end{align}$$`',
    },
  },
  check: async (input, options) => (await import('./qti-problems.js')).qtiProblems(input, options),
  collection: false,
  load: async () => (await import('./qti-renderer.js')).qtiRenderer,
});
