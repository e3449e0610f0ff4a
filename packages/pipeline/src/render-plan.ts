import type { DeckOutput, Diagnostic, RenderedFile } from '@quizmark/model';
import type { z } from 'zod';
import { type ContentCache, sha256 } from './cache.js';
import { CachedRenderSchema, OutputChecksSchema } from './cache-entries.js';
import { writesFor } from './exam-outputs.js';
import { toolFingerprint } from './fingerprint.js';
import type { ResolvedOptions } from './format-options.js';
import type { LoadedDeck } from './load-decks.js';
import type { Source } from './load-sources.js';
import { type DeckPlaces, type OutputChecks, outputDiagnostics } from './output-checks.js';
import { isUnchanged, type OutputManifest } from './output-manifest.js';
import type { OutputStaging } from './output-staging.js';
import { type HeldInput, unpackInput } from './packed.js';
import type { PoolProvider } from './pool-provider.js';
import type { ProgressEvent } from './progress-event.js';
import { DEFAULT_REGISTRY, type RendererRegistry } from './renderers.js';
import { PIPELINE_RULES } from './rules.js';

/** One output file of the build. */
export interface PlannedFile {
  path: string;
  hash: string;
  /** Staged now, to be put in place when the build commits; false: the file on disk already holds it. */
  staged: boolean;
  /** The deck's output name; null for files about every deck (the HTML index). */
  deck: string | null;
  format: string;
  /** RenderedFile.label: how an index lists the file; none for files it does not list. */
  label?: string;
}

type CachedRender = z.infer<typeof CachedRenderSchema>;

export interface OutputContext {
  registry: RendererRegistry;
  /** Decks free of parse errors, in build order. */
  decks: readonly LoadedDeck[];
  /** A deck ready to render, loaded on demand: unchanged decks are never loaded. */
  loadInput: (index: number) => Promise<HeldInput>;
  /** Drops what loadInput keeps of a deck (this build's parse result), once it is rendered. */
  releaseInput?: (index: number) => void;
  /** Where each deck's parts are in its source, to place what an output reports. */
  places: (index: number) => DeckPlaces;
  sources: readonly Source[];
  /** Source date of each deck, and the newest of them (for files about every deck). */
  epochs: readonly number[];
  formats: readonly string[];
  options: ResolvedOptions;
  /** Each deck's options: the build's, or an exam's own over them (exam-outputs.ts). */
  deckOptions: readonly ResolvedOptions[];
  /** Fingerprints of the files the options name (custom templates), by format. */
  inputs: ReadonlyMap<string, string>;
  cache: ContentCache | null;
}

export interface RenderContext extends OutputContext {
  epoch: number;
  pools: PoolProvider;
  manifest: OutputManifest;
  outDir: string;
  /** Where each rendered file goes as soon as it is made, so that none is held in memory. */
  staging: OutputStaging;
  onProgress?: (event: ProgressEvent) => void;
}

/** One deck in one format: what decides its output, and so its cache key. */
export interface OutputJob {
  index: number;
  name: string;
  format: string;
  options: unknown;
  key: string;
  epoch: number;
}

/** Every deck in every format, each with the key of everything that determines its output. */
export function outputJobs(context: OutputContext): OutputJob[] {
  const fingerprint = toolFingerprint();
  // Decks with errors have no outputs (a build with one stops before rendering).
  return context.decks.flatMap((deck, index) =>
    (deck.summary === null ? [] : context.formats.filter((format) => writesFor(deck, format))).map(
      (format) => {
        const options = context.deckOptions[index]!.get(format);
        const assetHashes = [...deck.assets.values()]
          .map((asset) => `${asset.url}=${sha256(asset.bytes)}`)
          .sort();
        const key = sha256(
          fingerprint,
          'render',
          format,
          JSON.stringify(options),
          context.inputs.get(format) ?? '',
          String(context.epochs[index]),
          context.sources[index]!.key,
          deck.file.name,
          ...assetHashes,
        );
        return { index, name: deck.file.name, format, options, key, epoch: context.epochs[index]! };
      },
    ),
  );
}

/**
 * What each output would refuse or lose of each deck (outputDiagnostics),
 * cached under the output's key, so that `quizmark check` and every build
 * run the same checks and an unchanged deck is not loaded to repeat them.
 */
export async function checkOutputs(
  context: OutputContext,
  jobs: readonly OutputJob[],
  input: (index: number) => Promise<HeldInput>,
): Promise<{ diagnostics: Diagnostic[]; jobs: OutputJob[] }> {
  const found: OutputChecks[] = [];
  const uncached = new Map<number, number[]>();
  for (const [at, job] of jobs.entries()) {
    const cached = context.cache?.readJson('checks', job.key, OutputChecksSchema);
    if (cached) found[at] = cached;
    else {
      const ofDeck = uncached.get(job.index) ?? [];
      ofDeck.push(at);
      uncached.set(job.index, ofDeck);
    }
  }
  // One deck unpacked at a time, for all its outputs: a large build never
  // holds every deck as objects.
  for (const [index, ats] of uncached) {
    const deck = unpackInput(await input(index));
    for (const at of ats) {
      const job = jobs[at]!;
      const checks = await outputDiagnostics(
        context.registry.get(job.format),
        deck,
        job.options,
        context.places(job.index),
        { sourceDateEpoch: job.epoch, lastChange: context.decks[job.index]!.mtime },
      );
      context.cache?.writeJson('checks', job.key, checks);
      found[at] = checks;
    }
  }
  const diagnostics = found.flatMap((checks) => checks.diagnostics);
  // An output may skip a deck (nothing selected); it must make something.
  for (const format of context.formats) {
    const ofFormat = jobs.flatMap((job, index) => (job.format === format ? [index] : []));
    if (ofFormat.length === 0 || !ofFormat.every((index) => found[index]!.skip)) continue;
    const first = jobs[ofFormat[0]!]!;
    diagnostics.push({
      file: context.places(first.index).file,
      line: 1,
      column: 1,
      endLine: null,
      endColumn: null,
      severity: PIPELINE_RULES['output-nothing-to-write'].severity,
      ruleId: 'output-nothing-to-write',
      message: `the ${format} output has nothing to write: it skipped ${ofFormat.length === 1 ? 'the deck' : `all ${ofFormat.length} decks`} (see the warnings)`,
      source: 'quizmark',
    });
  }
  return { diagnostics, jobs: jobs.filter((_, index) => !found[index]!.skip) };
}

/** A deck's full model by index, loaded once however many outputs ask for it. */
export interface DeckLoader {
  (index: number): Promise<HeldInput>;
  /** Lets the deck's model go once nothing more will render it (loaded again if asked). */
  release(index: number): void;
}

/** Loads each deck once, however many outputs ask for it, until it is released. */
export function deckLoader(context: OutputContext): DeckLoader {
  const loading = new Map<number, Promise<HeldInput>>();
  const load = (index: number) => {
    let promise = loading.get(index);
    if (!promise) {
      promise = context.loadInput(index);
      loading.set(index, promise);
    }
    return promise;
  };
  return Object.assign(load, {
    release(index: number) {
      loading.delete(index);
      context.releaseInput?.(index);
    },
  });
}

/**
 * Plans every output file of a build: one render per deck and format, taken
 * from the cache when everything that determines it is unchanged, rendered
 * otherwise (on worker threads when there are many); then the files about
 * every deck (an HTML index). The decks passed the output checks.
 */
export async function planOutputs(
  context: RenderContext,
  jobs: readonly OutputJob[],
  input: DeckLoader,
): Promise<{ files: PlannedFile[]; rendered: string[] }> {
  const { cache, manifest, outDir, registry } = context;
  const planned = jobs.map((job) => fromCache(cache, job, manifest, outDir));
  const misses = jobs.filter((_, index) => planned[index] === null);
  // Each deck's model is let go once its last output is rendered, so that a
  // large build holds the decks under way, not all of them.
  const left = new Map<number, number>();
  for (const job of misses) left.set(job.index, (left.get(job.index) ?? 0) + 1);
  for (let index = 0; index < context.decks.length; index++)
    if (!left.has(index)) input.release(index);
  // Worker threads render with the shipped registry; other renderers run here.
  const pool = context.pools.for(registry === DEFAULT_REGISTRY ? misses.length : 0);
  let done = jobs.length - misses.length;
  context.onProgress?.({ stage: 'render', done, total: jobs.length });
  const rendered = new Set<string>();
  await Promise.all(
    jobs.map(async (job, index) => {
      if (planned[index] !== null) return;
      const deck = await input(job.index);
      const output =
        registry === DEFAULT_REGISTRY
          ? await pool.run({
              kind: 'render',
              format: job.format,
              input: deck,
              options: job.options,
              sourceDateEpoch: job.epoch,
            } as const)
          : await (await registry.load(job.format)).render({
              decks: [unpackInput(deck)],
              options: job.options,
              sourceDateEpoch: job.epoch,
            });
      const files = output.map((file) => ({
        path: file.path,
        hash: sha256(file.bytes),
        ...(file.label === undefined ? {} : { label: file.label }),
      }));
      cache?.writeJson('render', job.key, { files } satisfies CachedRender);
      planned[index] = files.map((file, at) => plannedFile(file, output[at]!.bytes, job, context));
      rendered.add(job.name);
      const others = left.get(job.index)! - 1;
      left.set(job.index, others);
      if (others === 0) input.release(job.index);
      context.onProgress?.({ stage: 'render', done: ++done, total: jobs.length });
    }),
  );
  const deckFiles = planned.flatMap((files) => files!);
  const files = [...deckFiles, ...(await collectionFiles(context, deckFiles))];
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.path))
      throw new Error(`two outputs of this build are both named ${JSON.stringify(file.path)}`);
    seen.add(file.path);
  }
  return { files, rendered: [...rendered].sort() };
}

/** The file as planned, staged unless the manifest vouches that the file on disk holds it. */
function plannedFile(
  file: { path: string; hash: string; label?: string },
  bytes: Uint8Array,
  job: { name: string | null; format: string },
  context: RenderContext,
): PlannedFile {
  const unchanged = isUnchanged(context.manifest, context.outDir, file.path, file.hash);
  const staged = !unchanged && context.staging.stage(file.path, bytes);
  return { ...file, staged, deck: job.name, format: job.format };
}

/**
 * The files of a cached render when all of them are still on disk as
 * written; null otherwise, and the deck is rendered again. (Output bytes are
 * not kept in the cache: that would double what a cold build writes.)
 */
function fromCache(
  cache: ContentCache | null,
  job: OutputJob,
  manifest: OutputManifest,
  outDir: string,
): PlannedFile[] | null {
  const known = cache?.readJson('render', job.key, CachedRenderSchema);
  if (!known) return null;
  if (!known.files.every((file) => isUnchanged(manifest, outDir, file.path, file.hash)))
    return null;
  return known.files.map((file) => ({
    ...file,
    staged: false,
    deck: job.name,
    format: job.format,
  }));
}

/**
 * Files about every deck (the HTML index): cheap, rendered on every build
 * (of one deck too, unless --out holds other decks' files of that format).
 * Each deck comes with the labelled files this build writes for it, in
 * every format, so that the index links them all.
 */
async function collectionFiles(
  context: RenderContext,
  deckFiles: readonly PlannedFile[],
): Promise<PlannedFile[]> {
  const out: PlannedFile[] = [];
  const outputs = new Map<string, DeckOutput[]>();
  for (const file of deckFiles) {
    if (file.deck === null || file.label === undefined) continue;
    const list = outputs.get(file.deck) ?? [];
    list.push({ format: file.format, path: file.path, label: file.label });
    outputs.set(file.deck, list);
  }
  const names = new Set(context.decks.map((deck) => deck.file.name));
  for (const format of context.formats) {
    if (!context.registry.get(format).collection) continue;
    // One deck built into a folder shared with other decks leaves their index alone (removeStale keeps it).
    const shared = Object.values(context.manifest).some(
      (entry) => entry.format === format && entry.deck !== null && !names.has(entry.deck),
    );
    if (shared && context.decks.length === 1) continue;
    const renderer = await context.registry.load(format);
    const files: RenderedFile[] =
      (await renderer.renderCollection?.({
        decks: context.decks.map((deck) => ({
          name: deck.file.name,
          summary: deck.summary!,
          outputs: outputs.get(deck.file.name) ?? [],
        })),
        options: context.options.get(format),
        sourceDateEpoch: context.epoch,
      })) ?? [];
    for (const file of files) {
      const hash = sha256(file.bytes);
      out.push(plannedFile({ path: file.path, hash }, file.bytes, { name: null, format }, context));
    }
  }
  return out;
}
