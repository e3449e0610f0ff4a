import type { RuleTable } from '@quizmark/model';

/**
 * Problems the pipeline reports: images and other assets a deck refers to,
 * and what an output cannot carry. Joined with the parser's and every
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
  'output-name-too-long': {
    severity: 'error',
    description:
      "A deck's file name (the name of its outputs) is longer than 200 bytes, or its path below the content folder longer than 1024: the outputs could not be written.",
    example: 'a deck file named with 240 characters',
  },
} as const satisfies RuleTable;
