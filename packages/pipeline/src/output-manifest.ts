import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isInside } from './path-containment.js';
import { tempPath } from './temp-names.js';

/**
 * What quizmark wrote into one output folder, kept in the folder itself
 * (`<out>/.quizmark-manifest.json`) so that what a build owns there does not
 * depend on the cache, or on which build wrote it: path -> the deck (null
 * for files about every deck) and format it belongs to, its content hash,
 * size and mtime.
 */
export type OutputManifest = Record<string, ManifestEntry>;

export interface ManifestEntry {
  deck: string | null;
  format: string;
  hash: string;
  size: number;
  mtimeMs: number;
}

/** The manifest file: the files, and where each deck that has files came from (relative to the folder). */
export interface OutputOwnership {
  files: OutputManifest;
  sources: Record<string, string>;
}

export const MANIFEST_NAME = '.quizmark-manifest.json';
const VERSION = 1;

/**
 * Reads the manifest of an output folder. A missing, damaged or foreign one
 * owns nothing and vouches for nothing: no file is removed, and every file
 * is rendered and compared by content before it is left alone.
 */
export function readOutputManifest(outDir: string): OutputOwnership {
  const empty: OutputOwnership = { files: {}, sources: {} };
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(resolve(outDir, MANIFEST_NAME), 'utf8'));
  } catch {
    return empty;
  }
  if (!isObject(value) || value.version !== VERSION) return empty;
  const { files, sources } = value;
  if (!isObject(files) || !isObject(sources)) return empty;
  for (const [path, entry] of Object.entries(files)) {
    if (!isInside(outDir, path) || !isEntry(entry)) return empty;
  }
  if (!Object.values(sources).every((source) => typeof source === 'string')) return empty;
  return { files: files as OutputManifest, sources: sources as Record<string, string> };
}

/** Writes the manifest atomically: the last step of a build, after every output is in place. */
export function writeOutputManifest(outDir: string, ownership: OutputOwnership): void {
  const sorted = (record: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
  const text = `${JSON.stringify(
    { version: VERSION, files: sorted(ownership.files), sources: sorted(ownership.sources) },
    null,
    1,
  )}\n`;
  const temp = tempPath(resolve(outDir));
  try {
    writeFileSync(temp, text, { flag: 'wx' });
    renameSync(temp, resolve(outDir, MANIFEST_NAME));
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Whether the file on disk is still exactly what the last build wrote (judged by size and mtime). */
export function isUnchanged(
  manifest: OutputManifest,
  outDir: string,
  path: string,
  hash: string,
): boolean {
  const entry = manifest[path];
  if (!entry || entry.hash !== hash) return false;
  try {
    const stats = statSync(resolve(outDir, path));
    return stats.isFile() && stats.size === entry.size && stats.mtimeMs === entry.mtimeMs;
  } catch {
    return false;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isEntry = (entry: unknown): entry is ManifestEntry =>
  isObject(entry) &&
  (entry.deck === null || typeof entry.deck === 'string') &&
  typeof entry.format === 'string' &&
  typeof entry.hash === 'string' &&
  typeof entry.size === 'number' &&
  typeof entry.mtimeMs === 'number';
