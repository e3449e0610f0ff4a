import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './run-cli.js';

const bin = join(repoRoot, 'packages/cli/dist/bin.js');

/** Heap of a bounded run: far below the machine's memory, far above an honest build. */
export const MEMORY_CAP_MB = 512;

export interface BoundedRun {
  /** Exit code; null when the process died of a signal (a crash or the timeout). */
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built `quizmark` with a capped heap and a deadline, as a
 * resource-limited CI runner would: a run that exhausts memory dies of
 * SIGABRT, one that hangs is killed. Nothing here measures time: the
 * deadline only keeps a hang from blocking the suite.
 */
export function runCliBounded(
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): BoundedRun {
  const result = spawnSync(
    process.execPath,
    [`--max-old-space-size=${MEMORY_CAP_MB}`, bin, ...args],
    {
      cwd: options.cwd,
      env: { ...process.env, QUIZMARK_DEBUG: '', ...options.env },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      timeout: options.timeoutMs ?? 120_000,
      killSignal: 'SIGKILL',
    },
  );
  return {
    status: result.status,
    signal: result.signal,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
  };
}
