import { readFileSync } from 'node:fs';
import type { ParseResult } from '@quizmark/parser';
import { type ContentCache, sha256 } from './cache.js';
import type { DeckFile } from './discover.js';
import { toolFingerprint } from './fingerprint.js';
import type { PoolProvider } from './pool-provider.js';
import type { ProgressEvent } from './progress-event.js';

/** A deck file's bytes and the key its parse result is cached under. */
export interface Source {
  file: DeckFile;
  bytes: Buffer;
  key: string;
}

/** Reads every deck file and names its parse result by content. */
export function readSources(files: readonly DeckFile[]): Source[] {
  const fingerprint = toolFingerprint();
  return files.map((file) => {
    const bytes = readFileSync(file.path);
    return { file, bytes, key: sha256(fingerprint, 'parse', file.display, bytes) };
  });
}

/** Parse results of every source, from the cache where possible, the rest on the pool. */
export async function parseSources(
  sources: readonly Source[],
  cache: ContentCache | null,
  pools: PoolProvider,
  onProgress?: (event: ProgressEvent) => void,
): Promise<{ results: ParseResult[]; parsed: number }> {
  const results: Array<ParseResult | null> = sources.map(
    (source) => cache?.readJson<ParseResult>('parse', source.key) ?? null,
  );
  const missing = sources.filter((_, index) => results[index] === null);
  const pool = pools.for(
    missing.length,
    missing.reduce((total, source) => total + source.bytes.length, 0),
  );
  let done = sources.length - missing.length;
  onProgress?.({ stage: 'parse', done, total: sources.length });
  await Promise.all(
    sources.map(async (source, index) => {
      if (results[index]) return;
      const task = { kind: 'parse', path: source.file.path, display: source.file.display } as const;
      const result = await pool.run(task);
      cache?.writeJson('parse', source.key, result);
      results[index] = result;
      onProgress?.({ stage: 'parse', done: ++done, total: sources.length });
    }),
  );
  return { results: results as ParseResult[], parsed: missing.length };
}
