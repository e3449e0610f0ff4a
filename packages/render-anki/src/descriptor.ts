import {
  defineRenderer,
  IMAGE_MEDIA_TYPES,
  ITEM_TYPES,
  type RenderProblem,
  RICH_NODE_TYPES,
  type SourceDates,
} from '@quizmark/model';
import { z } from 'zod';

export const AnkiOptionsSchema = z.strictObject({
  /** Also write the Anki text import (`<name>.anki.txt` and its media folder). Default true. */
  text: z.boolean({ error: 'true or false' }).optional(),
});

export type AnkiOptions = z.infer<typeof AnkiOptionsSchema>;

const day = (seconds: number) =>
  new Date(seconds * 1000).toISOString().replace('T', ' ').slice(0, 16);

function staleDate(dates: SourceDates): RenderProblem {
  return {
    ruleId: 'anki-source-date-before-change',
    item: null,
    message:
      `SOURCE_DATE_EPOCH (${day(dates.sourceDateEpoch)} UTC) is older than this deck's last change: ` +
      'Anki updates a note only from a newer package, so a re-import ' +
      'keeps the old cards. Leave SOURCE_DATE_EPOCH unset, or set it from the last change ' +
      '(SOURCE_DATE_EPOCH=$(git log -1 --format=%ct))',
  };
}

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
  rules: {
    'anki-source-date-before-change': {
      severity: 'warning',
      description:
        "SOURCE_DATE_EPOCH is older than the deck's last change: the notes keep the modification time of an earlier build, so Anki, which updates a note only from a newer package, keeps the old cards when you re-import.",
      example:
        'SOURCE_DATE_EPOCH=1700000000 quizmark build content --format anki, after editing a deck',
    },
  },
  check: async (_input, _options, dates) =>
    dates.sourceDateEpoch < dates.lastChange ? [staleDate(dates)] : [],
  collection: false,
  load: async () => (await import('./anki-renderer.js')).ankiRenderer,
});
