import {
  closeSync,
  copyFileSync,
  fstatSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { RenderedFile } from '@quizmark/model';
import { firstDeckIn, toPosix } from './discover.js';
import { isInside, isWithin } from './path-containment.js';
import { tempPath } from './temp-names.js';

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

/**
 * Writes rendered files under `outDir`, all or nothing:
 *
 * 1. every target is checked before anything is created (inside the folder,
 *    through no symlink that leads out, no folder in a file's place);
 * 2. each file is written to a temporary name beside its target;
 * 3. each target that exists is kept under a temporary name too (a hard
 *    link, so that the target itself never goes missing);
 * 4. the files are renamed into place; if one rename fails, those already
 *    renamed are put back from what was kept, and the error is thrown.
 *
 * Only a process killed during step 4 leaves a mix: the files renamed before
 * it are new, the rest old, and temporary files remain. The next build
 * removes those (removeStaleTemps) and, since the folder's manifest is
 * written last, rewrites every file that differs from what it vouches for.
 */
export function writeOutputs(
  outDir: string,
  files: readonly RenderedFile[],
  options: WriteOptions = {},
): WrittenFile[] {
  const rename = options.rename ?? renameSync;
  const root = resolve(outDir);
  const realRoot = realPath(root);
  const targets = files.map((file) => checkTarget(root, realRoot, file.path));
  const staged: Array<{ temp: string; target: string; kept: string | null; file: WrittenFile }> =
    [];
  const committed: typeof staged = [];
  try {
    for (const [index, file] of files.entries()) {
      const target = targets[index]!;
      mkdirSync(dirname(target), { recursive: true });
      // Checked again now that the folders exist: a symlink may have appeared meanwhile.
      if (!isWithin(realRoot, realpathSync(dirname(target)))) {
        throw new Error(
          `refusing to write ${file.path}: a symlink leads outside the output folder`,
        );
      }
      const temp = tempPath(dirname(target));
      staged.push({ temp, target, kept: null, file: writeNew(temp, file) });
    }
    for (const entry of staged) entry.kept = keepOld(entry.target);
    for (const entry of staged) {
      rename(entry.temp, entry.target);
      committed.push(entry);
    }
  } catch (error) {
    const unrestored = putBack(committed, rename);
    for (const { temp, kept } of staged) {
      rmSync(temp, { force: true });
      if (kept) rmSync(kept, { force: true });
    }
    if (committed.length === 0) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      unrestored.length === 0
        ? `${reason}; the ${committed.length} outputs already replaced were put back`
        : `${reason}; could not put back ${unrestored.join(', ')}: rebuild to repair`,
    );
  }
  for (const { kept } of staged) if (kept) rmSync(kept, { force: true });
  return staged.map(({ file }) => file);
}

// The output folder's own bookkeeping (manifest, lock) is never an output.
const BOOKKEEPING = /^\.quizmark-/;

/** The absolute target of `path`, or an error saying why nothing can be written there. */
function checkTarget(root: string, realRoot: string, path: string): string {
  if (!isInside(root, path)) {
    throw new Error(`refusing to write ${path}: outside the output folder`);
  }
  if (BOOKKEEPING.test(path)) {
    throw new Error(`refusing to write ${path}: the name is kept for quizmark's own files`);
  }
  const target = resolve(root, path);
  if (lstatOrNull(target)?.isDirectory()) {
    throw new Error(`cannot replace ${path}: a folder is in its place`);
  }
  // The nearest folder that exists must be a folder, and inside the output folder once symlinks are resolved.
  let folder = dirname(target);
  let stats = lstatOrNull(folder);
  while (!stats) {
    folder = dirname(folder);
    stats = lstatOrNull(folder);
  }
  const real = stats.isSymbolicLink() || stats.isDirectory() ? realPathOrNull(folder) : null;
  if (real === null || !lstatOrNull(real)?.isDirectory()) {
    const shown = relative(root, folder).split(sep).join('/');
    throw new Error(`cannot write ${path}: ${shown} is a file, not a folder`);
  }
  // When the output folder does not exist yet, the nearest folder is above
  // it and everything from the output folder down is created here.
  const outputFolderMissing = isWithin(folder, root) && folder !== root;
  if (!outputFolderMissing && !isWithin(realRoot, real)) {
    throw new Error(`refusing to write ${path}: a symlink leads outside the output folder`);
  }
  return target;
}

function writeNew(temp: string, file: RenderedFile): WrittenFile {
  const fd = openSync(temp, 'wx');
  try {
    writeSync(fd, file.bytes);
    // Renaming keeps size and mtime: these are the target's once it is in place.
    const stats = fstatSync(fd);
    return { path: file.path, size: stats.size, mtimeMs: stats.mtimeMs };
  } finally {
    closeSync(fd);
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
  committed: ReadonlyArray<{ target: string; kept: string | null; file: WrittenFile }>,
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

const lstatOrNull = (path: string) => {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
};

const realPathOrNull = (path: string) => {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
};

/**
 * Refuses an output folder that is a content folder, or lies inside one and
 * holds decks, also when a symlink on either side leads there. An output
 * folder inside a content folder is fine otherwise: discovery skips it.
 */
export function checkOutputFolder(
  outDir: string,
  contentFolders: readonly string[],
  shown = outDir,
): string | null {
  const outs = [resolve(outDir), realPath(outDir)];
  for (const folder of contentFolders) {
    const folders = [resolve(folder), realPath(folder)];
    if (outs.some((out) => folders.includes(out)))
      return `--out ${shown} is the content folder: outputs would mix with the decks; choose a separate folder such as dist`;
    if (outs.some((out) => folders.some((candidate) => isWithin(candidate, out)))) {
      const deck = firstDeckIn(outDir);
      if (deck)
        return `--out ${shown} holds decks (${toPosix(relative(outDir, deck))}): outputs would mix with them; choose a folder without decks such as dist`;
    }
  }
  return null;
}

/** The path with symlinks resolved, as far as it exists (an output folder may not exist yet). */
function realPath(path: string): string {
  const missing: string[] = [];
  let current = resolve(path);
  for (;;) {
    try {
      return join(realpathSync(current), ...missing.reverse());
    } catch {
      const parent = dirname(current);
      if (parent === current) return resolve(path);
      missing.push(basename(current));
      current = parent;
    }
  }
}
