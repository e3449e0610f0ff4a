import { readFileSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DeckInput, Diagnostic, RenderedFile } from '@quizmark/model';
import type { ParseResult } from '@quizmark/parser';
import { ContentCache, defaultCacheDir, sha256 } from './cache.js';
import { type DeckFile, discoverDecks, UsageError } from './discover.js';
import { folderFingerprint, toolFingerprint } from './fingerprint.js';
import { finishLoading, type LoadedDeck } from './load-decks.js';
import {
  isUnchanged,
  type OutputManifest,
  readManifest,
  writeManifest,
} from './output-manifest.js';
import { FORMATS, loadRenderer } from './renderers.js';
import { sourceDateEpoch } from './source-date.js';
import { defaultWorkerCount, WorkerPool } from './worker-pool.js';
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
  /** Worker threads; default: as many as cores for large builds, none for small ones. */
  workers?: number;
  /** false: build cold, neither reading nor writing the cache. */
  cache?: boolean;
  cacheDir?: string;
  /** A cache to share between builds of one process (watch mode keeps one in memory). */
  cacheStore?: ContentCache;
  /** Called as work advances, for progress reports. */
  onProgress?: (event: ProgressEvent) => void;
}

export type ProgressEvent =
  | { stage: 'parse'; done: number; total: number }
  | { stage: 'render'; done: number; total: number }
  | { stage: 'write'; done: number; total: number };

export interface BuildStats {
  decks: number;
  /** Decks parsed now (the rest came from the cache). */
  parsed: number;
  /** Deck outputs rendered now (per deck and format). */
  rendered: number;
  /** Names of the decks with an output rendered now, sorted. */
  renderedDecks: string[];
  /** Files written (the rest were already up to date). */
  written: number;
  /** Stale outputs of decks that no longer exist, removed. */
  removed: number;
  workers: number;
}

export interface BuildResult {
  decks: LoadedDeck[];
  diagnostics: Diagnostic[];
  /** Output paths (relative to outDir) of the complete build; empty when it had errors. */
  outputs: string[];
  ok: boolean;
  stats: BuildStats;
}

/** Expands `all` and checks every format name. */
export function resolveFormats(formats: readonly string[]): string[] {
  const list = formats
    .flatMap((format) => format.split(','))
    .map((format) => format.trim().toLowerCase());
  const expanded = list.includes('all') ? FORMATS : list.filter(Boolean);
  for (const format of expanded) {
    if (!FORMATS.includes(format)) {
      throw new UsageError(
        `unknown format \`${format}\`: expected one of ${FORMATS.join(', ')} or all`,
      );
    }
  }
  if (expanded.length === 0)
    throw new UsageError(`no format: expected one of ${FORMATS.join(', ')} or all`);
  return [...new Set(expanded)];
}

interface Source {
  file: DeckFile;
  bytes: Buffer;
  key: string;
}

/** Parses decks (from the cache where possible) and loads their images. */
async function loadSources(
  files: readonly DeckFile[],
  cache: ContentCache | null,
  pool: WorkerPool | null,
  onProgress: BuildOptions['onProgress'],
): Promise<{ sources: Source[]; decks: LoadedDeck[]; parsed: number }> {
  const fingerprint = toolFingerprint();
  const sources = files.map((file) => {
    const bytes = readFileSync(file.path);
    return { file, bytes, key: sha256(fingerprint, 'parse', file.display, bytes) };
  });
  let done = 0;
  let parsed = 0;
  onProgress?.({ stage: 'parse', done, total: files.length });
  const results = await Promise.all(
    sources.map(async ({ file, key }): Promise<ParseResult> => {
      let result = cache?.readJson<ParseResult>('parse', key) ?? null;
      if (!result) {
        const task = { kind: 'parse', path: file.path, display: file.display } as const;
        result = await (pool ?? new WorkerPool(0)).run(task);
        cache?.writeJson('parse', key, result);
        parsed++;
      }
      onProgress?.({ stage: 'parse', done: ++done, total: files.length });
      return result;
    }),
  );
  return { sources, decks: finishLoading(files, results), parsed };
}

/** Parses and checks decks without writing any output. */
export async function checkDecks(
  inputs: readonly string[],
  options: Pick<BuildOptions, 'cwd' | 'workers' | 'cache' | 'cacheDir' | 'cacheStore'> = {},
): Promise<{ decks: LoadedDeck[]; diagnostics: Diagnostic[] }> {
  const files = discoverDecks(inputs, options.cwd);
  const cwd = options.cwd ?? process.cwd();
  const cache = openCache(options, cwd);
  const pool = new WorkerPool(
    options.workers ?? defaultWorkerCount(totalSize(files), files.length),
  );
  try {
    const { decks } = await loadSources(files, cache, pool, undefined);
    return { decks, diagnostics: decks.flatMap((deck) => deck.diagnostics) };
  } finally {
    await pool.close();
  }
}

/**
 * Builds decks into every requested format.
 *
 * - Nothing is written unless every deck is free of errors and every
 *   renderer succeeded; then all files are written atomically.
 * - Parse and render results are cached by content (source bytes, images,
 *   options, the tool's code), and files already up to date on disk are not
 *   written again, so a rebuild costs only what changed.
 * - Outputs do not depend on the number of workers or on the cache.
 */
export async function buildDecks(options: BuildOptions): Promise<BuildResult> {
  const formats = resolveFormats(options.formats);
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
  const pool = new WorkerPool(
    options.workers ?? defaultWorkerCount(totalSize(files), files.length),
  );
  const stats: BuildStats = {
    decks: files.length,
    parsed: 0,
    rendered: 0,
    renderedDecks: [],
    written: 0,
    removed: 0,
    workers: pool.size,
  };
  try {
    const { sources, decks, parsed } = await loadSources(files, cache, pool, options.onProgress);
    stats.parsed = parsed;
    const diagnostics = decks.flatMap((deck) => deck.diagnostics);
    if (diagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
      return { decks, diagnostics, outputs: [], ok: false, stats };
    }
    // Each deck is dated by its own sources, so editing one deck changes
    // only that deck's outputs; files about every deck take the newest date.
    const epochs = decks.map((deck) => sourceDateEpoch(deck.mtime));
    const epoch = Math.max(0, ...epochs);
    const inputs: DeckInput[] = decks.map((loaded) => ({
      deck: loaded.deck!,
      name: loaded.file.name,
      assets: loaded.assets,
    }));
    const manifest = readManifest(cache, outDir);
    const plan = await renderAll({
      inputs,
      sources,
      epochs,
      epoch,
      formats,
      options,
      cache,
      pool,
      manifest,
      outDir,
      stats,
    });
    const outputs = plan.map((entry) => entry.path).sort();
    const changed = plan.filter((entry) => entry.bytes !== null) as Array<{
      path: string;
      hash: string;
      bytes: Uint8Array;
    }>;
    options.onProgress?.({ stage: 'write', done: 0, total: changed.length });
    writeOutputs(outDir, changed);
    stats.written = changed.length;
    options.onProgress?.({ stage: 'write', done: changed.length, total: changed.length });
    const next: OutputManifest = {};
    for (const entry of plan) {
      const previous = manifest[entry.path];
      if (entry.bytes === null && previous) next[entry.path] = previous;
      else {
        const fileStats = statSync(resolve(outDir, entry.path));
        next[entry.path] = { hash: entry.hash, size: fileStats.size, mtimeMs: fileStats.mtimeMs };
      }
    }
    stats.removed = removeStale(outDir, manifest, next);
    writeManifest(cache, outDir, next);
    return { decks, diagnostics, outputs, ok: true, stats };
  } finally {
    await pool.close();
  }
}

interface PlannedFile {
  path: string;
  hash: string;
  /** null: the file on disk is already exactly this. */
  bytes: Uint8Array | null;
}

interface CachedRender {
  files: Array<{ path: string; hash: string }>;
}

interface RenderContext {
  inputs: readonly DeckInput[];
  sources: readonly Source[];
  /** Source date of each deck, and the newest of them (for files about every deck). */
  epochs: readonly number[];
  epoch: number;
  formats: readonly string[];
  options: BuildOptions;
  cache: ContentCache | null;
  pool: WorkerPool;
  manifest: OutputManifest;
  outDir: string;
  stats: BuildStats;
}

/** Plans every output file: from the cache, already on disk, or rendered now. */
async function renderAll(context: RenderContext): Promise<PlannedFile[]> {
  const { inputs, sources, epochs, epoch, formats, options, cache, pool, manifest, outDir, stats } =
    context;
  const fingerprint = toolFingerprint();
  const jobs = inputs.flatMap((input, index) =>
    formats.map((format) => ({ input, source: sources[index]!, format, epoch: epochs[index]! })),
  );
  // A user's template folder shapes the output as much as the code does.
  const templateFingerprints = new Map<string, string>();
  for (const format of formats) {
    const templateDir = (options.formatOptions?.[format] as { templateDir?: string } | undefined)
      ?.templateDir;
    if (templateDir)
      templateFingerprints.set(
        format,
        folderFingerprint(resolve(options.cwd ?? process.cwd(), templateDir)),
      );
  }
  let done = 0;
  options.onProgress?.({ stage: 'render', done, total: jobs.length });
  const perJob = await Promise.all(
    jobs.map(async ({ input, source, format, epoch }): Promise<PlannedFile[]> => {
      const formatOptions = options.formatOptions?.[format] ?? {};
      const templates = templateFingerprints.get(format) ?? '';
      const assetHashes = [...input.assets.values()]
        .map((asset) => `${asset.url}=${sha256(asset.bytes)}`)
        .sort();
      const key = sha256(
        fingerprint,
        'render',
        format,
        JSON.stringify(formatOptions),
        templates,
        String(epoch),
        source.key,
        input.name,
        ...assetHashes,
      );
      const known = cache?.readJson<CachedRender>('render', key);
      let planned: PlannedFile[] | null = null;
      if (known) {
        planned = [];
        for (const file of known.files) {
          if (isUnchanged(manifest, outDir, file.path, file.hash)) {
            planned.push({ path: file.path, hash: file.hash, bytes: null });
            continue;
          }
          const bytes = cache?.read('blob', file.hash);
          if (!bytes) {
            planned = null;
            break;
          }
          planned.push({ path: file.path, hash: file.hash, bytes });
        }
      }
      if (!planned) {
        const task = {
          kind: 'render',
          format,
          input,
          options: formatOptions,
          sourceDateEpoch: epoch,
        } as const;
        const files = await pool.run(task);
        stats.rendered++;
        if (!stats.renderedDecks.includes(input.name)) stats.renderedDecks.push(input.name);
        planned = files.map((file) => ({
          path: file.path,
          hash: sha256(file.bytes),
          bytes: file.bytes,
        }));
        for (const file of planned) cache?.write('blob', file.hash, file.bytes!);
        cache?.writeJson('render', key, {
          files: planned.map(({ path, hash }) => ({ path, hash })),
        });
        planned = planned.map((file) =>
          isUnchanged(manifest, outDir, file.path, file.hash) ? { ...file, bytes: null } : file,
        );
      }
      options.onProgress?.({ stage: 'render', done: ++done, total: jobs.length });
      return planned;
    }),
  );
  stats.renderedDecks.sort();
  const collection: PlannedFile[] = [];
  for (const format of formats) {
    const renderer = await loadRenderer(format);
    if (!renderer.renderCollection || inputs.length < 2) continue;
    const files: RenderedFile[] = await renderer.renderCollection({
      decks: inputs,
      options: (options.formatOptions?.[format] ?? {}) as never,
      sourceDateEpoch: epoch,
    });
    for (const file of files) {
      const hash = sha256(file.bytes);
      collection.push({
        path: file.path,
        hash,
        bytes: isUnchanged(manifest, outDir, file.path, hash) ? null : file.bytes,
      });
    }
  }
  const all = [...perJob.flat(), ...collection];
  const seen = new Set<string>();
  for (const file of all) {
    if (seen.has(file.path))
      throw new Error(`two outputs of this build are both named ${file.path}`);
    seen.add(file.path);
  }
  return all;
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

function openCache(
  options: Pick<BuildOptions, 'cache' | 'cacheDir' | 'cacheStore'>,
  cwd: string,
): ContentCache | null {
  if (options.cache === false) return null;
  return options.cacheStore ?? new ContentCache(options.cacheDir ?? defaultCacheDir(cwd));
}

function totalSize(files: readonly DeckFile[]): number {
  let total = 0;
  for (const file of files) {
    try {
      total += statSync(file.path).size;
    } catch {
      // Reported when the file is read.
    }
  }
  return total;
}
