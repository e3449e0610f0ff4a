import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const contentDir = join(repoRoot, 'content');
const bin = join(repoRoot, 'packages/cli/dist/bin.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `quizmark` binary as a user would (`pnpm build` first). */
export function runCli(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
): CliRun {
  if (!existsSync(bin))
    throw new Error(`${bin} is missing: run \`pnpm build\` before the end-to-end tests`);
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    input: options.input,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export const tempDir = (prefix = 'quizmark-e2e-') => mkdtempSync(join(tmpdir(), prefix));

/** A stack trace line, which users must never see. */
export const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;
