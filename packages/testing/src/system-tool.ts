import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Full path of an executable on PATH, or null. */
export function findExecutable(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * Whether tests that need a system tool can run. Missing tools skip with a
 * clear message on a developer machine, and fail under CI=true, where a
 * skipped check would hide a missing install step.
 */
export function systemTool(
  name: string,
  debianPackage: string,
): { available: boolean; reason: string } {
  const path = findExecutable(name);
  const reason = `${name} is not installed (Debian package: ${debianPackage}); these tests need it`;
  if (!path && process.env.CI === 'true')
    throw new Error(`${reason}. CI=true, so this is a failure, not a skip.`);
  if (!path) console.warn(`skipping: ${reason}`);
  return { available: path !== null, reason };
}

/** Runs a system tool and returns its stdout as text. */
export function runTool(name: string, args: readonly string[]): string {
  return execFileSync(name, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}
