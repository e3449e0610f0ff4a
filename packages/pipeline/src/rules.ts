import type { RuleTable } from '@quizmark/model';

/**
 * Problems the pipeline reports: images and other assets a deck refers to,
 * what an output cannot carry, and what it does not write for an exam. Joined with the parser's and every
 * renderer's rules into one registry (rule-registry.ts).
 */
export const PIPELINE_RULES = {
  'image-not-found': {
    severity: 'error',
    description: 'A local image the deck refers to does not exist.',
    example: '![Diagram](images/missing.png)',
  },
  'image-outside-root': {
    severity: 'error',
    description:
      'A local image is an absolute path, or leads outside the content folder (`../`, or a symlink); it is never read.',
    example: '![Secret](../../etc/passwd.png)',
  },
  'image-unsupported': {
    severity: 'error',
    description:
      'A local image is not a PNG, JPEG, GIF, WebP or SVG file, or not a regular file of at most 10 MB.',
    example: '![Slides](deck.pptx)',
  },
  'image-unreadable': {
    severity: 'error',
    description:
      'A local image is damaged or cut short (bad checksum, broken compressed data, missing end), so no output could show it.',
    example: '![Chart](chart.png) where chart.png stopped downloading half-way',
  },
  'image-too-large': {
    severity: 'error',
    description:
      'A local image has more than 50 megapixels (16-bit colour counts up to twice): decoding it for the PDF would take gigabytes.',
    example: '![Map](map.png) where map.png is 20000 × 20000 pixels',
  },
  'output-item-type': {
    severity: 'warning',
    description:
      'An output format cannot hold an item of this type; the item is left out of that output.',
    example: 'an item type that a format has no way to ask',
  },
  'output-node-type': {
    severity: 'warning',
    description:
      'An output format cannot show this kind of rich text (a table, say); it is shown as plain text there.',
    example: 'a construct that a format has no way to draw',
  },
  'output-image-type': {
    severity: 'warning',
    description:
      'An output format cannot draw this kind of image (an SVG, GIF or WebP in the PDF); it shows a labelled box with the alt text instead.',
    example: '![Circuit](images/circuit.svg) in a deck built with --format pdf',
  },
  'output-remote-image': {
    severity: 'warning',
    description:
      'A remote image is never fetched: the HTML and Anki outputs show a link to it, the PDF a labelled box with the alt text.',
    example: '![Logo](https://example.com/logo.png)',
  },
  'output-nothing-to-write': {
    severity: 'error',
    description:
      'An output skipped every deck of the build (a PDF selection that matches no question in any deck), so it would write nothing.',
    example: 'quizmark build decks --out dist --format pdf --tag no-such-tag',
  },
  'output-missing-glyph': {
    severity: 'warning',
    description:
      "The fonts an output embeds have no glyph for some characters (Japanese in the PDF's DejaVu fonts, say); they print as empty boxes.",
    example: '### 日本語の質問 in a deck built with --format pdf',
  },
  'output-name-too-long': {
    severity: 'error',
    description:
      "A deck's file name (the name of its outputs) is longer than 200 bytes, or its path below the content folder longer than 1024: the outputs could not be written.",
    example: 'a deck file named with 240 characters',
  },
  'exam-no-anki': {
    severity: 'warning',
    description:
      "An exam is built with the Anki output: no Anki files are written for it, since its questions share their Anki notes with the decks they come from and importing the exam would move or merge a learner's notes.",
    example: 'quizmark build midterm.exam.yaml --out dist --format anki',
  },
} as const satisfies RuleTable;
