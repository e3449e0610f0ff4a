import { defineRenderer, ITEM_TYPES, RICH_NODE_TYPES } from '@quizmark/model';
import { z } from 'zod';

export const QtiOptionsSchema = z.strictObject({});

export type QtiOptions = z.infer<typeof QtiOptionsSchema>;

/** The `qti` output: per deck `<name>.qti.zip`. An LMS format: `--format lms` builds it, `all` does not. */
export const qtiDescriptor = defineRenderer({
  format: 'qti',
  family: 'lms',
  summary: 'QTI 2.1 content package for LMS import: <deck>.qti.zip',
  options: QtiOptionsSchema,
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
  load: async () => (await import('./qti-renderer.js')).qtiRenderer,
});
