import { defineRenderer, ITEM_TYPES, RICH_NODE_TYPES } from '@quizmark/model';
import { z } from 'zod';

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
    itemTypes: ITEM_TYPES,
    nodes: RICH_NODE_TYPES,
    images: [],
    remoteImages: 'link',
    glyphs: null,
  },
  rules: {},
  collection: false,
  load: async () => (await import('./gift-renderer.js')).giftRenderer,
});
