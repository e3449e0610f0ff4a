import { existsSync, type FSWatcher, statSync, watch } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildDecks, ContentCache, defaultCacheDir, UsageError } from '@quizmark/pipeline';
import { BUILD_FLAGS, buildOptionsFromFlags } from '../build-flags.js';
import { WATCH_HELP } from '../help.js';
import type { Io } from '../io.js';
import { parseCommandArgs } from '../parse-args.js';
import { formatDiagnostics, summarize } from '../report.js';

// Editors save in bursts (write, rename, chmod): wait this long for quiet.
const SETTLE_MS = 25;

/**
 * Builds, then rebuilds whenever a file under the inputs changes. A deck
 * with errors is reported and its last good outputs stay; a deleted or
 * renamed deck has its outputs removed. Runs until interrupted, or until
 * `signal` aborts (tests).
 */
export async function watchCommand(argv: string[], io: Io, signal?: AbortSignal): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, BUILD_FLAGS);
  if (values.help) {
    io.stdout(WATCH_HELP);
    return 0;
  }
  const options = buildOptionsFromFlags(values, io.cwd);
  if (positionals.length === 0)
    throw new UsageError('no input: name deck files or folders to watch (e.g. `content`)');
  // One cache for the whole session, kept in memory: rebuilds skip disk reads.
  const cacheStore = new ContentCache(defaultCacheDir(io.cwd), { memory: true });
  const build = async (reason: string) => {
    const started = performance.now();
    try {
      const result = await buildDecks({
        ...options,
        inputs: positionals,
        cacheStore,
        ...(options.cache ? {} : { cache: false }),
      });
      const ms = Math.round(performance.now() - started);
      io.stderr(
        formatDiagnostics(
          values.quiet
            ? result.diagnostics.filter((d) => d.severity === 'error')
            : result.diagnostics,
        ),
      );
      if (!result.ok) {
        io.stderr(
          `${summarize(result.diagnostics, result.stats.decks)}not rebuilt (${reason}): the last good outputs stay\n`,
        );
        return;
      }
      const { stats } = result;
      const what =
        stats.renderedDecks.length > 0 ? stats.renderedDecks.join(', ') : 'nothing changed';
      io.stderr(
        `rebuilt ${what} in ${ms} ms (${stats.written} written, ${stats.removed} removed)\n`,
      );
    } catch (error) {
      io.stderr(`quizmark: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  };
  await build('start');
  io.stderr(`watching ${positionals.join(', ')} for changes (Ctrl-C to stop)\n`);

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let again = false;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      // Never two builds at once: a change during a build triggers one more after it.
      if (again) return;
      again = true;
      running = running.then(async () => {
        again = false;
        await build('change');
      });
    }, SETTLE_MS);
  };
  const watchers: FSWatcher[] = [];
  for (const input of positionals) {
    const path = resolve(io.cwd, input);
    const folder = existsSync(path) && statSync(path).isDirectory() ? path : dirname(path);
    watchers.push(watch(folder, { recursive: true }, schedule));
  }
  await new Promise<void>((done) => {
    const stop = () => done();
    signal?.addEventListener('abort', stop, { once: true });
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  clearTimeout(timer);
  for (const watcher of watchers) watcher.close();
  await running;
  return 0;
}
