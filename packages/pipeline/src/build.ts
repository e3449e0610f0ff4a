import { rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Diagnostic } from '@quizmark/model';
import { readSnapshot, snapshotHolds, snapshotKey, writeSnapshot } from './build-snapshot.js';
import { type ContentCache, openCache } from './cache.js';
import { discoverDecks, UsageError } from './discover.js';
import { resolveFormats } from './formats.js';
import { BuildInterrupted, untilInterrupted } from './interrupt.js';
import { finishLoading } from './load-decks.js';
import { parseSources, readSources } from './load-sources.js';
import { type OutputManifest, readManifest, writeManifest } from './output-manifest.js';
import { PoolProvider } from './pool-provider.js';
import type { ProgressEvent } from './progress-event.js';
import { type PlannedFile, planOutputs } from './render-plan.js';
import { sourceDateEpoch } from './source-date.js';
import { checkOutputFolder, isInside, writeOutputs } from './write-outputs.js';

export interface BuildOptions {
  /** Deck files and folders. */
  inputs: readonly string[];
  outDir: string;
  /** Output formats; `all` expands to every format. */
  formats: readonly string[];
  /** Options per format, passed to that renderer as they are. */
  formatOptions?: Readonly<Record<string, unknown>>;
  cwd?: string;
  /** Worker threads; default: as many as cores when there is much to do, none otherwise. */
  workers?: number;
  /** false: build cold, neither reading nor writing the cache. */
  cache?: boolean;
  cacheDir?: string;
  /** A cache to share between builds of one process (watch mode keeps one in memory). */
  cacheStore?: ContentCache;
  /** Called as work advances, for progress reports. */
  onProgress?: (event: ProgressEvent) => void;
  /**
   * Stops the build (Ctrl-C): until the first output is written it rejects
   * with BuildInterrupted and leaves the output folder as it was; once
   * writing has begun, it finishes, since every file is renamed into place
   * at once.
   */
  signal?: AbortSignal;
}

export interface BuildStats {
  decks: number;
  /** Decks parsed now (the rest came from the cache). */
  parsed: number;
  /** Names of the decks with an output rendered now, sorted. */
  renderedDecks: string[];
  /** Files written (the rest were already up to date). */
  written: number;
  /** Stale outputs of decks that no longer exist, removed. */
  removed: number;
  workers: number;
}

export interface BuildResult {
  diagnostics: Diagnostic[];
  /** Output paths (relative to outDir) of the complete build; empty when it had errors. */
  outputs: string[];
  ok: boolean;
  stats: BuildStats;
}

/**
 * Builds decks into every requested format.
 *
 * - Nothing is written unless every deck is free of errors and every
 *   renderer succeeded; then all files are written atomically.
 * - Parse and render results are cached by content (source bytes, images,
 *   options, the tool's code), and files already up to date on disk are not
 *   written again, so a rebuild costs only what changed; when nothing
 *   changed, the build stops after hashing its sources.
 * - Outputs do not depend on the number of workers or on the cache.
 */
export async function buildDecks(options: BuildOptions): Promise<BuildResult> {
  const formats = resolveFormats(options.formats);
  const formatOptions = options.formatOptions ?? {};
  const cwd = options.cwd ?? process.cwd();
  const outDir = resolve(cwd, options.outDir);
  const files = discoverDecks(options.inputs, cwd);
  const refusal = checkOutputFolder(
    outDir,
    [...new Set(files.map((file) => file.root))],
    options.outDir,
  );
  if (refusal) throw new UsageError(refusal);
  const cache = openCache(options, cwd);
  const stats: BuildStats = {
    decks: files.length,
    parsed: 0,
    renderedDecks: [],
    written: 0,
    removed: 0,
    workers: 0,
  };
  const sources = readSources(files);
  const manifest = readManifest(cache, outDir);
  const key = snapshotKey({ sources, formats, formatOptions, outDir, cwd });
  const snapshot = readSnapshot(cache, key);
  if (snapshot && snapshotHolds(snapshot, manifest, outDir)) {
    return {
      diagnostics: snapshot.diagnostics,
      outputs: snapshot.outputs.map((output) => output.path),
      ok: true,
      stats,
    };
  }

  const pools = new PoolProvider(options.workers);
  try {
    const { signal } = options;
    const parsed = await untilInterrupted(
      parseSources(sources, cache, pools, options.onProgress),
      signal,
    );
    stats.parsed = parsed.parsed;
    const decks = await untilInterrupted(finishLoading(files, parsed.summaries), signal);
    const diagnostics = decks.flatMap((deck) => deck.diagnostics);
    if (diagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
      stats.workers = pools.size;
      return { diagnostics, outputs: [], ok: false, stats };
    }
    // Each deck is dated by its own sources, so editing one deck changes
    // only that deck's outputs; files about every deck take the newest date.
    const epochs = decks.map((deck) => sourceDateEpoch(deck.mtime));
    const plan = await untilInterrupted(
      planOutputs({
        decks,
        loadInput: async (index) => ({
          deck: (await parsed.full(index)).deck!,
          name: decks[index]!.file.name,
          assets: decks[index]!.assets,
        }),
        sources,
        epochs,
        epoch: Math.max(0, ...epochs),
        formats,
        formatOptions,
        cwd,
        cache,
        pools,
        manifest,
        outDir,
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      }),
      signal,
    );
    // The last moment to stop: from here on the build writes, all at once.
    if (signal?.aborted) throw new BuildInterrupted();
    stats.renderedDecks = plan.rendered;
    stats.workers = pools.size;
    const next = write(outDir, plan.files, manifest, options.onProgress);
    stats.written = plan.files.filter((file) => file.bytes !== null).length;
    stats.removed = removeStale(outDir, manifest, next);
    writeManifest(cache, outDir, next);
    const outputs = plan.files
      .map((file) => ({ path: file.path, hash: file.hash }))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
    writeSnapshot(cache, key, {
      outputs,
      images: decks.flatMap((deck) => deck.images),
      diagnostics,
    });
    return { diagnostics, outputs: outputs.map((output) => output.path), ok: true, stats };
  } finally {
    await pools.close();
  }
}

/** Writes what changed, atomically, and returns the new manifest of the output folder. */
function write(
  outDir: string,
  files: readonly PlannedFile[],
  manifest: OutputManifest,
  onProgress: BuildOptions['onProgress'],
): OutputManifest {
  const changed = files.filter(
    (file): file is PlannedFile & { bytes: Uint8Array } => file.bytes !== null,
  );
  onProgress?.({ stage: 'write', done: 0, total: changed.length });
  writeOutputs(outDir, changed);
  onProgress?.({ stage: 'write', done: changed.length, total: changed.length });
  const next: OutputManifest = {};
  for (const file of files) {
    const previous = manifest[file.path];
    if (file.bytes === null && previous) next[file.path] = previous;
    else {
      const stats = statSync(resolve(outDir, file.path));
      next[file.path] = { hash: file.hash, size: stats.size, mtimeMs: stats.mtimeMs };
    }
  }
  return next;
}

/** Removes files an earlier build wrote that this build no longer produces (a deleted or renamed deck). */
function removeStale(outDir: string, previous: OutputManifest, next: OutputManifest): number {
  let removed = 0;
  for (const path of Object.keys(previous)) {
    if (path in next || !isInside(outDir, path)) continue;
    rmSync(resolve(outDir, path), { force: true });
    removed++;
  }
  return removed;
}
