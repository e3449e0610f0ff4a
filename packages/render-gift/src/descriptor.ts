import { defineRenderer, ITEM_TYPES, RICH_NODE_TYPES } from '@quizmark/model';
import { z } from 'zod';
import { GIFT_RULES } from './gift-rules.js';

export const GiftOptionsSchema = z.strictObject({});

export type GiftOptions = z.infer<typeof GiftOptionsSchema>;

/** The `gift` output: per deck `<name>.gift`. An LMS format: `--format lms` builds it, `all` does not. */
export const giftDescriptor = defineRenderer({
  format: 'gift',
  family: 'lms',
  summary: 'GIFT questions for Moodle: <deck>.gift',
  options: GiftOptionsSchema,
  flags: [],
  carries: {
    // GIFT has no ordering question.
    itemTypes: ITEM_TYPES.filter((type) => type !== 'ordering'),
    // Rich text goes as HTML, which holds every node type.
    nodes: RICH_NODE_TYPES,
    // A GIFT file is text only: images show their alt text, remote ones a link.
    images: [],
    remoteImages: 'link',
    glyphs: null,
  },
  rules: GIFT_RULES,
  check: async (input) => (await import('./gift-check.js')).giftProblems(input),
  collection: false,
  load: async () => (await import('./gift-renderer.js')).giftRenderer,
});
