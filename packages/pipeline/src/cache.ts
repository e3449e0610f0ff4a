import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
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
 * What a caller accepts as an entry of its kind (a zod schema): a value read
 * back that it rejects is a miss. Only `safeParse` is used, so a schema built
 * from types loaded on demand will do.
 */
export interface EntrySchema<T> {
  safeParse(value: unknown): { success: boolean; data?: T };
}

// Each entry file is this header line, then its JSON. The MAC covers the
// entry's kind, key and JSON, keyed by a secret kept in the cache folder:
// an entry edited by hand, truncated, or copied under another key fails it.
const HEADER = 'quizmark-cache 1 ';
const SECRET_FILE = 'secret';

/**
 * A content-addressed store: entries are named by the hash of everything
 * that determines them, so an entry is never invalidated, only no longer
 * asked for. Writes are atomic (temp file + rename). Every entry read back
 * is verified (its MAC, then the caller's schema): a damaged, edited or
 * foreign entry is a miss, deleted so that it is written again, never an
 * error and never a wrong result. A folder that cannot be read or written
 * only makes every read a miss.
 */
export class ContentCache {
  /** JSON entries kept in memory too (watch mode), so a rebuild does not read them back from disk. */
  private readonly memory: Map<string, unknown> | null;
  private secretKey: Buffer | null = null;

  constructor(
    readonly dir: string,
    options: { memory?: boolean } = {},
  ) {
    this.memory = options.memory ? new Map() : null;
  }

  private path(kind: string, key: string) {
    return join(this.dir, kind, key.slice(0, 2), key);
  }

  private mac(kind: string, key: string, json: string): string {
    this.secretKey ??= cacheSecret(this.dir);
    return createHmac('sha256', this.secretKey)
      .update(kind)
      .update('\0')
      .update(key)
      .update('\0')
      .update(json)
      .digest('hex');
  }

  /** The entry, or null when it is missing, damaged, or not what `schema` accepts. */
  readJson<T>(kind: string, key: string, schema?: EntrySchema<T>): T | null {
    const remembered = this.memory?.get(`${kind}/${key}`);
    if (remembered !== undefined) return remembered as T;
    const path = this.path(kind, key);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return null;
    }
    const value = this.verified(kind, key, text, schema);
    if (value === undefined) {
      removeQuietly(path);
      return null;
    }
    this.memory?.set(`${kind}/${key}`, value);
    return value;
  }

  /** The value of an entry's text when it passes every check; undefined otherwise. */
  private verified<T>(
    kind: string,
    key: string,
    text: string,
    schema: EntrySchema<T> | undefined,
  ): T | undefined {
    const newline = text.indexOf('\n');
    if (!text.startsWith(HEADER) || newline < 0) return undefined;
    const json = text.slice(newline + 1);
    const expected = Buffer.from(this.mac(kind, key, json));
    const found = Buffer.from(text.slice(HEADER.length, newline));
    if (found.length !== expected.length || !timingSafeEqual(found, expected)) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      return undefined;
    }
    if (value === null || (schema && !schema.safeParse(value).success)) return undefined;
    return value as T;
  }

  writeJson(kind: string, key: string, value: unknown): void {
    this.memory?.set(`${kind}/${key}`, value);
    const json = JSON.stringify(value);
    writeAtomically(this.path(kind, key), `${HEADER}${this.mac(kind, key, json)}\n${json}`);
  }
}

/** Writes a file by temp file + rename; a cache that cannot be written only costs speed. */
function writeAtomically(target: string, text: string): void {
  const temp = `${target}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(temp, text);
    renameSync(temp, target);
  } catch {
    removeQuietly(temp);
  }
}

/** Removes a file if it is there; a folder that cannot be changed keeps it. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Not ours to fix: a later write replaces it, or it stays a miss.
  }
}

/**
 * The cache folder's secret: read, or made on first use. Made by linking a
 * complete temp file into place, so that builds starting together agree on
 * one; a damaged one is replaced (its entries become misses). When none can
 * be kept, this process uses its own: what it writes, only it can read back.
 */
function cacheSecret(dir: string): Buffer {
  const path = join(dir, SECRET_FILE);
  const read = () => {
    try {
      const text = readFileSync(path, 'utf8');
      return /^[0-9a-f]{64}$/.test(text) ? Buffer.from(text, 'hex') : null;
    } catch {
      return null;
    }
  };
  const known = read();
  if (known) return known;
  const fresh = randomBytes(32);
  const temp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temp, fresh.toString('hex'));
    try {
      linkSync(temp, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // Another build made one first, or the one there is damaged.
      const theirs = read();
      if (theirs) return theirs;
      renameSync(temp, path);
    }
    return fresh;
  } catch {
    return fresh;
  } finally {
    removeQuietly(temp);
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
