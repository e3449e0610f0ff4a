import {
  existsSync,
  type FSWatcher,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  watch,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { generateCorpus, seededRandom } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { differences, readTree } from '../support/files.js';
import { runCliBounded, startCliBounded } from '../support/run-bounded.js';
import { STACK_TRACE, tempDir } from '../support/run-cli.js';

// Faults around writing --out: a build killed while writing, a build of
// part of what --out holds, two builds at once, names too long to write,
// symlinks that lead out. After each, --out must hold what a --no-cache
// build into an empty folder writes, byte for byte.

const MANIFEST = '.quizmark-manifest.json';
const LOCK = '.quizmark-lock';
const TEMP = /\.qm\.tmp$|\.quizmark-\d+\.tmp$/;

/** Output files: everything in the folder but quizmark's own bookkeeping. */
const outputs = (dir: string) =>
  new Map([...readTree(dir)].filter(([name]) => name !== MANIFEST && name !== LOCK));
const temporaries = (dir: string) => [...readTree(dir).keys()].filter((name) => TEMP.test(name));

function project(questions: number, files: number) {
  const root = tempDir('quizmark-faults-');
  generateCorpus(join(root, 'content'), { questions, files, seed: 7 });
  const env = { QUIZMARK_CACHE_DIR: join(root, 'cache'), SOURCE_DATE_EPOCH: '1700000000' };
  const run = (args: readonly string[]) => {
    const result = runCliBounded(args, { cwd: root, env });
    expect(result.stderr).not.toMatch(STACK_TRACE);
    return result;
  };
  /** What a cold build of `inputs` writes into an empty folder. */
  const reference = (inputs: readonly string[], format = 'all') => {
    const out = join(tempDir('quizmark-reference-'), 'out');
    const result = runCliBounded(
      ['build', ...inputs, '--out', out, '--format', format, '--no-cache'],
      { cwd: root, env },
    );
    expect(result.status, result.stderr).toBe(0);
    return outputs(out);
  };
  return { root, env, run, reference, out: join(root, 'out') };
}

const editAll = (content: string, mark: string) => {
  for (const name of readdirSync(content)) {
    const path = join(content, name);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^title: /m, `title: ${mark} `));
  }
};

describe('a build killed while writing', () => {
  it('should be repaired by the next build: no temporary file, outputs as a cold build writes them', async () => {
    // Many small decks, so that staging and renaming take long enough to be cut at different points.
    const { root, env, run, reference, out } = project(240, 120);
    const format = ['--format', 'json,html'];
    expect(run(['build', 'content', '--out', 'out', ...format]).status).toBe(0);
    const random = seededRandom(3);
    let cutMidWrite = 0;
    for (let round = 0; round < 3; round++) {
      const old = outputs(out);
      editAll(join(root, 'content'), `Round ${round}`);
      const fresh = reference(['content'], 'json,html');
      const delay = Math.floor(random() * 30);
      const { child, done } = startCliBounded(['build', 'content', '--out', 'out', ...format], {
        cwd: root,
        env,
      });
      // The first temporary file marks the start of the write phase; kill -9 a little later.
      const watcher: FSWatcher = watch(out, (_event, name) => {
        if (name && TEMP.test(String(name))) {
          watcher.close();
          setTimeout(() => child.kill('SIGKILL'), delay);
        }
      });
      const killed = await done;
      watcher.close();
      // Whatever the moment, each output is whole: its old bytes or its new ones.
      const after = outputs(out);
      for (const [name, bytes] of after) {
        if (TEMP.test(name)) continue;
        const whole =
          bytes.equals(old.get(name) ?? Buffer.alloc(0)) || bytes.equals(fresh.get(name)!);
        expect(whole, `${name} is neither the old nor the new output`).toBe(true);
      }
      if (killed.signal === 'SIGKILL' && temporaries(out).length > 0) cutMidWrite++;
      const next = run(['build', 'content', '--out', 'out', ...format]);
      expect(next.status, next.stderr).toBe(0);
      expect(temporaries(out)).toEqual([]);
      expect(differences(fresh, outputs(out))).toEqual([]);
    }
    // The test proves nothing unless some kills did land mid-write.
    expect(cutMidWrite, 'no kill landed while temporary files existed').toBeGreaterThan(0);
  }, 600_000);

  it('should remove temporary files of any process and either naming, old or new', () => {
    const { run, reference, out } = project(30, 3);
    expect(run(['build', 'content', '--out', 'out', '--format', 'json']).status).toBe(0);
    const left = ['deck-0000.json.quizmark-99999.tmp', '.deadbeef.qm.tmp', '.0badcafe.qm.tmp'];
    for (const name of left) writeFileSync(join(out, name), 'half');
    // An up-to-date build too: nothing else to write, the leftovers still go.
    expect(run(['build', 'content', '--out', 'out', '--format', 'json']).status).toBe(0);
    expect(temporaries(out)).toEqual([]);
    expect(differences(reference(['content'], 'json'), outputs(out))).toEqual([]);
  }, 300_000);
});

describe('what a build owns in --out', () => {
  it('should keep the other formats when building one format after a full build', () => {
    const { root, run, reference, out } = project(60, 3);
    expect(run(['build', 'content', '--out', 'out']).status).toBe(0);
    const full = outputs(out);
    expect(run(['build', 'content', '--out', 'out', '--format', 'pdf']).status).toBe(0);
    expect(differences(full, outputs(out))).toEqual([]);
    // A deck deleted, then a PDF-only build: only its PDFs go; a full build removes the rest.
    rmSync(join(root, 'content', 'deck-0002.md'));
    expect(run(['build', 'content', '--out', 'out', '--format', 'pdf']).status).toBe(0);
    const names = [...outputs(out).keys()];
    expect(names.filter((name) => name.startsWith('deck-0002.'))).toEqual([
      'deck-0002.anki.txt',
      'deck-0002.answers.html',
      'deck-0002.apkg',
      'deck-0002.html',
      'deck-0002.json',
    ]);
    expect(run(['build', 'content', '--out', 'out']).status).toBe(0);
    expect(differences(reference(['content']), outputs(out))).toEqual([]);
  }, 600_000);

  it("should leave the other decks' outputs alone when building one deck into a shared --out", () => {
    const { run, out } = project(60, 3);
    const format = ['--format', 'json,html'];
    expect(run(['build', 'content', '--out', 'out', ...format]).status).toBe(0);
    const before = outputs(out);
    const one = run(['build', 'content/deck-0001.md', '--out', 'out', ...format, '--verbose']);
    expect(one.status, one.stderr).toBe(0);
    expect(one.stderr).toMatch(/removed 0 stale files/);
    expect(differences(before, outputs(out))).toEqual([]);
  }, 300_000);

  it('should remove the outputs of a deleted deck without the cache, as with it', () => {
    const { root, run, reference, out } = project(60, 3);
    const format = ['--format', 'json,anki', '--no-cache'];
    expect(run(['build', 'content', '--out', 'out', ...format]).status).toBe(0);
    expect([...outputs(out).keys()].filter((name) => name.startsWith('deck-0001.')).length).toBe(3);
    rmSync(join(root, 'content', 'deck-0001.md'));
    expect(run(['build', 'content', '--out', 'out', ...format]).status).toBe(0);
    expect(differences(reference(['content'], 'json,anki'), outputs(out))).toEqual([]);
  }, 300_000);

  it('should never remove a file it did not write, and trust no file when its manifest is gone', () => {
    const { run, reference, out } = project(30, 3);
    expect(run(['build', 'content', '--out', 'out', '--format', 'json']).status).toBe(0);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    writeFileSync(join(out, 'deck-0000.json'), 'edited by hand');
    rmSync(join(out, MANIFEST));
    expect(run(['build', 'content', '--out', 'out', '--format', 'json']).status).toBe(0);
    const after = outputs(out);
    expect(after.get('notes.txt')?.toString()).toBe('mine');
    after.delete('notes.txt');
    expect(differences(reference(['content'], 'json'), after)).toEqual([]);
  }, 300_000);
});

describe('two builds writing one --out', () => {
  it('should run one after the other, and leave what one cold build writes', async () => {
    const { root, reference, out, ...rest } = project(300, 10);
    // However slow the machine, the second build waits for the first.
    const env = { ...rest.env, QUIZMARK_LOCK_TIMEOUT: '300' };
    const args = ['build', 'content', '--out', 'out', '--format', 'json,html,anki', '--no-cache'];
    mkdirSync(out);
    const first = startCliBounded(args, { cwd: root, env });
    // Start the second once the first holds the folder.
    await new Promise<void>((resolve) => {
      const watcher = watch(out, (_event, name) => {
        if (name === LOCK) {
          watcher.close();
          resolve();
        }
      });
    });
    const second = startCliBounded(args, { cwd: root, env });
    let firstDone = 0;
    void first.done.then(() => {
      firstDone = Date.now();
    });
    const [a, b] = await Promise.all([first.done, second.done]);
    const secondDone = Date.now();
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    expect(secondDone).toBeGreaterThanOrEqual(firstDone);
    expect(readdirSync(out)).not.toContain(LOCK);
    expect(temporaries(out)).toEqual([]);
    expect(differences(reference(['content'], 'json,html,anki'), outputs(out))).toEqual([]);
  }, 600_000);

  it('should wait for a live build, then fail with a clear message, leaving --out alone', () => {
    const { root, run, env, out } = project(30, 3);
    expect(run(['build', 'content', '--out', 'out', '--format', 'json']).status).toBe(0);
    editAll(join(root, 'content'), 'Edited');
    // This test process stands for a build that is still writing.
    writeFileSync(
      join(out, LOCK),
      JSON.stringify({ pid: process.pid, host: hostname(), token: 't' }),
    );
    const before = readTree(out);
    const started = Date.now();
    const blocked = runCliBounded(['build', 'content', '--out', 'out', '--format', 'json'], {
      cwd: root,
      env: { ...env, QUIZMARK_LOCK_TIMEOUT: '2' },
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
    expect(blocked.status).toBe(2);
    expect(blocked.stderr).toContain(
      `quizmark: another quizmark build is writing out (pid ${process.pid}); wait for it or remove out/${LOCK} if it died`,
    );
    expect(differences(before, readTree(out))).toEqual([]);
    // A lock left by a process that is gone is taken over.
    writeFileSync(
      join(out, LOCK),
      JSON.stringify({ pid: 2 ** 22 + 1, host: hostname(), token: 't' }),
    );
    const taken = run(['build', 'content', '--out', 'out', '--format', 'json']);
    expect(taken.status, taken.stderr).toBe(0);
    expect(readdirSync(out)).not.toContain(LOCK);
  }, 300_000);
});

describe('output names and folders', () => {
  const deck = (id: string) => `---\nid: ${id}\ntitle: Long\n---\n\n## Quiz\n\n### Long?\n\nYes.\n`;

  it('should report a deck name too long to write in `check` and in `build`, and build one at the limit', () => {
    const root = tempDir('quizmark-faults-');
    mkdirSync(join(root, 'content'));
    const long = `${'n'.repeat(240)}.md`;
    writeFileSync(join(root, 'content', long), deck('long'));
    for (const command of [
      ['check', 'content'],
      ['build', 'content', '--out', 'out'],
    ]) {
      const result = runCliBounded(command, { cwd: root });
      expect(result.status, result.stderr).toBe(1);
      // check reports on stdout, build on stderr.
      expect(result.stdout + result.stderr).toMatch(
        /^content\/n{240}\.md:1:1\s+error\s+output name .*240 bytes long.*\s+output-name-too-long$/m,
      );
      expect(result.stderr).not.toMatch(STACK_TRACE);
    }
    expect(existsSync(join(root, 'out'))).toBe(false);
    rmSync(join(root, 'content', long));
    writeFileSync(join(root, 'content', `${'n'.repeat(200)}.md`), deck('limit'));
    const built = runCliBounded(['build', 'content', '--out', 'out'], { cwd: root });
    expect(built.status, built.stderr).toBe(0);
    expect(readdirSync(join(root, 'out'))).toContain(`${'n'.repeat(200)}.answers.html`);
  }, 300_000);

  it('should create nothing outside --out when a symlinked folder inside it leads out', () => {
    const root = tempDir('quizmark-faults-');
    mkdirSync(join(root, 'content', 'sub', 'deeper'), { recursive: true });
    writeFileSync(join(root, 'content', 'sub', 'deeper', 'deck.md'), deck('deep'));
    mkdirSync(join(root, 'outside'));
    mkdirSync(join(root, 'out'));
    symlinkSync(join(root, 'outside'), join(root, 'out', 'sub'));
    const result = runCliBounded(['build', 'content', '--out', 'out', '--format', 'json'], {
      cwd: root,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^quizmark: error: refusing to write sub\/deeper\/deck\.json: a symlink leads outside the output folder$/m,
    );
    expect(readdirSync(join(root, 'outside'))).toEqual([]);
  }, 300_000);

  it('should refuse a folder in the place of an output before replacing any file', () => {
    const { root, run, out } = project(30, 3);
    expect(run(['build', 'content', '--out', 'out', '--format', 'json']).status).toBe(0);
    rmSync(join(out, 'deck-0002.json'));
    mkdirSync(join(out, 'deck-0002.json'));
    const before = readTree(out);
    editAll(join(root, 'content'), 'Edited');
    const result = run(['build', 'content', '--out', 'out', '--format', 'json']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^quizmark: error: cannot replace deck-0002\.json: a folder is in its place$/m,
    );
    expect(differences(before, readTree(out))).toEqual([]);
    expect(temporaries(out)).toEqual([]);
  }, 300_000);
});
