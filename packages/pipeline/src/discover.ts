import { readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';

/** A deck file found on the command line or inside a given folder. */
export interface DeckFile {
  /** Absolute path. */
  path: string;
  /** Path as shown in messages: relative to the working folder, posix separators. */
  display: string;
  /** Folder that local images must stay inside: the folder given, or the file's own folder. */
  root: string;
  /** Output base name, unique in the build: the path below its root without `.md`. */
  name: string;
}

export class UsageError extends Error {}

// README files describe a folder; files starting with `_` are drafts or partials.
const isDeckName = (name: string) =>
  name.endsWith('.md') && name.toLowerCase() !== 'readme.md' && !name.startsWith('_');

/**
 * Expands files and folders into deck files, sorted so that every build sees
 * them in the same order. Hidden folders and node_modules are not entered.
 */
export function discoverDecks(inputs: readonly string[], cwd = process.cwd()): DeckFile[] {
  if (inputs.length === 0)
    throw new UsageError('no input: name deck files or folders (e.g. `content`)');
  const found = new Map<string, DeckFile>();
  for (const input of inputs) {
    const absolute = resolve(cwd, input);
    let stats: ReturnType<typeof statSync>;
    try {
      stats = statSync(absolute);
    } catch {
      throw new UsageError(`cannot read ${input}: no such file or folder`);
    }
    if (stats.isDirectory()) {
      for (const path of walk(absolute)) add(found, path, absolute, cwd);
    } else if (!stats.isFile()) {
      // A FIFO or a device would block the build or never end.
      throw new UsageError(`cannot read ${input}: not a regular file or a folder`);
    } else {
      add(found, absolute, resolve(absolute, '..'), cwd);
    }
  }
  const decks = [...found.values()].sort((a, b) =>
    a.display < b.display ? -1 : a.display > b.display ? 1 : 0,
  );
  const names = new Map<string, DeckFile>();
  for (const deck of decks) {
    const other = names.get(deck.name);
    if (other)
      throw new UsageError(
        `${deck.display} and ${other.display} would both write outputs named ${deck.name}`,
      );
    names.set(deck.name, deck);
  }
  return decks;
}

function add(found: Map<string, DeckFile>, path: string, root: string, cwd: string) {
  const display = toPosix(relative(cwd, path)) || basename(path);
  const name = toPosix(relative(root, path)).replace(/\.md$/i, '');
  found.set(path, {
    path,
    display: display.startsWith('..') ? toPosix(path) : display,
    root,
    name,
  });
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : 1,
  )) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path));
    else if (entry.isFile() && isDeckName(entry.name)) out.push(path);
  }
  return out;
}

export const toPosix = (path: string) => path.split(sep).join('/');
