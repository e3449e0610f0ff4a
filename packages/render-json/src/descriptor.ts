import { defineRenderer, IMAGE_MEDIA_TYPES, ITEM_TYPES, RICH_NODE_TYPES } from '@quizmark/model';
import { z } from 'zod';

export const JsonOptionsSchema = z.strictObject({});

export type JsonOptions = z.infer<typeof JsonOptionsSchema>;

/** The `json` output: per deck `<name>.json`, valid against `quizmark schema`. */
export const jsonDescriptor = defineRenderer({
  format: 'json',
  summary: 'the question model: <deck>.json (JSON Schema: quizmark schema)',
  options: JsonOptionsSchema,
  flags: [],
  // The model itself: nothing is lost, images stay references.
  carries: {
    itemTypes: ITEM_TYPES,
    nodes: RICH_NODE_TYPES,
    images: Object.values(IMAGE_MEDIA_TYPES),
    remoteImages: 'keep',
    glyphs: null,
  },
  rules: {},
  collection: false,
  load: async () => (await import('./render-json.js')).jsonRenderer,
});
