import { defineRenderer, ITEM_TYPES, RICH_NODE_TYPES } from '@quizmark/model';
import { pdfGlyphs } from './font-coverage.js';
import { PdfOptionsSchema } from './options.js';

/**
 * The `pdf` output: per deck `<name>.quiz.pdf` and `<name>.key.pdf`, or a
 * pair per version (`<name>.A.quiz.pdf`…). pdfkit and the fonts load only
 * when a PDF is rendered.
 */
export const pdfDescriptor = defineRenderer({
  format: 'pdf',
  summary: 'printable quiz and answer key: <deck>.quiz.pdf, <deck>.key.pdf',
  options: PdfOptionsSchema,
  flags: [
    {
      name: 'paper',
      option: 'paper',
      kind: 'string',
      value: '<size>',
      help: 'a4 | letter (default: a4)',
    },
    {
      name: 'versions',
      option: 'versions',
      kind: 'integer',
      value: '<n>',
      help: 'write n versions (A, B, …) with shuffled order (default: 1)',
    },
    {
      name: 'seed',
      option: 'seed',
      kind: 'string',
      value: '<text>',
      help: 'seed for shuffling and selection (default: quizmark)',
    },
    {
      name: 'type',
      option: 'select.types',
      kind: 'list',
      value: '<type>',
      help: `only items of this type (${ITEM_TYPES.join(', ')}); repeatable`,
    },
    {
      name: 'tag',
      option: 'select.tags',
      kind: 'list',
      value: '<tag>',
      help: 'only items with this tag; repeatable',
    },
    {
      name: 'level',
      option: 'select.levels',
      kind: 'list',
      value: '<level>',
      help: 'only items of this level; repeatable',
    },
    {
      name: 'difficulty',
      option: 'select.difficulties',
      kind: 'list',
      value: '<d>',
      help: 'only items of this difficulty; repeatable',
    },
    {
      name: 'count',
      option: 'select.count',
      kind: 'integer',
      value: '<n>',
      help: 'pick n items, mixed evenly across difficulties',
    },
    {
      name: 'points',
      option: 'points',
      kind: 'integer',
      value: '<n>',
      help: 'points of a question its deck gives none (default: no points shown)',
    },
    {
      name: 'scoring',
      option: 'scoring',
      kind: 'string',
      value: '<rule>',
      help: 'all | partial: how multiple-answer questions score when the deck does not say (default: all)',
    },
    {
      name: 'instructions',
      option: 'instructions',
      kind: 'string',
      value: '<text>',
      help: 'instructions printed on the first page, before the deck’s own',
    },
    {
      name: 'field',
      option: 'fields',
      kind: 'list',
      value: '<name>',
      help: 'a field on the cover (Name, Class…) when the deck names none; repeatable (default: Name, Date, Score)',
    },
    {
      name: 'answer-sheet',
      option: 'answerSheet',
      kind: 'switch',
      help: 'also write an answer sheet with a bubble row per choice and true/false question (<deck>.sheet.pdf), and a marking overlay in the key',
    },
    {
      name: 'key-context',
      option: 'keyContext',
      kind: 'switch',
      help: 'repeat each question’s code and context in the key',
    },
    {
      name: 'code-style',
      option: 'codeStyle',
      kind: 'string',
      value: '<style>',
      help: 'greyscale | colour: how code prints (default: greyscale)',
    },
  ],
  carries: {
    itemTypes: ITEM_TYPES,
    nodes: RICH_NODE_TYPES,
    // PNG and JPEG embedded, a GIF's first frame, SVG as vectors (image-decode.ts);
    // WebP prints as a labelled box.
    images: ['image/png', 'image/jpeg', 'image/gif', 'image/svg+xml'],
    remoteImages: 'box',
    // DejaVu and the Noto faces characters fall back to (script-faces.ts);
    // worked out when first read, which a build with nothing to do never does.
    get glyphs() {
      return pdfGlyphs();
    },
  },
  rules: {
    'pdf-no-questions': {
      severity: 'error',
      description: 'The deck has no question to print.',
      example: 'a deck whose sections have no `###` items, built with --format pdf',
    },
    'pdf-image-not-drawn': {
      severity: 'warning',
      description:
        'An SVG image holds what the PDF does not draw (a filter, a mask, a script, a CSS rule it cannot match, an external reference), or an SVG or GIF image cannot be drawn at all and prints as a box with its alt text.',
      example: '![Chart](chart.svg) where chart.svg blurs a shadow with <filter>',
    },
    'pdf-no-sheet-questions': {
      severity: 'warning',
      description:
        'The answer sheet (`--answer-sheet`) has a bubble row per choice and true/false question, and the questions printed from this deck have none: no answer sheet (and no marking overlay in the key) is written for it.',
      example:
        'quizmark build flashcards.md --format pdf --answer-sheet, on a deck of flashcards only',
    },
    'pdf-space-too-tall': {
      severity: 'warning',
      description:
        'An answer space (`lines=`, `space=`) is taller than three quarters of a page: it is printed that tall, so that it stays on the page of its question.',
      example: '### Write an essay. {space=30cm}',
    },
    'pdf-no-match': {
      severity: 'warning',
      description:
        'No question of the deck matches the PDF selection (`--type`, `--tag`, `--level`, `--difficulty`): no PDF is written for it, and the build goes on with the other decks.',
      example:
        'quizmark build decks --out dist --format pdf --tag calc, where one deck has no `calc` item',
    },
  },
  collection: false,
  check: async (input, options) => (await import('./pdf-check.js')).pdfProblems(input, options),
  load: async () => (await import('./pdf-renderer.js')).pdfRenderer,
});
