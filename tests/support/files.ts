import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** quizmark's own files in an output folder (what it owns there, its lock): not outputs. */
export const BOOKKEEPING = ['.quizmark-manifest.json', '.quizmark-lock'];

/** Every file under a folder, relative path -> bytes, but for quizmark's bookkeeping files. */
export function readTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (current === dir && BOOKKEEPING.includes(entry.name)) continue;
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Every file under a folder, relative path -> mtime in ms. */
export function mtimes(dir: string): Map<string, number> {
  return new Map(
    [...readTree(dir).keys()].map((path) => [path, statSync(join(dir, path)).mtimeMs]),
  );
}

/** Names of the files whose bytes differ between two trees, or that only one has. */
export function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names]
    .filter((name) => !a.get(name) || !b.get(name) || !a.get(name)!.equals(b.get(name)!))
    .sort();
}
