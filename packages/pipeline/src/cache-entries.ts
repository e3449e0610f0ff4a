import {
  DeckSchema,
  type DeckSummary,
  type Diagnostic,
  ITEM_TYPES,
  type ItemType,
} from '@quizmark/model';
import type { ParseResult } from '@quizmark/parser';
import { z } from 'zod';
import type { BuildSnapshot } from './build-snapshot.js';
import type { ParseSummary } from './load-sources.js';
import type { OutputChecks } from './output-checks.js';

// What entries read back from the cache must look like (ContentCache.readJson
// refuses the rest). The types are declared where the entries are made;
// `satisfies` makes a field added there and missing here a compile error.
// A deck is checked by the model's own schema, as the parser checks it.

const count = z.number().int().nonnegative();
const position = { line: count, column: count };

const DiagnosticSchema = z.object({
  file: z.string(),
  ...position,
  endLine: count.nullable(),
  endColumn: count.nullable(),
  severity: z.enum(['error', 'warning']),
  ruleId: z.string().min(1),
  message: z.string(),
  source: z.literal('quizmark'),
}) satisfies z.ZodType<Diagnostic>;

const common = {
  file: z.string(),
  diagnostics: z.array(DiagnosticSchema),
  images: z.array(z.object({ url: z.string(), ...position })),
  itemPositions: z.record(z.string(), z.object(position)),
};

const DeckSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  topic: z.string().nullable(),
  category: z.string().nullable(),
  duration: z.string().nullable(),
  tags: z.array(z.string()),
  language: z.string(),
  counts: z.object({
    ...(Object.fromEntries(ITEM_TYPES.map((type) => [type, count])) as Record<
      ItemType,
      typeof count
    >),
    total: count,
  }),
  sections: z.array(z.object({ id: z.string(), title: z.string(), items: count })),
}) satisfies z.ZodType<DeckSummary>;

/** A `parse` entry: the parser's whole result. */
export const ParseResultSchema = z.object({
  ...common,
  deck: DeckSchema.nullable(),
}) satisfies z.ZodType<ParseResult>;

/** A `summary` entry: the result with the deck's summary in place of the deck, and an exam's options. */
export const ParseSummarySchema = z.object({
  ...common,
  deck: DeckSummarySchema.nullable(),
  formatOptions: z.record(z.string(), z.record(z.string(), z.unknown())),
}) satisfies z.ZodType<ParseSummary>;

const hash = z.string().regex(/^[0-9a-f]{64}$/);

/** A `build` entry: what a whole build wrote, to skip the next one when nothing changed. */
export const BuildSnapshotSchema = z.object({
  outputs: z.array(z.object({ path: z.string().min(1), hash })),
  images: z.array(z.object({ path: z.string(), size: count, mtimeMs: z.number() })),
  diagnostics: z.array(DiagnosticSchema),
}) satisfies z.ZodType<BuildSnapshot>;

/** A `render` entry: the files one deck's output was, by path and hash (the bytes are on disk). */
export const CachedRenderSchema = z.object({
  files: z.array(z.object({ path: z.string().min(1), hash, label: z.string().optional() })),
});

/** A `checks` entry: what one output's checks reported of one deck, and whether it skips it. */
export const OutputChecksSchema = z.object({
  diagnostics: z.array(DiagnosticSchema),
  skip: z.boolean(),
}) satisfies z.ZodType<OutputChecks>;
