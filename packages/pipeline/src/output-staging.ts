import {
  closeSync,
  copyFileSync,
  fstatSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { checkTarget, lstatOrNull, realPath } from './output-targets.js';
import { isWithin } from './path-containment.js';
import { removeStaleTemps, tempPath } from './temp-names.js';

/** Size and mtime of a file as written, for the output folder's manifest. */
export interface WrittenFile {
  path: string;
  size: number;
  mtimeMs: number;
}

export interface WriteOptions {
  /** Replaces a file by another: fs.renameSync, or a failing one in tests. */
  rename?: (from: string, to: string) => void;
}

interface Staged {
  temp: string;
  target: string;
  kept: string | null;
  file: WrittenFile;
}

/**
 * The files of one build, written as they are rendered and put in place all
 * at once, so that a build holds no output in memory (a 10,000-question
 * build renders over 200 MB) and still replaces its outputs all or nothing:
 *
 * 1. `stage` checks the target (inside the folder, through no symlink that
 *    leads out, no folder in a file's place) and writes the bytes to a
 *    temporary name beside it, unless the file there already holds them;
 * 2. `commit` keeps each target that exists under a temporary name too (a
 *    hard link, so that the target itself never goes missing), then renames
 *    the files into place; if one rename fails, those already renamed are
 *    put back from what was kept, and the error is thrown;
 * 3. `discard` (a failed or interrupted build) removes what was staged and
 *    the folders staging created; what is staged after it is not written.
 *
 * Only a process killed during `commit` leaves a mix: the files renamed
 * before it are new, the rest old, and temporary files remain. The next
 * build removes those (removeStaleTemps) and, since the folder's manifest is
 * written last, rewrites every file that differs from what it vouches for.
 * Staging runs under the output folder's lock: it also removes what dead
 * builds left staged in each folder before writing there.
 */
export class OutputStaging {
  private readonly root: string;
  private readonly realRoot: string;
  private readonly rename: (from: string, to: string) => void;
  private readonly staged: Staged[] = [];
  /** Folders this staging created, each after the folders inside it. */
  private readonly created: string[] = [];
  private readonly cleaned = new Set<string>();
  private closed = false;

  constructor(outDir: string, options: WriteOptions = {}) {
    this.root = resolve(outDir);
    this.realRoot = realPath(this.root);
    this.rename = options.rename ?? renameSync;
  }

  /** How many files are staged (written now, renamed into place by commit). */
  get size(): number {
    return this.staged.length;
  }

  /** Stages `bytes` as the output at `path`; false when the file there already holds them (it is left alone, mtime and all). */
  stage(path: string, bytes: Uint8Array): boolean {
    if (this.closed) return false;
    const target = checkTarget(this.root, this.realRoot, path);
    if (sameBytesOnDisk(target, bytes)) return false;
    const folder = dirname(target);
    const made = mkdirSync(folder, { recursive: true });
    // mkdir -p names the first folder it made; every one from there down to `folder` is new.
    if (made !== undefined)
      for (let at = folder; isWithin(made, at); at = dirname(at)) this.created.push(at);
    // Checked again now that the folders exist: a symlink may have appeared meanwhile.
    if (!isWithin(this.realRoot, realpathSync(folder))) {
      throw new Error(`refusing to write ${path}: a symlink leads outside the output folder`);
    }
    if (!this.cleaned.has(folder)) {
      removeStaleTemps([folder]);
      this.cleaned.add(folder);
    }
    const temp = tempPath(folder);
    this.staged.push({ temp, target, kept: null, file: writeNew(temp, path, bytes) });
    return true;
  }

  /** Puts every staged file in place, all or nothing; returns each as written. */
  commit(): WrittenFile[] {
    this.closed = true;
    const committed: Staged[] = [];
    try {
      for (const entry of this.staged) entry.kept = keepOld(entry.target);
      for (const entry of this.staged) {
        this.rename(entry.temp, entry.target);
        committed.push(entry);
      }
    } catch (error) {
      const unrestored = putBack(committed, this.rename);
      this.removeTemps();
      this.removeCreatedFolders();
      if (committed.length === 0) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(
        unrestored.length === 0
          ? `${reason}; the ${committed.length} outputs already replaced were put back`
          : `${reason}; could not put back ${unrestored.join(', ')}: rebuild to repair`,
      );
    }
    for (const { kept } of this.staged) if (kept) rmSync(kept, { force: true });
    return this.staged.map(({ file }) => file);
  }

  /** Removes what was staged and the folders staging made; nothing staged later is written. */
  discard(): void {
    if (this.closed) return;
    this.closed = true;
    this.removeTemps();
    this.removeCreatedFolders();
  }

  /** Removes the folders staging made that are empty again, deepest first (a folder's path is longer than its parent's). */
  private removeCreatedFolders(): void {
    for (const folder of this.created.sort((a, b) => b.length - a.length)) {
      try {
        rmdirSync(folder);
      } catch {
        // Not empty: something else is in it.
      }
    }
  }

  private removeTemps(): void {
    for (const { temp, kept } of this.staged) {
      rmSync(temp, { force: true });
      if (kept) rmSync(kept, { force: true });
    }
  }
}

function writeNew(temp: string, path: string, bytes: Uint8Array): WrittenFile {
  const fd = openSync(temp, 'wx');
  try {
    writeSync(fd, bytes);
    // Renaming keeps size and mtime: these are the target's once it is in place.
    const stats = fstatSync(fd);
    return { path, size: stats.size, mtimeMs: stats.mtimeMs };
  } finally {
    closeSync(fd);
  }
}

/** Whether `target` is a regular file holding exactly `bytes`. */
function sameBytesOnDisk(target: string, bytes: Uint8Array): boolean {
  try {
    const stats = statSync(target);
    if (!stats.isFile() || stats.size !== bytes.length) return false;
    return readFileSync(target).equals(bytes);
  } catch {
    return false;
  }
}

/** Keeps the current file at `target` under a temporary name until the build commits; null when there is none. */
function keepOld(target: string): string | null {
  if (!lstatOrNull(target)) return null;
  const kept = tempPath(dirname(target));
  try {
    linkSync(target, kept);
  } catch {
    // A file system without hard links: a copy does as well.
    copyFileSync(target, kept);
  }
  return kept;
}

/** Undoes the renames done so far; returns the targets it could not restore. */
function putBack(
  committed: readonly Staged[],
  rename: (from: string, to: string) => void,
): string[] {
  const failed: string[] = [];
  for (const { target, kept, file } of [...committed].reverse()) {
    try {
      if (kept) rename(kept, target);
      else rmSync(target, { force: true });
    } catch {
      failed.push(file.path);
    }
  }
  return failed;
}
