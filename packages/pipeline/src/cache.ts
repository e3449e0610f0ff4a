import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Where cached parse and render results live: QUIZMARK_CACHE_DIR, else
 * `node_modules/.cache/quizmark` when the working folder has node_modules
 * (the common convention, already ignored by git), else `.quizmark-cache`.
 */
export function defaultCacheDir(cwd: string, env = process.env): string {
  if (env.QUIZMARK_CACHE_DIR) return resolve(cwd, env.QUIZMARK_CACHE_DIR);
  if (existsSync(join(cwd, 'node_modules'))) return join(cwd, 'node_modules', '.cache', 'quizmark');
  return join(cwd, '.quizmark-cache');
}

export const sha256 = (...parts: Array<string | Uint8Array>) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
};

/**
 * A content-addressed store: entries are named by the hash of everything
 * that determines them, so an entry is never invalidated, only no longer
 * asked for. Writes are atomic (temp file + rename); a damaged or missing
 * entry is a miss, never an error.
 */
export class ContentCache {
  /** JSON entries kept in memory too (watch mode), so a rebuild does not read them back from disk. */
  private readonly memory: Map<string, unknown> | null;

  constructor(
    readonly dir: string,
    options: { memory?: boolean } = {},
  ) {
    this.memory = options.memory ? new Map() : null;
  }

  private path(kind: string, key: string) {
    return join(this.dir, kind, key.slice(0, 2), key);
  }

  readJson<T>(kind: string, key: string): T | null {
    const remembered = this.memory?.get(`${kind}/${key}`);
    if (remembered !== undefined) return remembered as T;
    let text: string;
    try {
      text = readFileSync(this.path(kind, key), 'utf8');
    } catch {
      return null;
    }
    try {
      const value = JSON.parse(text) as T;
      this.memory?.set(`${kind}/${key}`, value);
      return value;
    } catch {
      return null;
    }
  }

  write(kind: string, key: string, bytes: Uint8Array | string): void {
    const target = this.path(kind, key);
    const temp = `${target}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(temp, bytes);
      renameSync(temp, target);
    } catch {
      // A cache that cannot be written only costs speed.
      rmSync(temp, { force: true });
    }
  }

  writeJson(kind: string, key: string, value: unknown): void {
    this.memory?.set(`${kind}/${key}`, value);
    this.write(kind, key, JSON.stringify(value));
  }
}

/** The cache a build uses: none with `cache: false`, else the shared one or the one in `cacheDir`. */
export function openCache(
  options: { cache?: boolean; cacheDir?: string; cacheStore?: ContentCache },
  cwd: string,
): ContentCache | null {
  if (options.cache === false) return null;
  return options.cacheStore ?? new ContentCache(options.cacheDir ?? defaultCacheDir(cwd));
}
