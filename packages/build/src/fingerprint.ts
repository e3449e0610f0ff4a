import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// Every package whose code shapes an output. A cached result is valid only
// for the exact code that produced it.
const PACKAGES = [
  '@quizmark/model',
  '@quizmark/parser',
  '@quizmark/highlight',
  '@quizmark/rich-html',
  '@quizmark/render-json',
  '@quizmark/render-html',
  '@quizmark/render-anki',
  '@quizmark/render-pdf',
] as const;

let cached: string | undefined;

/**
 * Identifies the tool's code: each package's version and, so that a rebuilt
 * development checkout is not served stale results, the size and mtime of its
 * package.json and entry file.
 */
export function toolFingerprint(): string {
  if (cached) return cached;
  const hash = createHash('sha256');
  hash.update(import.meta.url);
  for (const name of PACKAGES) {
    for (const file of [`${name}/package.json`, name]) {
      try {
        const path = file.endsWith('package.json') ? require.resolve(file) : resolveEntry(name);
        const stats = statSync(path);
        hash.update(`${path}\0${stats.size}\0${stats.mtimeMs}\0`);
        if (file.endsWith('package.json')) hash.update(readFileSync(path));
      } catch {
        hash.update(`${file}\0missing\0`);
      }
    }
  }
  cached = hash.digest('hex').slice(0, 32);
  return cached;
}

function resolveEntry(name: string): string {
  return new URL(import.meta.resolve(name)).pathname;
}
