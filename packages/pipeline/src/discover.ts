import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { EXAM_FILE } from '@quizmark/blueprint/files';
import { isInside } from './path-containment.js';

/** A deck file found on the command line or inside a given folder. */
export interface DeckFile {
  /** Absolute path. */
  path: string;
  /** Path as shown in messages: relative to the working folder, posix separators. */
  display: string;
  /**
   * Folder that local images must stay inside: the folder given, or for a
   * deck file given by itself the working folder (the project) when the file
   * is inside it, else the file's own folder.
   */
  root: string;
  /** The folder given, or a deck file's own folder: outputs are named below it. */
  folder: string;
  /** Output base name, unique in the build: the path below `folder` without `.md` (`.exam.yaml`). */
  name: string;
  /** An exam blueprint (`*.exam.yaml`): drawn from the decks it names, rendered as one deck. */
  exam: boolean;
}

export class UsageError extends Error {}

// README files describe a folder; files starting with `_` are drafts or partials.
const isDeckName = (name: string) =>
  (name.endsWith('.md') || EXAM_FILE.test(name)) &&
  name.toLowerCase() !== 'readme.md' &&
  !name.startsWith('_');

/** Whether a file is an exam blueprint rather than a deck, by its name. */
export const isExamFile = (path: string) => EXAM_FILE.test(basename(path));

export interface DiscoverOptions {
  /**
   * Folders never entered: the output folder and the cache, so that a build
   * of `.` beside its `dist` does not read its own outputs.
   */
  skip?: readonly string[];
}

/**
 * Expands files and folders into deck files and exam files (`*.exam.yaml`), sorted so that every build sees
 * them in the same order. Hidden folders, node_modules and `skip` are not entered.
 */
export function discoverDecks(
  inputs: readonly string[],
  cwd = process.cwd(),
  options: DiscoverOptions = {},
): DeckFile[] {
  const skip = new Set((options.skip ?? []).map((folder) => resolve(cwd, folder)));
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
      for (const path of walk(absolute, skip)) add(found, path, absolute, absolute, cwd);
    } else if (!stats.isFile()) {
      // A FIFO or a device would block the build or never end.
      throw new UsageError(`cannot read ${input}: not a regular file or a folder`);
    } else {
      // Images may come from anywhere in the project, not only the deck's own folder.
      const folder = dirname(absolute);
      add(found, absolute, folder, isInside(cwd, absolute) ? resolve(cwd) : folder, cwd);
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

function add(
  found: Map<string, DeckFile>,
  path: string,
  folder: string,
  root: string,
  cwd: string,
) {
  const display = toPosix(relative(cwd, path)) || basename(path);
  const exam = isExamFile(path);
  const name = toPosix(relative(folder, path)).replace(exam ? EXAM_FILE : /\.md$/i, '');
  found.set(path, {
    path,
    display: display.startsWith('..') ? toPosix(path) : display,
    root,
    folder,
    name,
    exam,
  });
}

function walk(dir: string, skip: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : 1,
  )) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skip.has(path)) out.push(...walk(path, skip));
    } else if (entry.isFile() && isDeckName(entry.name)) out.push(path);
  }
  return out;
}

/** The first deck file inside `dir` (as discovery would find it), or null. */
export function firstDeckIn(dir: string): string | null {
  try {
    return walk(dir, new Set())[0] ?? null;
  } catch {
    return null;
  }
}

export const toPosix = (path: string) => path.split(sep).join('/');
