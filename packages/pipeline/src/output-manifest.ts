import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { type ContentCache, sha256 } from './cache.js';

/** What the last build wrote into one output folder: path -> content hash, size and mtime. */
export type OutputManifest = Record<string, { hash: string; size: number; mtimeMs: number }>;

const key = (outDir: string) => sha256('manifest', resolve(outDir));

export function readManifest(cache: ContentCache | null, outDir: string): OutputManifest {
  return cache?.readJson<OutputManifest>('manifest', key(outDir)) ?? {};
}

export function writeManifest(
  cache: ContentCache | null,
  outDir: string,
  manifest: OutputManifest,
): void {
  cache?.writeJson('manifest', key(outDir), manifest);
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
    return stats.size === entry.size && stats.mtimeMs === entry.mtimeMs;
  } catch {
    return false;
  }
}
