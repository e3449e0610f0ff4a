import {
  BuildInterrupted,
  type BuildResult,
  buildDecks,
  DEFAULT_REGISTRY,
  readProjectConfig,
} from '@quizmark/pipeline';
import { BUILD_FLAGS, buildOptionsFromFlags, withFlagNames } from '../build-flags.js';
import { INTERRUPTED } from '../exit-codes.js';
import { buildHelp } from '../help.js';
import type { Io } from '../io.js';
import { parseCommandArgs } from '../parse-args.js';
import { createProgress } from '../progress.js';
import { formatDiagnostics, shown, summarize } from '../report.js';
import { warnUnusedTemplates } from '../template-warning.js';

export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** What a build stopped before writing says (watch says it too). */
export const interruptedNotice = (outDir: string) =>
  `quizmark: interrupted: nothing was written, ${shown(outDir)} is as it was\n`;

export async function buildCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, BUILD_FLAGS);
  if (values.help) {
    io.stdout(buildHelp());
    return 0;
  }
  const config = readProjectConfig(io.cwd);
  const options = buildOptionsFromFlags(values, io.cwd, DEFAULT_REGISTRY, config);
  const inputs = positionals.length > 0 ? positionals : (config?.content ?? []);
  warnUnusedTemplates(options, io);
  const progress = createProgress(io, !values.quiet);
  const started = performance.now();
  // Ctrl-C stops the build before it writes; a second one stops the process
  // at once. Writing itself is one synchronous step, never cut in half.
  const controller = new AbortController();
  const interrupt = () => {
    if (controller.signal.aborted) process.exit(INTERRUPTED);
    controller.abort();
  };
  for (const signal of STOP_SIGNALS) process.on(signal, interrupt);
  let result: BuildResult;
  try {
    result = await withFlagNames(() =>
      buildDecks({
        ...options,
        inputs,
        onProgress: progress.onProgress,
        signal: controller.signal,
      }),
    );
  } catch (error) {
    if (!(error instanceof BuildInterrupted)) throw error;
    progress.done();
    io.stderr(interruptedNotice(options.outDir));
    return INTERRUPTED;
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, interrupt);
    progress.done();
  }
  return reportBuild(result, io, {
    quiet: Boolean(values.quiet),
    verbose: Boolean(values.verbose),
    out: options.outDir,
    ms: performance.now() - started,
  });
}

/** Prints a build's problems and outcome; returns the exit code. */
export function reportBuild(
  result: BuildResult,
  io: Io,
  options: { quiet: boolean; verbose: boolean; out: string; ms: number },
): number {
  const reported = options.quiet
    ? result.diagnostics.filter((d) => d.severity === 'error')
    : result.diagnostics;
  io.stderr(formatDiagnostics(reported));
  if (!result.ok) {
    io.stderr(summarize(result.diagnostics, result.stats.decks));
    io.stderr('build failed: nothing was written\n');
    return 1;
  }
  const { stats } = result;
  if (!options.quiet) {
    io.stderr(
      `built ${stats.decks} deck${stats.decks === 1 ? '' : 's'} into ${shown(options.out)} in ${Math.round(options.ms)} ms: ` +
        `${result.outputs.length} files, ${stats.written} written, ${result.outputs.length - stats.written} already up to date\n`,
    );
  }
  if (options.verbose) {
    io.stderr(
      `  parsed ${stats.parsed} of ${stats.decks} decks (the rest from the cache), rendered outputs of ${stats.renderedDecks.length} decks, ` +
        `removed ${stats.removed} stale files, ${stats.workers} worker threads\n`,
    );
    for (const path of result.outputs) io.stderr(`  ${shown(path)}\n`);
  }
  return 0;
}
