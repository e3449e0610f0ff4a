import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus } from '@quizmark/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { contentDir, repoRoot, tempDir } from '../support/run-cli.js';

const bin = join(repoRoot, 'packages/cli/dist/bin.js');
const seed = readFileSync(join(contentDir, 'mlops.md'), 'utf8');

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
});

/** Starts `quizmark watch` and lets the test wait for lines on its stderr. */
function startWatch(src: string, out: string) {
  child = spawn(process.execPath, [bin, 'watch', src, '--out', out, '--format', 'json,html'], {
    env: { ...process.env, QUIZMARK_CACHE_DIR: join(out, '..', 'cache') },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  let seen = 0;
  child.stderr!.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const waitFor = async (pattern: RegExp): Promise<string> => {
    for (let waited = 0; waited < 30_000; waited += 20) {
      const rest = log.slice(seen);
      const match = pattern.exec(rest);
      if (match) {
        seen += match.index + match[0].length;
        return rest.slice(0, match.index + match[0].length);
      }
      await new Promise((settle) => setTimeout(settle, 20));
    }
    throw new Error(`watch did not print ${pattern} in 30 s; it printed:\n${log}`);
  };
  return { waitFor, log: () => log };
}

describe('quizmark watch', () => {
  it('should rebuild on save, survive errors, keep the last good outputs, and follow deletes and renames', async () => {
    const src = tempDir();
    const out = join(tempDir(), 'out');
    writeFileSync(join(src, 'mlops.md'), seed);
    const generated = tempDir();
    generateCorpus(generated, { questions: 20, files: 1, seed: 3 });
    renameSync(join(generated, 'deck-0000.md'), join(src, 'other.md'));
    const watch = startWatch(src, out);
    await watch.waitFor(/watching /);
    expect(readFileSync(join(out, 'mlops.json'), 'utf8')).toContain('Machine Learning Operations');

    // An edit: only that deck is rebuilt.
    writeFileSync(
      join(src, 'mlops.md'),
      seed.replace('Machine Learning Operations', 'Machine Learning Operations (edited)'),
    );
    expect(await watch.waitFor(/rebuilt .* in \d+ ms/)).toMatch(/rebuilt mlops in/);
    expect(readFileSync(join(out, 'mlops.json'), 'utf8')).toContain('Operations (edited)');

    // A broken deck: reported with its position, outputs stay as they were.
    const good = readFileSync(join(out, 'mlops.json'));
    writeFileSync(join(src, 'mlops.md'), seed.replace(/^id: .*$/m, ''));
    expect(await watch.waitFor(/not rebuilt/)).toMatch(/mlops\.md:1:1\s+error\s+.*deck-no-id/);
    expect(readFileSync(join(out, 'mlops.json')).equals(good)).toBe(true);

    // Fixed again: rebuilt.
    writeFileSync(join(src, 'mlops.md'), seed);
    await watch.waitFor(/rebuilt mlops in/);
    expect(readFileSync(join(out, 'mlops.json'), 'utf8')).not.toContain('(edited)');

    // Renamed: outputs follow the new name, the old ones go.
    renameSync(join(src, 'other.md'), join(src, 'renamed.md'));
    await watch.waitFor(/rebuilt renamed in .*1 removed|rebuilt renamed in/);
    await watch.waitFor(/removed\)|$/);
    expect(existsSync(join(out, 'renamed.json'))).toBe(true);
    expect(existsSync(join(out, 'other.json'))).toBe(false);

    // Deleted: its outputs are removed, the watcher keeps going.
    rmSync(join(src, 'renamed.md'));
    await watch.waitFor(/rebuilt nothing changed in .*[1-9]\d* removed/);
    expect(existsSync(join(out, 'renamed.json'))).toBe(false);
    expect(existsSync(join(out, 'mlops.json'))).toBe(true);

    child!.kill('SIGINT');
    const code = await new Promise((done) => child!.on('close', done));
    expect(code).toBe(0);
  });
});
