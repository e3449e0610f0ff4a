import { relative, resolve } from 'node:path';
import type { RenderedFile } from '@quizmark/model';
import { firstDeckIn, toPosix } from './discover.js';
import { OutputStaging, type WriteOptions, type WrittenFile } from './output-staging.js';
import { checkTarget, realPath } from './output-targets.js';
import { isWithin } from './path-containment.js';

export type { WriteOptions, WrittenFile } from './output-staging.js';

/**
 * Writes rendered files under `outDir`, all or nothing (see OutputStaging),
 * after checking every target, before anything is created. Returns the
 * files written: one already holding its bytes is left alone, unlisted.
 */
export function writeOutputs(
  outDir: string,
  files: readonly RenderedFile[],
  options: WriteOptions = {},
): WrittenFile[] {
  const root = resolve(outDir);
  const realRoot = realPath(root);
  for (const file of files) checkTarget(root, realRoot, file.path);
  const staging = new OutputStaging(outDir, options);
  try {
    for (const file of files) staging.stage(file.path, file.bytes);
  } catch (error) {
    staging.discard();
    throw error;
  }
  return staging.commit();
}

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
