import { defineRenderer, ITEM_TYPES, RICH_NODE_TYPES } from '@quizmark/model';
import { z } from 'zod';

export const MoodleOptionsSchema = z.strictObject({});

export type MoodleOptions = z.infer<typeof MoodleOptionsSchema>;

/** The `moodle` output: per deck `<name>.moodle.xml`. An LMS format: `--format lms` builds it, `all` does not. */
export const moodleDescriptor = defineRenderer({
  format: 'moodle',
  family: 'lms',
  summary: 'Moodle XML question bank: <deck>.moodle.xml',
  options: MoodleOptionsSchema,
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
  load: async () => (await import('./moodle-renderer.js')).moodleRenderer,
});
