import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus } from '@quizmark/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { differences, readTree } from '../support/files.js';
import { runCliBounded } from '../support/run-bounded.js';
import { contentDir, STACK_TRACE, tempDir } from '../support/run-cli.js';

// A cache entry damaged, edited or replaced by hand must be a miss: the build
// succeeds, says nothing alarming, and writes exactly what a cold build into
// an empty folder writes. Each case builds once to fill the cache, damages
// entries of one kind, removes the snapshots and outputs so that the build
// has to read them, builds again and compares.

// Every format that carries the answer key but PDF, which only makes each build slower.
const ARGS = ['--format', 'json,html,anki'];
const ENV = { SOURCE_DATE_EPOCH: '1700000000' };

let content: string;
/** The outputs of a `--no-cache` build into an empty folder: what every case must give. */
let reference: Map<string, Buffer>;

/** The outputs of a build, without the folder's own bookkeeping (`.quizmark-*`, which holds mtimes). */
const outputs = (out: string) =>
  new Map([...readTree(out)].filter(([name]) => !name.startsWith('.quizmark-')));

/** Every entry file of one kind (`parse`, `summary`, `render`, `build`) in a cache folder. */
function entries(cache: string, kind: string): string[] {
  const dir = join(cache, kind);
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

function build(root: string, out: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const run = runCliBounded(['build', 'content', '--out', out, ...ARGS, '--verbose', ...extra], {
    cwd: root,
    env: { ...ENV, QUIZMARK_CACHE_DIR: join(root, 'cache'), ...env },
  });
  expect(run.stderr).not.toMatch(STACK_TRACE);
  return run;
}

/** A folder with the decks and a cache filled by one build. */
function warmed(): string {
  const root = tempDir('quizmark-cache-faults-');
  cpSync(content, join(root, 'content'), { recursive: true, preserveTimestamps: true });
  expect(build(root, 'out').status).toBe(0);
  return root;
}

/** Damages every entry of the kinds with `edit`, then builds with nothing else to go on. */
function rebuildAfter(kinds: string | string[], edit: (text: string) => string) {
  const root = warmed();
  const cache = join(root, 'cache');
  for (const kind of [kinds].flat()) {
    let damaged = 0;
    for (const path of entries(cache, kind)) {
      const before = readFileSync(path, 'latin1');
      const after = edit(before);
      if (after === before) continue;
      writeFileSync(path, after, 'latin1');
      damaged++;
    }
    expect(damaged, `no ${kind} entry was damaged`).toBeGreaterThan(0);
  }
  // Without a snapshot of the last build, it must read the entries; without
  // its outputs, it must load the decks (parse entries) to render them.
  if (!kinds.includes('build')) rmSync(join(cache, 'build'), { recursive: true, force: true });
  if (kinds.includes('parse')) rmSync(join(root, 'out'), { recursive: true });
  const run = build(root, 'out');
  return { root, run, out: join(root, 'out') };
}

describe('a damaged build cache', () => {
  beforeAll(() => {
    const root = tempDir('quizmark-cache-faults-src-');
    content = join(root, 'content');
    cpSync(contentDir, content, { recursive: true, preserveTimestamps: true });
    generateCorpus(join(content, 'generated'), { questions: 20, files: 1, seed: 29 });
    const cold = runCliBounded(['build', 'content', '--out', 'reference', ...ARGS, '--no-cache'], {
      cwd: root,
      env: ENV,
    });
    expect(cold.status, cold.stderr).toBe(0);
    reference = outputs(join(root, 'reference'));
    expect(reference.size).toBeGreaterThan(10);
  });

  it('should not change the answer key when a parse entry has an answer flipped', () => {
    let flipped = 0;
    const { run, out } = rebuildAfter('parse', (text) =>
      text.replace(/"correct":true/, () => {
        flipped++;
        return '"correct":false';
      }),
    );
    expect(flipped).toBeGreaterThan(0);
    expect(run.status, run.stderr).toBe(0);
    expect(differences(reference, outputs(out))).toEqual([]);
  });

  it('should delete no output when render entries claim a deck has no files', () => {
    const { run, out } = rebuildAfter('render', () => '{"files": []}');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/removed 0 stale files/);
    expect(differences(reference, outputs(out))).toEqual([]);
  });

  it('should build when entries have a renamed key', () => {
    for (const [kind, from, to] of [
      ['render', '"files"', '"filez"'],
      ['summary', '"diagnostics"', '"diagnostix"'],
      ['build', '"outputs"', '"outputz"'],
    ] as const) {
      const { root, run, out } = rebuildAfter(kind, (text) => text.replaceAll(from, to));
      expect(run.status, `${kind}: ${run.stderr}`).toBe(0);
      expect(differences(reference, outputs(out)), kind).toEqual([]);
      // And the entries were written again: the next build is warm and the same.
      rmSync(out, { recursive: true });
      const next = build(root, 'out');
      expect(next.status).toBe(0);
      expect(differences(reference, outputs(out)), kind).toEqual([]);
    }
  });

  it('should treat truncated, garbage and empty entries as misses, and rewrite them', () => {
    const damage: Array<[string, (text: string) => string]> = [
      ['truncated', (text) => text.slice(0, Math.floor(text.length / 2))],
      [
        'garbage',
        (text) =>
          Buffer.from(
            Buffer.from(text, 'latin1').map((byte, index) => (byte * 31 + index) & 0xff),
          ).toString('latin1'),
      ],
      ['empty', () => ''],
    ];
    for (const [name, edit] of damage) {
      const { root, run, out } = rebuildAfter(['summary', 'parse', 'render'], edit);
      expect(run.status, `${name}: ${run.stderr}`).toBe(0);
      // Every deck was parsed again.
      expect(run.stderr, name).toMatch(/parsed (\d+) of \1 decks/);
      expect(differences(reference, outputs(out)), name).toEqual([]);
      // The entries were written again: the next build reads them all.
      rmSync(out, { recursive: true });
      rmSync(join(root, 'cache', 'build'), { recursive: true, force: true });
      const next = build(root, 'out');
      expect(next.stderr, name).toMatch(/parsed 0 of/);
      expect(differences(reference, outputs(out)), name).toEqual([]);
    }
  });

  it('should ignore entries moved under another key', () => {
    const root = warmed();
    const cache = join(root, 'cache');
    // Every parse entry swapped with the next one: valid entries, wrong decks.
    const paths = entries(cache, 'parse');
    expect(paths.length).toBeGreaterThan(1);
    const texts = paths.map((path) => readFileSync(path));
    for (const [index, path] of paths.entries())
      writeFileSync(path, texts[(index + 1) % texts.length]!);
    rmSync(join(cache, 'build'), { recursive: true });
    rmSync(join(root, 'out'), { recursive: true });
    const run = build(root, 'out');
    expect(run.status, run.stderr).toBe(0);
    expect(differences(reference, outputs(join(root, 'out')))).toEqual([]);
  });

  it('should build the same without a usable cache folder', () => {
    const root = tempDir('quizmark-cache-faults-');
    cpSync(content, join(root, 'content'), { recursive: true, preserveTimestamps: true });
    // A file where the cache folder should be: nothing under it can be read or made.
    writeFileSync(join(root, 'not-a-folder'), 'x');
    for (let round = 0; round < 2; round++) {
      const run = build(root, 'out', [], { QUIZMARK_CACHE_DIR: join(root, 'not-a-folder') });
      expect(run.status, run.stderr).toBe(0);
      expect(differences(reference, outputs(join(root, 'out')))).toEqual([]);
    }
  });

  it('should lose only the entries when the cache secret is damaged', () => {
    const root = warmed();
    writeFileSync(join(root, 'cache', 'secret'), 'not a secret');
    rmSync(join(root, 'out'), { recursive: true });
    const run = build(root, 'out');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/parsed [1-9]\d* of/);
    expect(differences(reference, outputs(join(root, 'out')))).toEqual([]);
  });
});
