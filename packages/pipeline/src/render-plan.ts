import type { DeckInput } from '@quizmark/model';
import { type ContentCache, sha256 } from './cache.js';
import { templateFingerprints, toolFingerprint } from './fingerprint.js';
import type { LoadedDeck } from './load-decks.js';
import type { Source } from './load-sources.js';
import { isUnchanged, type OutputManifest } from './output-manifest.js';
import type { PoolProvider } from './pool-provider.js';
import type { ProgressEvent } from './progress-event.js';
import { hasCollection, loadRenderer } from './renderers.js';

/** One output file of the build. */
export interface PlannedFile {
  path: string;
  hash: string;
  /** null: the file on disk is already exactly this. */
  bytes: Uint8Array | null;
}

interface CachedRender {
  files: Array<{ path: string; hash: string }>;
}

export interface RenderContext {
  decks: readonly LoadedDeck[];
  /** A deck ready to render, loaded on demand: unchanged decks are never loaded. */
  loadInput: (index: number) => Promise<DeckInput>;
  sources: readonly Source[];
  /** Source date of each deck, and the newest of them (for files about every deck). */
  epochs: readonly number[];
  epoch: number;
  formats: readonly string[];
  formatOptions: Readonly<Record<string, unknown>>;
  cwd: string;
  cache: ContentCache | null;
  pools: PoolProvider;
  manifest: OutputManifest;
  outDir: string;
  onProgress?: (event: ProgressEvent) => void;
}

/**
 * Plans every output file of a build: one render per deck and format, taken
 * from the cache when everything that determines it is unchanged, rendered
 * otherwise (on worker threads when there are many); then the files about
 * every deck (an HTML index).
 */
export async function planOutputs(
  context: RenderContext,
): Promise<{ files: PlannedFile[]; rendered: string[] }> {
  const { decks, sources, epochs, formats, cache, manifest, outDir } = context;
  const loading = new Map<number, Promise<DeckInput>>();
  const input = (index: number) => {
    let promise = loading.get(index);
    if (!promise) {
      promise = context.loadInput(index);
      loading.set(index, promise);
    }
    return promise;
  };
  const fingerprint = toolFingerprint();
  const templates = templateFingerprints(formats, context.formatOptions, context.cwd);
  const jobs = decks.flatMap((deck, index) =>
    formats.map((format) => {
      const options = context.formatOptions[format] ?? {};
      const assetHashes = [...deck.assets.values()]
        .map((asset) => `${asset.url}=${sha256(asset.bytes)}`)
        .sort();
      const key = sha256(
        fingerprint,
        'render',
        format,
        JSON.stringify(options),
        templates.get(format) ?? '',
        String(epochs[index]),
        sources[index]!.key,
        deck.file.name,
        ...assetHashes,
      );
      return {
        index,
        name: deck.file.name,
        format,
        options,
        key,
        epoch: epochs[index]!,
        planned: fromCache(cache, key, manifest, outDir),
      };
    }),
  );
  const misses = jobs.filter((job) => job.planned === null);
  const pool = context.pools.for(misses.length);
  let done = jobs.length - misses.length;
  context.onProgress?.({ stage: 'render', done, total: jobs.length });
  const rendered = new Set<string>();
  await Promise.all(
    misses.map(async (job) => {
      const task = {
        kind: 'render',
        format: job.format,
        input: await input(job.index),
        options: job.options,
        sourceDateEpoch: job.epoch,
      } as const;
      const files = (await pool.run(task)).map((file) => ({
        path: file.path,
        hash: sha256(file.bytes),
        bytes: file.bytes,
      }));
      cache?.writeJson('render', job.key, {
        files: files.map(({ path, hash }) => ({ path, hash })),
      } satisfies CachedRender);
      job.planned = files.map((file) =>
        isUnchanged(manifest, outDir, file.path, file.hash) ? { ...file, bytes: null } : file,
      );
      rendered.add(job.name);
      context.onProgress?.({ stage: 'render', done: ++done, total: jobs.length });
    }),
  );
  const files = [...jobs.flatMap((job) => job.planned!), ...(await collectionFiles(context))];
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.path))
      throw new Error(`two outputs of this build are both named ${file.path}`);
    seen.add(file.path);
  }
  return { files, rendered: [...rendered].sort() };
}

/**
 * The files of a cached render when all of them are still on disk as
 * written; null otherwise, and the deck is rendered again. (Output bytes are
 * not kept in the cache: that would double what a cold build writes.)
 */
function fromCache(
  cache: ContentCache | null,
  key: string,
  manifest: OutputManifest,
  outDir: string,
): PlannedFile[] | null {
  const known = cache?.readJson<CachedRender>('render', key);
  if (!known) return null;
  if (!known.files.every((file) => isUnchanged(manifest, outDir, file.path, file.hash)))
    return null;
  return known.files.map((file) => ({ path: file.path, hash: file.hash, bytes: null }));
}

/** Files about every deck (the HTML index): cheap, rendered on every build with two decks or more. */
async function collectionFiles(context: RenderContext): Promise<PlannedFile[]> {
  const out: PlannedFile[] = [];
  if (context.decks.length < 2) return out;
  for (const format of context.formats.filter(hasCollection)) {
    const renderer = await loadRenderer(format);
    const files = await renderer.renderCollection!({
      decks: context.decks.map((deck) => ({ name: deck.file.name, summary: deck.summary! })),
      options: (context.formatOptions[format] ?? {}) as never,
      sourceDateEpoch: context.epoch,
    });
    for (const file of files) {
      const hash = sha256(file.bytes);
      out.push({
        path: file.path,
        hash,
        bytes: isUnchanged(context.manifest, context.outDir, file.path, hash) ? null : file.bytes,
      });
    }
  }
  return out;
}
