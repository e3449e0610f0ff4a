import { defineRenderer, IMAGE_MEDIA_TYPES, ITEM_TYPES, RICH_NODE_TYPES } from '@quizmark/model';
import { z } from 'zod';

export const AnkiOptionsSchema = z.strictObject({
  /** Also write the Anki text import (`<name>.anki.txt` and its media folder). Default true. */
  text: z.boolean({ error: 'true or false' }).optional(),
});

export type AnkiOptions = z.infer<typeof AnkiOptionsSchema>;

/**
 * The `anki` output: per deck `<name>.apkg`, and unless `text: false`,
 * `<name>.anki.txt` with its images in `<name>.anki-media/`. SQLite (sql.js)
 * loads only when a package is rendered.
 */
export const ankiDescriptor = defineRenderer({
  format: 'anki',
  summary: 'Anki package and text import: <deck>.apkg, <deck>.anki.txt',
  options: AnkiOptionsSchema,
  flags: [
    {
      name: 'no-anki-text',
      option: 'text',
      kind: 'negated',
      help: 'do not write the Anki text import (<deck>.anki.txt)',
    },
  ],
  carries: {
    itemTypes: ITEM_TYPES,
    nodes: RICH_NODE_TYPES,
    images: Object.values(IMAGE_MEDIA_TYPES),
    // Cards never load from the network (a synced collection would leak reviews): a link instead.
    remoteImages: 'link',
    glyphs: null,
  },
  rules: {},
  collection: false,
  load: async () => (await import('./anki-renderer.js')).ankiRenderer,
});
