import { existsSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { type Diagnostic, hasErrors } from '@quizmark/model';
import { readSnapshot, snapshotHolds, snapshotKey, writeSnapshot } from './build-snapshot.js';
import { type ContentCache, openCache } from './cache.js';
import { loadAndCheck, resolveOutputs } from './check.js';
import { type DeckFile, discoverDecks, UsageError } from './discover.js';
import { BuildInterrupted, untilInterrupted } from './interrupt.js';
import { readSources } from './load-sources.js';
import { lockOutputFolder } from './output-lock.js';
import {
  type OutputManifest,
  type OutputOwnership,
  readOutputManifest,
  writeOutputManifest,
} from './output-manifest.js';
import { OutputStaging } from './output-staging.js';
import { isInside, isWithin } from './path-containment.js';
import { PoolProvider } from './pool-provider.js';
import type { ProgressEvent } from './progress-event.js';
import { type PlannedFile, planOutputs } from './render-plan.js';
import {
  type AnyDescriptor,
  DEFAULT_REGISTRY,
  type FormatOptionsOf,
  type RENDERERS,
  type RendererRegistry,
} from './renderers.js';
import { removeStaleTemps } from './temp-names.js';
import { checkOutputFolder } from './write-outputs.js';

export interface BuildOptions<Descriptors extends readonly AnyDescriptor[] = typeof RENDERERS> {
  /** Deck files and folders. */
  inputs: readonly string[];
  outDir: string;
  /** Output formats; `all` expands to every format. */
  formats: readonly string[];
  /** Options per format, checked against each renderer's schema before anything is read. */
  formatOptions?: FormatOptionsOf<Descriptors>;
  /** The output formats to choose from; the shipped ones by default. */
  registry?: RendererRegistry<Descriptors>;
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
 *   renderer succeeded; then all files are put in place at once. Each is
 *   staged beside its target as soon as it is rendered (OutputStaging), so
 *   a build holds no output in memory.
 * - Parse and render results are cached by content (source bytes, images,
 *   options, the tool's code), and files already up to date on disk are not
 *   written again, so a rebuild costs only what changed; when nothing
 *   changed, the build stops after hashing its sources.
 * - Outputs do not depend on the number of workers or on the cache.
 */
export async function buildDecks<Descriptors extends readonly AnyDescriptor[] = typeof RENDERERS>(
  options: BuildOptions<Descriptors>,
): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const registry: RendererRegistry = options.registry ?? DEFAULT_REGISTRY;
  const chosen = resolveOutputs(registry, options.formats, options.formatOptions ?? {}, cwd);
  const { formats } = chosen;
  const outDir = resolve(cwd, options.outDir);
  const cache = openCache(options, cwd);
  // The output folder and the cache may sit inside a content folder (`build . --out dist`).
  const skip = cache ? [outDir, cache.dir] : [outDir];
  const files = discoverDecks(options.inputs, cwd, { skip });
  const refusal = checkOutputFolder(
    outDir,
    [...new Set(files.map((file) => file.folder))],
    options.outDir,
  );
  if (refusal) throw new UsageError(refusal);
  const stats: BuildStats = {
    decks: files.length,
    parsed: 0,
    renderedDecks: [],
    written: 0,
    removed: 0,
    workers: 0,
  };
  const sources = readSources(files);
  const key = snapshotKey({ sources, ...chosen, outDir });
  const snapshot = readSnapshot(cache, key);
  // Two builds never write one folder at once (see output-lock.ts); the
  // folder is locked from here when it exists, else once writing starts.
  // Nothing between here and the try below throws, so the lock is released.
  let lock = await lockOutputFolder(outDir, options.outDir, {
    create: false,
    signal: options.signal,
  });
  const manifest = readOutputManifest(outDir).files;
  if (snapshot && snapshotHolds(snapshot, manifest, outDir)) {
    removeStaleTemps(outputFolders(outDir, Object.keys(manifest)));
    lock?.release();
    return {
      diagnostics: snapshot.diagnostics,
      outputs: snapshot.outputs.map((output) => output.path),
      ok: true,
      stats,
    };
  }

  const pools = new PoolProvider(options.workers);
  let staging: OutputStaging | null = null;
  const outDirExisted = existsSync(outDir);
  try {
    const { signal } = options;
    const checked = await loadAndCheck({
      registry,
      sources,
      ...chosen,
      cwd,
      cache,
      pools,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(signal ? { signal } : {}),
    });
    stats.parsed = checked.parsed.parsed;
    const { diagnostics } = checked;
    if (hasErrors(diagnostics)) {
      stats.workers = pools.size;
      return { diagnostics, outputs: [], ok: false, stats };
    }
    // Rendered files are staged in the output folder as they come, so from
    // here the build holds the folder's lock; an interrupted or failed
    // build removes what it staged (and the folder, if it made it).
    lock ??= await lockOutputFolder(outDir, options.outDir, { create: true, signal });
    // What the folder holds now, read under the lock.
    const previous = readOutputManifest(outDir);
    staging = new OutputStaging(outDir);
    removeStaleTemps(outputFolders(outDir, Object.keys(previous.files)));
    const plan = await untilInterrupted(
      planOutputs(
        {
          ...checked.context,
          epoch: Math.max(0, ...checked.context.epochs),
          pools,
          manifest: previous.files,
          outDir,
          staging,
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        },
        checked.jobs,
        checked.input,
      ),
      signal,
    );
    // The last moment to stop: from here on the build puts its files in place, all at once.
    if (signal?.aborted) throw new BuildInterrupted();
    stats.renderedDecks = plan.rendered;
    stats.workers = pools.size;
    const next = write(outDir, plan.files, staging, previous.files, options.onProgress);
    stats.written = next.written;
    const owned = removeStale(outDir, previous, next.files, {
      decks: files,
      formats,
      folders: folderInputs(options.inputs, cwd),
    });
    stats.removed = owned.removed;
    writeOutputManifest(outDir, owned.ownership);
    const outputs = plan.files
      .map((file) => ({ path: file.path, hash: file.hash }))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
    writeSnapshot(cache, key, {
      outputs,
      images: checked.decks.flatMap((deck) => deck.images),
      diagnostics,
    });
    return { diagnostics, outputs: outputs.map((output) => output.path), ok: true, stats };
  } finally {
    // Renders still under way (an interrupted build) stage nothing after this.
    staging?.discard();
    lock?.release();
    if (!outDirExisted) removeIfEmpty(outDir);
    await pools.close();
  }
}

/** Removes a folder this build made and left empty (it failed or was interrupted). */
function removeIfEmpty(folder: string): void {
  try {
    rmdirSync(folder);
  } catch {
    // It holds outputs, or someone else's files: it stays.
  }
}

/**
 * Puts the staged files in place, all at once, and returns the new manifest
 * entries of this build's files. A file already on disk with the same bytes
 * was not staged: it is left alone (and its mtime kept).
 */
function write(
  outDir: string,
  files: readonly PlannedFile[],
  staging: OutputStaging,
  manifest: OutputManifest,
  onProgress: BuildOptions['onProgress'],
): { files: OutputManifest; written: number } {
  const total = staging.size;
  onProgress?.({ stage: 'write', done: 0, total });
  const written = new Map(staging.commit().map((file) => [file.path, file]));
  onProgress?.({ stage: 'write', done: total, total });
  const next: OutputManifest = {};
  for (const file of files) {
    const owner = { deck: file.deck, format: file.format, hash: file.hash };
    const previous = manifest[file.path];
    const stamp = written.get(file.path) ?? (!file.staged && previous ? previous : null);
    if (stamp) next[file.path] = { ...owner, size: stamp.size, mtimeMs: stamp.mtimeMs };
    else {
      // Left alone because it already held these bytes, though the manifest did not say so.
      const stats = statSync(resolve(outDir, file.path));
      next[file.path] = { ...owner, size: stats.size, mtimeMs: stats.mtimeMs };
    }
  }
  return { files: next, written: total };
}

/** What a build covers in its output folder: its decks, its formats, and the folders named as inputs. */
interface BuildScope {
  decks: readonly DeckFile[];
  formats: readonly string[];
  folders: readonly string[];
}

/**
 * Removes the files an earlier build wrote that this build replaces by
 * nothing, and returns what the folder holds afterwards. Only files of this
 * build's formats are considered, and of them only those of a deck this
 * build made (a file it no longer makes) or of a deck that was inside a
 * folder this build read and is gone from it (deleted, renamed, made a
 * draft). Other decks' and other formats' files stay, and stay owned.
 */
function removeStale(
  outDir: string,
  previous: OutputOwnership,
  next: OutputManifest,
  scope: BuildScope,
): { ownership: OutputOwnership; removed: number } {
  const names = new Set(scope.decks.map((deck) => deck.name));
  const formats = new Set(scope.formats);
  const inScope = (deck: string) => {
    if (names.has(deck)) return true;
    const source = previous.sources[deck];
    if (source === undefined) return false;
    const path = resolve(outDir, source);
    return scope.folders.some((folder) => isWithin(folder, path));
  };
  const files: OutputManifest = { ...next };
  const stale: string[] = [];
  const collections: string[] = [];
  for (const [path, entry] of Object.entries(previous.files)) {
    if (path in next) continue;
    if (!formats.has(entry.format)) files[path] = entry;
    else if (entry.deck === null) collections.push(path);
    else if (inScope(entry.deck)) stale.push(path);
    else files[path] = entry;
  }
  // A file about every deck (the HTML index) stays while decks this build did not make still have files of its format.
  for (const path of collections) {
    const format = previous.files[path]!.format;
    const others = Object.values(files).some(
      (entry) => entry.format === format && entry.deck !== null && !names.has(entry.deck),
    );
    if (others) files[path] = previous.files[path]!;
    else stale.push(path);
  }
  for (const path of stale) removeOutput(outDir, path);
  const sources: Record<string, string> = {};
  const owners = new Set(Object.values(files).map((entry) => entry.deck));
  for (const [deck, source] of Object.entries(previous.sources))
    if (owners.has(deck)) sources[deck] = source;
  for (const deck of scope.decks)
    sources[deck.name] = relative(outDir, deck.path).split(sep).join('/');
  return { ownership: { files, sources }, removed: stale.length };
}

/** Removes an output, and the folders it leaves empty (an Anki media folder), up to the output folder. */
function removeOutput(outDir: string, path: string): void {
  if (!isInside(outDir, path)) return;
  const target = resolve(outDir, path);
  rmSync(target, { force: true });
  for (let folder = dirname(target); isInside(outDir, relative(outDir, folder)); ) {
    try {
      rmdirSync(folder);
    } catch {
      break;
    }
    folder = dirname(folder);
  }
}

/** The folders output paths lie in, the output folder first. */
function outputFolders(outDir: string, paths: readonly string[]): string[] {
  return [...new Set([outDir, ...paths.map((path) => dirname(resolve(outDir, path)))])];
}

/** The inputs that are folders (a deck deleted from one is stale), as absolute paths. */
function folderInputs(inputs: readonly string[], cwd: string): string[] {
  return inputs
    .map((input) => resolve(cwd, input))
    .filter((path) => {
      try {
        return statSync(path).isDirectory();
      } catch {
        return false;
      }
    });
}
