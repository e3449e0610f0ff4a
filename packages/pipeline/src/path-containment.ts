import { isAbsolute, relative, resolve, sep } from 'node:path';

// The one test of "stays inside a folder", for output paths and image
// references alike: by path, after `..` is resolved (callers that must also
// follow symlinks resolve real paths first).

/** Whether `path` is `folder` or inside it (both absolute). */
export function isWithin(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** Whether `path` (relative to `root`, or absolute) is strictly inside `root` once resolved. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(resolve(root), resolve(root, path));
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}
