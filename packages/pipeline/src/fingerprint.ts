import { createHash } from 'node:crypto';
import { type Dirent, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResolvedOptions } from './format-options.js';
import type { RendererRegistry } from './renderers.js';

// Every package whose code or files shape an output: the pipeline and every
// quizmark package it depends on, directly or through another (rich-html
// through render-html, math through parser and render-pdf). A cached result
// is valid only for the exact code that produced it.
const SCOPE = '@quizmark/';

// What a package ships: built code, templates, stylesheets, data tables.
const SHIPPED_FOLDERS = ['dist', 'src', 'templates', 'assets', 'data'];

let cached: string | undefined;

/**
 * Identifies the tool's code: each package's package.json (which pins its
 * third-party versions), and the size and mtime of every file it ships, so
 * that a rebuilt or edited development checkout is never served results made
 * by older code. Costs a few milliseconds of `stat` calls.
 */
export function toolFingerprint(): string {
  if (cached) return cached;
  const hash = createHash('sha256');
  for (const [name, root] of quizmarkPackages()) {
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

/** The pipeline and the quizmark packages it depends on, by name, with their folders (null: not found), sorted. */
export function quizmarkPackages(): Map<string, string | null> {
  const own = packageFolder(dirname(fileURLToPath(import.meta.url)));
  const found = new Map<string, string | null>();
  const visit = (name: string, root: string | null) => {
    if (found.has(name)) return;
    found.set(name, root);
    if (!root) return;
    const manifest = readManifest(root);
    for (const dependency of Object.keys(manifest?.dependencies ?? {}).sort())
      if (dependency.startsWith(SCOPE)) visit(dependency, installedPackage(root, dependency));
  };
  visit('@quizmark/pipeline', own);
  return new Map([...found].sort(([a], [b]) => (a < b ? -1 : 1)));
}

interface Manifest {
  name?: string;
  dependencies?: Record<string, string>;
}

function readManifest(dir: string): Manifest | null {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/** The nearest folder at or above `dir` with a package.json. */
function packageFolder(dir: string): string | null {
  for (;;) {
    if (readManifest(dir)) return dir;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** Where Node finds `name` from the package at `from`: the first `node_modules/<name>` walking up. */
function installedPackage(from: string, name: string): string | null {
  let dir = from;
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (readManifest(candidate)?.name === name) return realpathSync(candidate);
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
