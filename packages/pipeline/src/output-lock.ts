import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UsageError } from './discover.js';
import { BuildInterrupted } from './interrupt.js';

export const LOCK_NAME = '.quizmark-lock';

/** How long a build waits for another one writing the same folder: QUIZMARK_LOCK_TIMEOUT seconds, else 30. */
export function lockWaitMs(env = process.env): number {
  const seconds = Number(env.QUIZMARK_LOCK_TIMEOUT || Number.NaN);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 30_000;
}
const POLL_MS = 100;
// A lock file still empty after this long was left by a process that died while creating it.
const HALF_WRITTEN_MS = 5_000;

interface Holder {
  pid: number;
  host: string;
  token: string;
}

/** Tokens of the locks this process holds: a lock with our pid and another token is a leftover. */
const held = new Map<string, string>();
let releaseOnExit = false;

export interface OutputLock {
  release(): void;
}

/**
 * Takes the lock of an output folder (`<out>/.quizmark-lock`, created
 * exclusively, holding pid, host and a random token), so that two builds
 * never write one folder at once. A lock whose process is gone (same host,
 * pid not alive) is taken over; a live one is waited for, then the build
 * fails with a usage error saying who holds it.
 *
 * With `create: false` and no folder yet, there is nothing to protect and
 * nothing is created: the build takes the lock when it starts writing.
 */
export async function lockOutputFolder(
  outDir: string,
  shown: string,
  options: { create: boolean; waitMs?: number; signal?: AbortSignal | undefined },
): Promise<OutputLock | null> {
  if (!options.create && !existsSync(outDir)) return null;
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, LOCK_NAME);
  const me: Holder = { pid: process.pid, host: hostname(), token: randomBytes(8).toString('hex') };
  const deadline = Date.now() + (options.waitMs ?? lockWaitMs());
  for (;;) {
    if (tryCreate(path, me)) break;
    const holder = readHolder(path);
    if (holder === 'gone') continue;
    if (isStale(path, holder)) {
      // Read again just before removing: another build may have taken it over meanwhile.
      const again = readHolder(path);
      if (again !== 'gone' && JSON.stringify(again) === JSON.stringify(holder))
        rmSync(path, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      const who =
        holder === null
          ? ''
          : ` (pid ${holder.pid}${holder.host === me.host ? '' : ` on ${holder.host}`})`;
      throw new UsageError(
        `another quizmark build is writing ${shown}${who}; wait for it or remove ${join(shown, LOCK_NAME)} if it died`,
      );
    }
    if (options.signal?.aborted) throw new BuildInterrupted();
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  held.set(path, me.token);
  if (!releaseOnExit) {
    releaseOnExit = true;
    // A second Ctrl-C ends the process at once: the lock must not outlive it.
    process.once('exit', () => {
      for (const lock of held.keys()) rmSync(lock, { force: true });
    });
  }
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      if (held.get(path) !== me.token) return;
      held.delete(path);
      const holder = readHolder(path);
      if (holder !== 'gone' && holder?.token === me.token) rmSync(path, { force: true });
    },
  };
}

function tryCreate(path: string, me: Holder): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(me));
  } finally {
    closeSync(fd);
  }
  return true;
}

/** The holder of the lock; null when it cannot be read (being written, or damaged); 'gone' when released meanwhile. */
function readHolder(path: string): Holder | null | 'gone' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return 'gone';
  }
  try {
    const value = JSON.parse(text) as Partial<Holder>;
    if (
      typeof value.pid === 'number' &&
      typeof value.host === 'string' &&
      typeof value.token === 'string'
    )
      return value as Holder;
  } catch {
    // Fall through: unreadable.
  }
  return null;
}

function isStale(path: string, holder: Holder | null): boolean {
  if (holder === null) {
    try {
      return Date.now() - statSync(path).mtimeMs > HALF_WRITTEN_MS;
    } catch {
      return false;
    }
  }
  // Another host's process cannot be seen from here: only its owner can say it died.
  if (holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return held.get(path) !== holder.token;
  return !isAlive(holder.pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
