import { existsSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import {
  BuildInterrupted,
  buildDecks,
  ContentCache,
  DEFAULT_REGISTRY,
  defaultCacheDir,
  examDeckFolders,
  isExamFile,
  readProjectConfig,
  UsageError,
  warmUp,
} from '@quizmark/pipeline';
import { BUILD_FLAGS, buildOptionsFromFlags, withFlagNames } from '../build-flags.js';
import { INTERRUPTED } from '../exit-codes.js';
import { WATCH_HELP } from '../help.js';
import type { Io } from '../io.js';
import { parseCommandArgs } from '../parse-args.js';
import { createProgress } from '../progress.js';
import { createRepeatFilter } from '../repeated-warnings.js';
import { formatDiagnostics, shown, summarize } from '../report.js';
import { warnUnusedTemplates } from '../template-warning.js';
import { type FolderWatch, watchFolders } from '../watch-folders.js';
import { interruptedNotice, STOP_SIGNALS } from './build.js';

// Editors save in bursts (write, rename, chmod): wait this long for quiet.
const SETTLE_MS = 25;

/** The folder to watch for an input: itself, or the folder of a deck file. */
function folderOf(path: string): string {
  if (existsSync(path)) return statSync(path).isDirectory() ? path : dirname(path);
  return path.endsWith('.md') || isExamFile(path) ? dirname(path) : path;
}

/**
 * The folders to watch: every input's, and for an exam file named by itself
 * the folders of the decks it draws from, which may lie elsewhere in the
 * project (an exam inside a folder input may only draw from that folder).
 */
function foldersToWatch(inputs: readonly string[], cwd: string): string[] {
  const paths = inputs.map((input) => resolve(cwd, input));
  const exams = paths.filter((path) => isExamFile(path) && existsSync(path));
  return [...new Set([...paths.map(folderOf), ...exams.flatMap(examDeckFolders)])].sort();
}

/**
 * Builds, then rebuilds whenever a file under the inputs changes. A deck
 * with errors is reported and its last good outputs stay; a deleted or
 * renamed deck has its outputs removed; a watched folder that goes away is
 * waited for. Ctrl-C stops a build under way before it writes, as in
 * `build` (exit 130), the first build included; between builds it ends
 * the watch (exit 0). Runs until interrupted, or until `signal` aborts (tests).
 */
export async function watchCommand(argv: string[], io: Io, signal?: AbortSignal): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, BUILD_FLAGS);
  if (values.help) {
    io.stdout(WATCH_HELP);
    return 0;
  }
  const config = readProjectConfig(io.cwd);
  const options = buildOptionsFromFlags(values, io.cwd, DEFAULT_REGISTRY, config);
  const inputs = positionals.length > 0 ? positionals : (config?.content ?? []);
  warnUnusedTemplates(options, io);
  if (inputs.length === 0)
    throw new UsageError(
      'no input: name deck files or folders to watch (e.g. `content`), or set `content` in quizmark.config.json',
    );
  // One cache for the whole session, kept in memory: rebuilds skip disk reads.
  const cacheStore = new ContentCache(defaultCacheDir(io.cwd), { memory: true });
  const session = { ...options, inputs, cacheStore, ...(options.cache ? {} : { cache: false }) };

  // Stop signals are ours from the start, so no build is ever cut off mid-write.
  let stopping = false;
  let interrupted = false;
  let building: AbortController | null = null;
  // Readies the process for the first save (see warm-up.ts); a save or Ctrl-C stops it.
  const warming = new AbortController();
  let wake = () => {};
  const stopped = new Promise<void>((done) => {
    wake = done;
  });
  const stop = () => {
    // A second Ctrl-C stops at once, as in `build`.
    if (stopping) process.exit(INTERRUPTED);
    stopping = true;
    warming.abort();
    building?.abort();
    wake();
  };
  for (const name of STOP_SIGNALS) process.on(name, stop);
  signal?.addEventListener('abort', stop, { once: true });

  const newProblems = createRepeatFilter();
  const build = async (reason: 'start' | 'change') => {
    if (stopping) return;
    const started = performance.now();
    const progress = createProgress(io, !values.quiet);
    building = new AbortController();
    try {
      const { signal } = building;
      const result = await withFlagNames(() =>
        buildDecks({ ...session, onProgress: progress.onProgress, signal }),
      );
      progress.done();
      const ms = Math.round(performance.now() - started);
      const { shown: fresh, repeated } = newProblems(
        values.quiet
          ? result.diagnostics.filter((d) => d.severity === 'error')
          : result.diagnostics,
      );
      io.stderr(formatDiagnostics(fresh));
      if (repeated > 0)
        io.stderr(
          `${repeated} warning${repeated === 1 ? '' : 's'} unchanged since the last build (not repeated)\n`,
        );
      if (!result.ok) {
        io.stderr(
          `${summarize(result.diagnostics, result.stats.decks)}not rebuilt (${reason}): the last good outputs stay\n`,
        );
        return;
      }
      const { stats } = result;
      const what =
        stats.renderedDecks.length > 0
          ? stats.renderedDecks.map(shown).join(', ')
          : 'nothing changed';
      io.stderr(
        `rebuilt ${what} in ${ms} ms (${stats.written} written, ${stats.removed} removed)\n`,
      );
    } catch (error) {
      progress.done();
      if (error instanceof BuildInterrupted) {
        interrupted = true;
        io.stderr(interruptedNotice(options.outDir));
      } else if (error instanceof UsageError && reason === 'start') {
        // A bad flag value or --out is refused at once, as by `build`: nothing to watch for.
        throw error;
      } else io.stderr(`quizmark: ${error instanceof Error ? error.message : String(error)}\n`);
    } finally {
      building = null;
    }
  };

  let folders: FolderWatch | undefined;
  let rewatch = async () => {};
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  try {
    await build('start');
    if (stopping) return interrupted ? INTERRUPTED : 0;
    let queued = false;
    const schedule = () => {
      warming.abort();
      clearTimeout(timer);
      timer = setTimeout(() => {
        // Never two builds at once: a change during a build triggers one more after it.
        if (queued) return;
        queued = true;
        running = running.then(async () => {
          queued = false;
          // A folder that is gone is waited for, not built without.
          if (folders?.present() !== false) {
            await build('change');
            await rewatch();
          }
        });
      }, SETTLE_MS);
    };
    const place = (folder: string) => shown(relative(io.cwd, folder) || '.');
    let watching = foldersToWatch(inputs, io.cwd);
    // The output folder and the cache may sit inside a watched folder: their writes are not saves.
    const watchAll = (list: readonly string[]) =>
      watchFolders(list, [resolve(io.cwd, options.outDir), cacheStore.dir], {
        change: schedule,
        gone: (folder) =>
          io.stderr(`content folder ${place(folder)} is gone; waiting for it to come back\n`),
        back: (folder) => {
          io.stderr(`content folder ${place(folder)} is back\n`);
          schedule();
        },
        error: (error) => io.stderr(`quizmark: watching: ${error.message}\n`),
      });
    // An exam edited to draw from a deck in another folder: watch that folder too, from now on.
    rewatch = async () => {
      const wanted = foldersToWatch(inputs, io.cwd);
      if (stopping || wanted.join('\0') === watching.join('\0')) return;
      watching = wanted;
      await folders?.close();
      folders = await watchAll(watching);
    };
    folders = await watchAll(watching);
    if (!stopping)
      io.stderr(`watching ${inputs.map(shown).join(', ')} for changes (Ctrl-C to stop)\n`);
    running = running.then(() =>
      warmUp(session, warming.signal).catch((error: unknown) => {
        // A file or folder gone meanwhile is the next build's to report; any other error is a fault of ours.
        const code = (error as NodeJS.ErrnoException).code;
        if (error instanceof UsageError || code === 'ENOENT' || code === 'ENOTDIR') return;
        io.stderr(
          `quizmark: readying for the next save: ${error instanceof Error ? error.message : String(error)}\n`,
        );
      }),
    );
    await stopped;
  } finally {
    for (const name of STOP_SIGNALS) process.off(name, stop);
    clearTimeout(timer);
    await folders?.close();
    await running;
  }
  return interrupted ? INTERRUPTED : 0;
}
