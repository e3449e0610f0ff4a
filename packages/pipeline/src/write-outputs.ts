import { mkdirSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { RenderedFile } from '@quizmark/model';

/**
 * Writes rendered files under `outDir` so that no reader ever sees a partial
 * file: each is written to a temporary name beside its target and renamed
 * into place, and nothing is renamed until every file of the build has been
 * written. On failure the temporaries are removed and the previous outputs
 * stay as they were.
 */
export function writeOutputs(outDir: string, files: readonly RenderedFile[]): string[] {
  const root = resolve(outDir);
  const staged: Array<{ temp: string; target: string }> = [];
  const suffix = `.quizmark-${process.pid}.tmp`;
  const realRoot = realPath(root);
  try {
    for (const file of files) {
      const target = resolve(root, file.path);
      if (!isInside(root, file.path)) {
        throw new Error(`refusing to write ${file.path}: outside the output folder`);
      }
      mkdirSync(dirname(target), { recursive: true });
      // A folder inside --out that is a symlink must not lead the write elsewhere.
      if (!isWithin(realRoot, realpathSync(dirname(target)))) {
        throw new Error(
          `refusing to write ${file.path}: a symlink leads outside the output folder`,
        );
      }
      const temp = `${target}${suffix}`;
      staged.push({ temp, target });
      writeFileSync(temp, file.bytes);
    }
    for (const { temp, target } of staged) renameSync(temp, target);
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    throw error;
  }
  return staged.map(({ target }) => target);
}

/**
 * Refuses an output folder that is a content folder or lies inside one,
 * also when a symlink on either side leads there.
 */
export function checkOutputFolder(
  outDir: string,
  sourceRoots: readonly string[],
  shown = outDir,
): string | null {
  const outs = [resolve(outDir), realPath(outDir)];
  for (const root of sourceRoots) {
    const roots = [resolve(root), realPath(root)];
    if (outs.some((out) => roots.some((candidate) => isWithin(candidate, out)))) {
      return `--out ${shown} is the content folder or inside it: outputs would mix with the decks; choose a separate folder such as dist`;
    }
  }
  return null;
}

/** Whether `path` is `folder` or inside it (both absolute). */
function isWithin(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
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

/** Whether `path` (relative) stays inside `root` once resolved. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(resolve(root), resolve(root, path));
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}
