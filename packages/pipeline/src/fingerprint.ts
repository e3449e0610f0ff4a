import { createHash } from 'node:crypto';
import { type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResolvedOptions } from './format-options.js';
import type { RendererRegistry } from './renderers.js';

// Every package whose code or files shape an output. A cached result is valid
// only for the exact code that produced it.
const PACKAGES = [
  '@quizmark/pipeline',
  '@quizmark/model',
  '@quizmark/parser',
  '@quizmark/highlight',
  '@quizmark/rich-html',
  '@quizmark/render-json',
  '@quizmark/render-html',
  '@quizmark/render-anki',
  '@quizmark/render-pdf',
] as const;

// What a package ships: built code, templates, stylesheets.
const SHIPPED_FOLDERS = ['dist', 'src', 'templates', 'assets'];

let cached: string | undefined;

/**
 * Identifies the tool's code: each package's package.json, and the size and
 * mtime of every file it ships, so that a rebuilt or edited development
 * checkout is never served results made by older code. Costs a few
 * milliseconds of `stat` calls.
 */
export function toolFingerprint(): string {
  if (cached) return cached;
  const hash = createHash('sha256');
  for (const name of PACKAGES) {
    const root = packageRoot(name);
    if (!root) {
      hash.update(`${name}\0missing\0`);
      continue;
    }
    hash.update(readFileSync(join(root, 'package.json')));
    for (const folder of SHIPPED_FOLDERS) {
      for (const file of listFiles(join(root, folder))) {
        const stats = statSync(file);
        hash.update(`${file}\0${stats.size}\0${stats.mtimeMs}\0`);
      }
    }
  }
  cached = hash.digest('hex').slice(0, 32);
  return cached;
}

/** The folder of a package's package.json (packages do not export it, so walk up from the entry). */
function packageRoot(name: string): string | null {
  let dir: string;
  try {
    dir = dirname(fileURLToPath(import.meta.resolve(name)));
  } catch {
    return null;
  }
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
      };
      if (manifest.name === name) return dir;
    } catch {
      // No package.json here: keep walking up.
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** A hash of every file in a folder the user supplies (custom templates), by name and content. */
export function folderFingerprint(dir: string): string {
  const hash = createHash('sha256');
  for (const file of listFiles(dir))
    hash.update(file).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

/**
 * Per format, a fingerprint of the files and folders its options name
 * (custom templates): they shape the output as much as the code.
 */
export function inputFingerprints(
  registry: RendererRegistry,
  options: ResolvedOptions,
  cwd: string,
): Map<string, string> {
  const fingerprints = new Map<string, string>();
  for (const [format, value] of options) {
    const inputs = registry.get(format).inputs?.(value) ?? [];
    if (inputs.length === 0) continue;
    const hash = createHash('sha256');
    for (const input of inputs) {
      const path = resolve(cwd, input.path);
      hash.update(`${input.option}\0`);
      hash.update(statSync(path).isDirectory() ? folderFingerprint(path) : readFileSync(path));
    }
    fingerprints.set(format, hash.digest('hex'));
  }
  return fingerprints;
}

function listFiles(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) =>
      entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
    );
}
