import { mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { differences, readTree } from '../support/files.js';
import { type BoundedRun, runCliBounded, startCliBounded } from '../support/run-bounded.js';
import { STACK_TRACE, tempDir } from '../support/run-cli.js';

const temporaries = (tree: Map<string, Buffer>) =>
  [...tree.keys()].filter((name) => /\.tmp$|quizmark-\d+/.test(name));

/**
 * A corpus large enough that building it takes seconds, built once into
 * `out`; then every deck is edited, so that a rebuild would replace every
 * output.
 */
function builtCorpus(questions: number): {
  root: string;
  env: NodeJS.ProcessEnv;
  before: Map<string, Buffer>;
} {
  const root = tempDir('quizmark-atomic-');
  generateCorpus(join(root, 'content'), { questions, files: Math.ceil(questions / 50), seed: 11 });
  const env = { QUIZMARK_CACHE_DIR: join(root, 'cache'), SOURCE_DATE_EPOCH: '1700000000' };
  const first = runCliBounded(['build', 'content', '--out', 'out'], { cwd: root, env });
  expect(first.status, first.stderr).toBe(0);
  const before = readTree(join(root, 'out'));
  for (const name of readdirSync(join(root, 'content'))) {
    const path = join(root, 'content', name);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^title: /m, 'title: Edited '));
  }
  return { root, env, before };
}

/** Starts a rebuild and sends `signal` once parsing or rendering is under way, before writing. */
async function interruptedBuild(
  root: string,
  env: NodeJS.ProcessEnv,
  signal: NodeJS.Signals,
): Promise<{ run: BoundedRun; sent: boolean }> {
  const { child, done } = startCliBounded(['build', 'content', '--out', 'out', '--no-cache'], {
    cwd: root,
    env,
  });
  let sent = false;
  child.stderr!.on('data', (chunk: string) => {
    // Progress lines come every two seconds on a pipe (`parsing decks: 3/60`,
    // `rendering outputs: 12/240`): either stage is before writing.
    const progress = /(?:parsing decks|rendering outputs): (\d+)\/(\d+)/.exec(chunk);
    if (!sent && progress && Number(progress[1]) < Number(progress[2])) {
      sent = true;
      child.kill(signal);
    }
  });
  return { run: await done, sent };
}

describe('atomic outputs', () => {
  it('should leave the previous outputs byte for byte and no partial file when Ctrl-C stops a build', async () => {
    const { root, env, before } = builtCorpus(2_000);
    const { run, sent } = await interruptedBuild(root, env, 'SIGINT');
    expect(sent, 'the build ended before it reported progress').toBe(true);
    expect(run.signal, run.stderr).toBeNull();
    expect(run.status, run.stderr).toBe(130);
    expect(run.stderr).toContain('interrupted: nothing was written');
    expect(run.stderr).not.toMatch(STACK_TRACE);
    const after = readTree(join(root, 'out'));
    expect(temporaries(after)).toEqual([]);
    expect(differences(before, after)).toEqual([]);
    // And the next build, left alone, writes the edited decks completely.
    const next = runCliBounded(['build', 'content', '--out', 'out'], { cwd: root, env });
    expect(next.status, next.stderr).toBe(0);
    const rebuilt = readTree(join(root, 'out'));
    expect([...rebuilt.keys()]).toEqual([...before.keys()]);
    expect(differences(before, rebuilt).length).toBeGreaterThan(before.size / 2);
    expect(temporaries(rebuilt)).toEqual([]);
  }, 600_000);

  it('should stop the same way on SIGTERM', async () => {
    const { root, env, before } = builtCorpus(1_200);
    const { run, sent } = await interruptedBuild(root, env, 'SIGTERM');
    expect(sent).toBe(true);
    expect(run.status, run.stderr).toBe(130);
    const after = readTree(join(root, 'out'));
    expect(temporaries(after)).toEqual([]);
    expect(differences(before, after)).toEqual([]);
  }, 600_000);

  it('should keep the previous outputs when a renderer fails, and say why without a stack trace', () => {
    const root = tempDir('quizmark-atomic-');
    generateCorpus(join(root, 'content'), { questions: 60, files: 3, seed: 5 });
    const env = { QUIZMARK_CACHE_DIR: join(root, 'cache') };
    const first = runCliBounded(['build', 'content', '--out', 'out'], { cwd: root, env });
    expect(first.status, first.stderr).toBe(0);
    const before = readTree(join(root, 'out'));
    mkdirSync(join(root, 'broken'));
    writeFileSync(join(root, 'broken', 'parts.hbs'), '{{#each items}}never closed');
    for (const name of readdirSync(join(root, 'content')))
      utimesSync(join(root, 'content', name), new Date(), new Date(2_000_000_000_000));
    const run = runCliBounded(['build', 'content', '--out', 'out', '--template', 'broken'], {
      cwd: root,
      env,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^quizmark: error: .*parts\.hbs/m);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    const after = readTree(join(root, 'out'));
    expect(temporaries(after)).toEqual([]);
    expect(differences(before, after)).toEqual([]);
  }, 300_000);

  it('should remove what it staged when writing fails half-way, keeping the previous outputs', () => {
    const root = tempDir('quizmark-atomic-');
    generateCorpus(join(root, 'content'), { questions: 60, files: 3, seed: 5 });
    // One more deck in a subfolder: its outputs go to out/zz/, written last.
    mkdirSync(join(root, 'content', 'zz'));
    writeFileSync(
      join(root, 'content', 'zz', 'last.md'),
      '---\nid: last\ntitle: Last\n---\n\n## Quiz\n\n### Last?\n\nYes.\n',
    );
    const env = { QUIZMARK_CACHE_DIR: join(root, 'cache'), SOURCE_DATE_EPOCH: '1700000000' };
    const first = runCliBounded(['build', 'content', '--out', 'out'], { cwd: root, env });
    expect(first.status, first.stderr).toBe(0);
    // A file where the folder out/zz must be: staging fails after the other decks' files.
    rmSync(join(root, 'out', 'zz'), { recursive: true });
    writeFileSync(join(root, 'out', 'zz'), 'in the way');
    for (const name of readdirSync(join(root, 'content')).filter((name) => name.endsWith('.md'))) {
      const path = join(root, 'content', name);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/^title: /m, 'title: Edited '));
    }
    const before = readTree(join(root, 'out'));
    const run = runCliBounded(['build', 'content', '--out', 'out'], { cwd: root, env });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^quizmark: error: .*zz/m);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    const after = readTree(join(root, 'out'));
    expect(temporaries(after)).toEqual([]);
    expect(differences(before, after)).toEqual([]);
  }, 300_000);
});
