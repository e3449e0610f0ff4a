import { statSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { type FSWatcher, watch } from 'chokidar';

// How often each watched folder is checked to still be there: a moved or
// deleted folder gives no reliable event of its own.
const CHECK_MS = 250;

export interface FolderEvents {
  /** Something under a folder changed (written, replaced by a rename, added, removed). */
  change: () => void;
  /** A watched folder was moved away or deleted (or was missing at the start). */
  gone: (folder: string) => void;
  /** A folder that was gone is there again, and watched. */
  back: (folder: string) => void;
  error: (error: Error) => void;
}

export interface FolderWatch {
  /** Checks every folder now; true when all of them are there. */
  present: () => boolean;
  close: () => Promise<void>;
}

interface Watched {
  folder: string;
  /** Device and inode of the folder at that path, or null while it is gone. */
  id: string | null;
  watcher: FSWatcher | null;
  /** Starts and stops of this folder's watcher, one after another. */
  queue: Promise<void>;
}

/** Whether `path` is strictly inside `folder`. */
function isBelow(folder: string, path: string): boolean {
  const rest = relative(folder, path);
  return rest !== '' && !rest.startsWith('..') && !isAbsolute(rest);
}

/** A folder's identity: another folder moved into its place is a different one. */
function folderId(path: string): string | null {
  try {
    const stats = statSync(path);
    return stats.isDirectory() ? `${stats.dev}:${stats.ino}` : null;
  } catch {
    return null;
  }
}

/**
 * Watches folders recursively with chokidar, which re-arms on files replaced
 * by a rename (`sed -i`, "safe write", vim's backup copies) where Node's
 * recursive `fs.watch` reports such a file once and then never again. A
 * folder that goes away is reported and watched for until it comes back.
 * Changes under node_modules, .git and the `ignore` folders (the output
 * folder) are not reported.
 */
export async function watchFolders(
  folders: readonly string[],
  ignore: readonly string[],
  events: FolderEvents,
): Promise<FolderWatch> {
  const start = async (entry: Watched) => {
    // Only folders inside the watched one: an output folder around it must not hide it.
    const skipped = ignore.filter((folder) => isBelow(entry.folder, folder));
    const ignored = (path: string) =>
      skipped.some((folder) => path === folder || isBelow(folder, path)) ||
      relative(entry.folder, path)
        .split(sep)
        .some((part) => part === 'node_modules' || part === '.git');
    const watcher = watch(entry.folder, { ignoreInitial: true, ignored });
    watcher.on('all', () => events.change());
    watcher.on('error', (error) => events.error(error as Error));
    entry.watcher = watcher;
    await new Promise<void>((ready) => watcher.once('ready', () => ready()));
  };
  const stop = async (entry: Watched) => {
    const watcher = entry.watcher;
    entry.watcher = null;
    await watcher?.close();
  };
  const watched: Watched[] = folders.map((folder) => ({
    folder,
    id: folderId(folder),
    watcher: null,
    queue: Promise.resolve(),
  }));
  await Promise.all(watched.filter((entry) => entry.id !== null).map(start));
  for (const entry of watched) if (entry.id === null) events.gone(entry.folder);

  const present = () => {
    for (const entry of watched) {
      const id = folderId(entry.folder);
      if (id === entry.id) continue;
      const wasGone = entry.id === null;
      entry.id = id;
      entry.queue = entry.queue.then(async () => {
        await stop(entry);
        if (id === null) return events.gone(entry.folder);
        await start(entry);
        // Replaced in one step (moved away, another moved in): just a change.
        if (wasGone) events.back(entry.folder);
        else events.change();
      });
    }
    return watched.every((entry) => entry.id !== null);
  };
  const timer = setInterval(present, CHECK_MS);
  return {
    present,
    async close() {
      clearInterval(timer);
      await Promise.all(watched.map((entry) => entry.queue));
      await Promise.all(watched.map(stop));
    },
  };
}
