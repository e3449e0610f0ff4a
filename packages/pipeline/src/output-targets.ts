import { lstatSync, realpathSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { isInside, isWithin } from './path-containment.js';

// The output folder's own bookkeeping (manifest, lock) is never an output.
const BOOKKEEPING = /^\.quizmark-/;

/** The absolute target of `path`, or an error saying why nothing can be written there. */
export function checkTarget(root: string, realRoot: string, path: string): string {
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

export const lstatOrNull = (path: string) => {
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

/** The path with symlinks resolved, as far as it exists (an output folder may not exist yet). */
export function realPath(path: string): string {
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
