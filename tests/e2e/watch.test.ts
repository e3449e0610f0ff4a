import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { generateCorpus } from '@quizmark/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { differences, readTree } from '../support/files.js';
import { runCliBounded } from '../support/run-bounded.js';
import { contentDir, repoRoot, STACK_TRACE, tempDir } from '../support/run-cli.js';

const bin = join(repoRoot, 'packages/cli/dist/bin.js');
const seed = readFileSync(join(contentDir, 'mlops.md'), 'utf8');

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
});

/** Starts `quizmark watch` and lets the test wait for lines on its stderr. */
function startWatch(src: string, out: string, args: string[] = ['--format', 'json,html']) {
  child = spawn(process.execPath, [bin, 'watch', src, '--out', out, ...args], {
    env: { ...process.env, QUIZMARK_CACHE_DIR: join(out, '..', 'cache') },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  let seen = 0;
  child.stderr!.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const exited = new Promise<number | null>((done) => child!.on('close', done));
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
  return { waitFor, log: () => log, exited, child };
}

/** Waits (30 s at most) until `holds` is true: each save must reach the outputs, however it was made. */
async function until(holds: () => boolean, what: string, log: () => string): Promise<void> {
  for (let waited = 0; waited < 30_000; waited += 20) {
    if (holds()) return;
    await new Promise((settle) => setTimeout(settle, 20));
  }
  throw new Error(`${what}: not in the outputs after 30 s; watch printed:\n${log()}`);
}

const readOr = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : '');

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
  it('should print the warnings of a deck once, not again on rebuilds of other decks', async () => {
    const src = tempDir();
    const out = join(tempDir(), 'out');
    writeFileSync(join(src, 'warned.md'), seed.replace(/^title:/m, 'colour: red\ntitle:'));
    const generated = tempDir();
    generateCorpus(generated, { questions: 5, files: 1, seed: 4 });
    renameSync(join(generated, 'deck-0000.md'), join(src, 'other.md'));
    const watch = startWatch(src, out, ['--format', 'json']);
    expect(await watch.waitFor(/watching /)).toMatch(
      /warned\.md:\d+:\d+\s+warning.*frontmatter-unknown-key/,
    );

    writeFileSync(
      join(src, 'other.md'),
      `${readFileSync(join(src, 'other.md'), 'utf8')}\n### One more?\n\nYes.\n`,
    );
    const rebuild = await watch.waitFor(/rebuilt .* in \d+ ms.*\n/);
    expect(rebuild).toMatch(/rebuilt other in/);
    expect(rebuild).not.toMatch(/frontmatter-unknown-key/);
    expect(rebuild).toMatch(/1 warning unchanged since the last build \(not repeated\)/);

    // A change to the warned deck's problems shows them again.
    writeFileSync(
      join(src, 'warned.md'),
      seed.replace(/^title:/m, 'colour: red\nshade: blue\ntitle:'),
    );
    const changed = await watch.waitFor(/rebuilt .* in \d+ ms.*\n/);
    expect(changed.match(/frontmatter-unknown-key/g)).toHaveLength(2);
    child!.kill('SIGINT');
    expect(await watch.exited).toBe(0);
  });

  it('should watch `.` with its output folder and cache inside it without rebuilding on its own writes', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'mlops.md'), seed);
    // startWatch puts the cache beside the output folder: here both are inside the watched folder.
    const watch = startWatch(root, join(root, 'dist'));
    await watch.waitFor(/watching /);
    await new Promise((settle) => setTimeout(settle, 1500));
    // The first build's own line, and no other.
    expect(watch.log().match(/rebuilt/g)).toHaveLength(1);
    writeFileSync(join(root, 'mlops.md'), seed.replace('Machine Learning Operations', 'MLOps'));
    expect(await watch.waitFor(/rebuilt .* in \d+ ms/)).toMatch(/rebuilt mlops in/);
    await new Promise((settle) => setTimeout(settle, 1500));
    expect(watch.log().match(/rebuilt/g)).toHaveLength(2);
    child!.kill('SIGINT');
    expect(await watch.exited).toBe(0);
  });

  it('should ready itself for the first save in every format, writing and printing nothing', async () => {
    const src = tempDir();
    const out = join(tempDir(), 'out');
    writeFileSync(join(src, 'mlops.md'), seed);
    const watch = startWatch(src, out, ['--format', 'all']);
    await watch.waitFor(/watching /);
    const started = watch.log();
    const outputs = readTree(out);
    const stamps = () =>
      readdirSync(out, { recursive: true, encoding: 'utf8' }).map(
        (name) => `${name} ${statSync(join(out, name)).mtimeMs}`,
      );
    const before = stamps();
    // The warm-up parses, checks and renders the deck in all four formats meanwhile.
    await new Promise((settle) => setTimeout(settle, 5000));
    expect(watch.log()).toBe(started);
    expect(stamps()).toEqual(before);
    writeFileSync(join(src, 'mlops.md'), seed.replace('Machine Learning Operations', 'MLOps'));
    expect(await watch.waitFor(/rebuilt .* in \d+ ms/)).toMatch(/rebuilt mlops in/);
    expect(differences(outputs, readTree(out)).length).toBeGreaterThan(0);
    expect(watch.log()).not.toMatch(/readying|quizmark:/);
    child!.kill('SIGINT');
    expect(await watch.exited).toBe(0);
  });

  it('should refuse an invalid option value at once, with exit 2, as build does', () => {
    const src = tempDir();
    writeFileSync(join(src, 'mlops.md'), seed);
    const run = runCliBounded(
      ['watch', src, '--out', join(tempDir(), 'out'), '--level', 'expert'],
      {
        cwd: tempDir(),
        timeoutMs: 20_000,
      },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--level takes .*, got `expert`/);
    expect(run.stderr).not.toMatch(/watching /);
  });

  it('should see every save that replaces the deck file: sed -i, safe write, backup by rename, delete and create', async () => {
    const src = tempDir();
    const out = join(tempDir(), 'out');
    const deck = join(src, 'mlops.md');
    writeFileSync(deck, seed);
    const watch = startWatch(src, out);
    await watch.waitFor(/watching /);
    const saves: Array<[string, (text: string) => void]> = [
      [
        'sed -i',
        () => {
          // sed writes a temp file and renames it over the deck.
          const done = spawnSync('sed', ['-i', '-E', `s/\\(save [0-9]+\\)/(save ${round})/`, deck]);
          expect(done.status, done.stderr.toString()).toBe(0);
        },
      ],
      [
        'safe write (temp file renamed over the deck)',
        (text) => {
          writeFileSync(join(src, '.mlops.md.tmp'), text);
          renameSync(join(src, '.mlops.md.tmp'), deck);
        },
      ],
      [
        'backup by rename (vim, emacs)',
        (text) => {
          renameSync(deck, `${deck}~`);
          writeFileSync(deck, text);
          rmSync(`${deck}~`);
        },
      ],
      [
        'delete and create',
        (text) => {
          rmSync(deck);
          writeFileSync(deck, text);
        },
      ],
    ];
    // The first save makes the marker that sed then edits in place.
    let round = 0;
    writeFileSync(
      deck,
      seed.replace('Machine Learning Operations', `Machine Learning Operations (save ${round})`),
    );
    await until(
      () => readOr(join(out, 'mlops.json')).includes('(save 0)'),
      'a plain save',
      watch.log,
    );
    // Twice through every kind of save, in a row: each one must reach the outputs.
    for (let pass = 0; pass < 2; pass++) {
      for (const [name, save] of saves) {
        round++;
        save(
          seed.replace(
            'Machine Learning Operations',
            `Machine Learning Operations (save ${round})`,
          ),
        );
        await until(
          () => readOr(join(out, 'mlops.json')).includes(`(save ${round})`),
          `${name}, save ${round}`,
          watch.log,
        );
      }
    }
    expect(readFileSync(join(out, 'mlops.html'), 'utf8')).toContain(`(save ${round})`);
    child!.kill('SIGINT');
    expect(await watch.exited).toBe(0);
  });

  it('should wait for a moved or deleted content folder to come back, then build it', async () => {
    const src = join(tempDir(), 'content');
    mkdirSync(src);
    const out = join(tempDir(), 'out');
    writeFileSync(join(src, 'mlops.md'), seed);
    const watch = startWatch(src, out);
    await watch.waitFor(/watching /);
    const before = readFileSync(join(out, 'mlops.json'));

    // Moved away: said so, still running, outputs kept.
    renameSync(src, `${src}.moved`);
    await watch.waitFor(/content folder \S*content is gone; waiting for it to come back\n/);
    await new Promise((settle) => setTimeout(settle, 500));
    expect(watch.child.exitCode).toBeNull();
    expect(readFileSync(join(out, 'mlops.json')).equals(before)).toBe(true);

    // Moved back, edited while away: built.
    writeFileSync(
      join(`${src}.moved`, 'mlops.md'),
      seed.replace('Operations', 'Operations (moved back)'),
    );
    renameSync(`${src}.moved`, src);
    await watch.waitFor(/content folder \S*content is back/);
    await until(
      () => readOr(join(out, 'mlops.json')).includes('(moved back)'),
      'the folder moved back',
      watch.log,
    );

    // Deleted, then made again.
    rmSync(src, { recursive: true });
    await watch.waitFor(/is gone; waiting for it to come back/);
    mkdirSync(src);
    writeFileSync(join(src, 'mlops.md'), seed.replace('Operations', 'Operations (made again)'));
    await until(
      () => readOr(join(out, 'mlops.json')).includes('(made again)'),
      'the folder made again',
      watch.log,
    );

    // And it is watched again.
    writeFileSync(join(src, 'mlops.md'), seed.replace('Operations', 'Operations (saved after)'));
    await until(
      () => readOr(join(out, 'mlops.json')).includes('(saved after)'),
      'a save in the folder made again',
      watch.log,
    );
    expect(watch.log()).not.toMatch(STACK_TRACE);
    child!.kill('SIGINT');
    expect(await watch.exited).toBe(0);
  });

  it('should stop on Ctrl-C or SIGTERM during the first build as build does: nothing half-written, exit 130', async () => {
    const root = tempDir('quizmark-watch-stop-');
    const content = join(root, 'content');
    const out = join(root, 'out');
    // Large enough that parsing and rendering outlast the first progress report (two seconds) on a fast machine.
    generateCorpus(content, { questions: 4_000, files: 40, seed: 11 });
    const env = { QUIZMARK_CACHE_DIR: join(root, 'cache') };
    const first = runCliBounded(['build', 'content', '--out', 'out', '--format', 'json,html'], {
      cwd: root,
      env,
    });
    expect(first.status, first.stderr).toBe(0);
    const before = readTree(out);
    // Every deck edited, so that the first build of the watch replaces every output.
    for (const name of readdirSync(content)) {
      const path = join(content, name);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/^title: /m, 'title: Edited '));
    }
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const watch = startWatch(content, out, ['--format', 'json,html', '--no-cache']);
      let sent = false;
      watch.child.stderr!.on('data', (chunk: Buffer) => {
        // Progress comes every two seconds on a pipe; parsing and rendering are before writing.
        const progress = /(?:parsing decks|rendering outputs): (\d+)\/(\d+)/.exec(chunk.toString());
        if (!sent && progress && Number(progress[1]) < Number(progress[2])) {
          sent = true;
          watch.child.kill(signal);
        }
        // The first build ended unseen: stop here rather than watch forever.
        if (!sent && chunk.toString().includes('watching ')) watch.child.kill('SIGKILL');
      });
      const code = await watch.exited;
      expect(sent, `${signal}: the first build ended before it reported progress`).toBe(true);
      expect(code, `${signal}: ${watch.log()}`).toBe(130);
      expect(watch.log()).toContain('interrupted: nothing was written');
      expect(watch.log()).not.toMatch(STACK_TRACE);
      const after = readTree(out);
      expect(
        [...after.keys()].filter((name) => /\.tmp$|quizmark-\d+/.test(name)),
        signal,
      ).toEqual([]);
      expect(differences(before, after), signal).toEqual([]);
    }
  });
});
