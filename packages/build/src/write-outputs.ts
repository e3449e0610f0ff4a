import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
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
  try {
    for (const file of files) {
      const target = resolve(root, file.path);
      if (!isInside(root, file.path)) {
        throw new Error(`refusing to write ${file.path}: outside the output folder`);
      }
      mkdirSync(dirname(target), { recursive: true });
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

/** Refuses an output folder that is a content folder or lies inside one. */
export function checkOutputFolder(
  outDir: string,
  sourceRoots: readonly string[],
  shown = outDir,
): string | null {
  const out = resolve(outDir);
  for (const root of sourceRoots) {
    const into = relative(root, out);
    if (into === '' || !(into.startsWith('..') || isAbsolute(into))) {
      return `--out ${shown} is the content folder or inside it: outputs would mix with the decks; choose a separate folder such as dist`;
    }
  }
  return null;
}

/** Whether `path` (relative) stays inside `root` once resolved. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(resolve(root), resolve(root, path));
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}
