import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

// scripts/bundle.mjs writes bundle/ from dist/ and the other packages' dist/,
// and lists what it read in inputs.json. A bundle older than any of them
// (a package rebuilt alone, a file edited, a new lockfile) would run code
// that is no longer there, and the build cache would file its outputs under
// the new code's fingerprint; so it runs only while every input is as listed.
// A `stat` per input tells, about a millisecond in all; a file whose size or
// time differs (turbo restoring its cache rewrites files) is read and hashed.

const BUNDLE = new URL('../bundle/', import.meta.url);

type Input = [path: string, size: number, mtimeMs: number, sha256: string];

/** URL of the bundled CLI when it was made from the files now on disk; null when not, or when QUIZMARK_NO_BUNDLE is set. */
export function bundledEntry(env: NodeJS.ProcessEnv = process.env, bundle = BUNDLE): string | null {
  if (env.QUIZMARK_NO_BUNDLE) return null;
  let inputs: Input[];
  try {
    inputs = JSON.parse(readFileSync(new URL('inputs.json', bundle), 'utf8')) as Input[];
  } catch {
    return null;
  }
  for (const input of inputs) if (!unchanged(bundle, ...input)) return null;
  return new URL('run.js', bundle).href;
}

function unchanged(bundle: URL, ...[path, size, mtimeMs, sha256]: Input): boolean {
  const file = new URL(path, bundle);
  const stats = statSync(file, { throwIfNoEntry: false });
  if (!stats || stats.size !== size) return false;
  if (stats.mtimeMs === mtimeMs) return true;
  return createHash('sha256').update(readFileSync(file)).digest('hex') === sha256;
}
