import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
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

/**
 * Starts the built `quizmark` like runCliBounded, without waiting: the test
 * keeps its event loop (to serve HTTP requests, or to send a signal).
 */
export function startCliBounded(
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): { child: ChildProcess; done: Promise<BoundedRun> } {
  const child = spawn(process.execPath, [`--max-old-space-size=${MEMORY_CAP_MB}`, bin, ...args], {
    cwd: options.cwd,
    env: { ...process.env, QUIZMARK_DEBUG: '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
  const done = new Promise<BoundedRun>((resolve) => {
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr });
    });
  });
  return { child, done };
}
