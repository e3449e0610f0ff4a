import { statSync } from 'node:fs';
import type { Diagnostic } from '@quizmark/model';
import type { FileStamp } from './assets.js';
import { type ContentCache, sha256 } from './cache.js';
import { BuildSnapshotSchema } from './cache-entries.js';
import { toolFingerprint } from './fingerprint.js';
import type { ResolvedOptions } from './format-options.js';
import { readAlso } from './load-decks.js';
import type { Source } from './load-sources.js';
import { isUnchanged, type OutputManifest } from './output-manifest.js';

/**
 * What a whole build produced, stored under the hash of everything it read:
 * when nothing changed since, the build is done after hashing its sources,
 * without loading a single parse result or renderer.
 */
export interface BuildSnapshot {
  outputs: Array<{ path: string; hash: string }>;
  images: FileStamp[];
  /** Warnings to report again. */
  diagnostics: Diagnostic[];
}

export interface SnapshotInputs {
  sources: readonly Source[];
  formats: readonly string[];
  /** Checked options of every format built. */
  options: ResolvedOptions;
  /** Fingerprints of the files the options name (custom templates), by format. */
  inputs: ReadonlyMap<string, string>;
  outDir: string;
}

/** The key of a build: the tool, every source's bytes and date, the formats and options, the output folder. */
export function snapshotKey(
  { sources, formats, options, inputs, outDir }: SnapshotInputs,
  env = process.env,
): string {
  return sha256(
    toolFingerprint(),
    'build',
    outDir,
    formats.join(','),
    JSON.stringify([...options]),
    JSON.stringify([...inputs]),
    env.SOURCE_DATE_EPOCH ?? '',
    ...sources.map(
      (source) =>
        `${source.file.display}\0${source.key}\0${[source.file.path, ...readAlso(source.examDecks)].map((path) => Math.floor(statSync(path).mtimeMs / 1000)).join(',')}`,
    ),
  );
}

/** Whether the snapshot still describes the disk: same images, outputs untouched since written. */
export function snapshotHolds(
  snapshot: BuildSnapshot,
  manifest: OutputManifest,
  outDir: string,
): boolean {
  for (const image of snapshot.images) {
    try {
      const stats = statSync(image.path);
      if (stats.size !== image.size || stats.mtimeMs !== image.mtimeMs) return false;
    } catch {
      return false;
    }
  }
  if (Object.keys(manifest).length !== snapshot.outputs.length) return false;
  return snapshot.outputs.every((output) =>
    isUnchanged(manifest, outDir, output.path, output.hash),
  );
}

export const readSnapshot = (cache: ContentCache | null, key: string) =>
  cache?.readJson<BuildSnapshot>('build', key, BuildSnapshotSchema) ?? null;

export const writeSnapshot = (cache: ContentCache | null, key: string, snapshot: BuildSnapshot) =>
  cache?.writeJson('build', key, snapshot);
