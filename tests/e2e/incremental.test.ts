import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus } from '@quizmark/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { differences, mtimes, readTree } from '../support/files.js';
import { contentDir, runCli, tempDir } from '../support/run-cli.js';

// A corpus big enough to be split over workers, small enough for a test.
const corpus = tempDir('quizmark-corpus-');
const env = { SOURCE_DATE_EPOCH: '1700000000' };

beforeAll(() => {
  generateCorpus(corpus, { questions: 240, files: 8, seed: 7 });
  cpSync(join(contentDir, 'mlops.md'), join(corpus, 'mlops.md'));
});

const build = (out: string, ...flags: string[]) => {
  const run = runCli(['build', corpus, '--out', out, '--format', 'all', ...flags], {
    env: { ...env, QUIZMARK_CACHE_DIR: join(out, '..', 'cache') },
  });
  expect(run.status, run.stderr).toBe(0);
  return run;
};

describe('parallel and cached builds', () => {
  it('should give the same bytes with one thread, with several workers and from the cache', () => {
    const sequential = join(tempDir(), 'out');
    const parallel = join(tempDir(), 'out');
    const threeWorkers = join(tempDir(), 'out');
    build(sequential, '--no-cache', '--workers', '0');
    build(parallel, '--no-cache', '--workers', '2');
    build(threeWorkers, '--workers', '3');
    const expected = readTree(sequential);
    expect(expected.size).toBeGreaterThanOrEqual(9 * 7);
    expect(differences(expected, readTree(parallel))).toEqual([]);
    expect(differences(expected, readTree(threeWorkers))).toEqual([]);

    // Second build of the same tree: everything from the cache, nothing rewritten.
    const before = mtimes(threeWorkers);
    const warm = build(threeWorkers, '--workers', '3', '--verbose');
    expect(warm.stderr).toMatch(/parsed 0 of 9 decks .* rendered outputs of 0 decks/);
    expect(warm.stderr).toMatch(/0 written/);
    expect(mtimes(threeWorkers)).toEqual(before);

    // An output deleted by hand is rendered again, identical; the rest stay untouched.
    rmSync(join(threeWorkers, 'mlops.quiz.pdf'));
    const restored = build(threeWorkers, '--verbose');
    expect(restored.stderr).toMatch(/1 written/);
    expect(differences(expected, readTree(threeWorkers))).toEqual([]);
  });

  it('should rebuild exactly the outputs of the deck that changed', () => {
    const out = join(tempDir(), 'out');
    build(out);
    const before = readTree(out);
    const beforeTimes = mtimes(out);
    const deck = join(corpus, 'deck-0003.md');
    const original = readFileSync(deck, 'utf8');
    try {
      writeFileSync(deck, original.replace(/^- \[x\] (.*)$/m, '- [x] $1 (edited)'));
      const run = build(out, '--verbose');
      expect(run.stderr).toMatch(/parsed 1 of 9 decks/);
      const changed = differences(before, readTree(out));
      expect(changed.length).toBeGreaterThan(0);
      for (const name of changed) expect(name).toMatch(/^deck-0003\./);
      // JSON, HTML, Anki and PDF outputs of that deck all changed.
      expect(changed).toEqual(
        expect.arrayContaining([
          'deck-0003.json',
          'deck-0003.html',
          'deck-0003.apkg',
          'deck-0003.key.pdf',
        ]),
      );
      const afterTimes = mtimes(out);
      for (const [name, time] of beforeTimes) {
        if (!name.startsWith('deck-0003.')) expect(afterTimes.get(name), name).toBe(time);
      }
    } finally {
      writeFileSync(deck, original);
    }
  });

  it('should build cold with --no-cache and leave no cache behind', () => {
    const root = tempDir();
    const run = runCli(
      ['build', corpus, '--out', join(root, 'out'), '--format', 'json', '--no-cache'],
      {
        env: { ...env, QUIZMARK_CACHE_DIR: join(root, 'cache') },
      },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(() => readTree(join(root, 'cache'))).toThrow();
  });
});
