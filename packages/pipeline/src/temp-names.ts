import { randomBytes } from 'node:crypto';
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Names of the files a build stages beside its outputs. Short, so that a
 * long output name still fits the file system's name limit, and random, so
 * that two builds with the same pid (separate containers sharing a volume)
 * never write the same temporary file.
 */
export const tempPath = (folder: string) =>
  join(folder, `.${randomBytes(4).toString('hex')}.qm.tmp`);

// The current form, and the `<target>.quizmark-<pid>.tmp` of earlier versions.
const TEMP_NAME = /^\.[0-9a-f]{8}\.qm\.tmp$|\.quizmark-\d+\.tmp$/;

export const isTempName = (name: string) => TEMP_NAME.test(name);

/**
 * Removes temporary files left in `folders` by a build that died (kill -9,
 * a power cut), whatever process made them. Only safe while holding the
 * output folder's lock: another live build's temporaries look the same.
 * Returns how many were removed.
 */
export function removeStaleTemps(folders: Iterable<string>): number {
  let removed = 0;
  for (const folder of folders) {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names.filter(isTempName)) {
      const path = join(folder, name);
      try {
        if (!lstatSync(path).isFile()) continue;
        rmSync(path, { force: true });
        removed++;
      } catch {
        // Gone already, or not ours to remove: the build goes on.
      }
    }
  }
  return removed;
}
