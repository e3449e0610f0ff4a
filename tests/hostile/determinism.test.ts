import { cpSync, mkdirSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { differences, readTree } from '../support/files.js';
import { runCliBounded } from '../support/run-bounded.js';
import { contentDir, tempDir } from '../support/run-cli.js';

// The same decks must give the same bytes in every format, whoever builds
// them where: another working folder and path, another time zone and
// locale, one worker or several, a cold or a warm cache.

const FORMAT_ARGS = ['--format', 'all,lms', '--versions', '2', '--seed', 'determinism'];

/** The shipped decks (with their images) and a generated corpus, in one content folder. */
function sources(): string {
  const root = tempDir('quizmark-determinism-src-');
  const content = join(root, 'content');
  cpSync(contentDir, content, { recursive: true, preserveTimestamps: true });
  generateCorpus(join(root, 'generated'), { questions: 400, files: 10, seed: 23 });
  cpSync(join(root, 'generated'), join(content, 'generated'), {
    recursive: true,
    preserveTimestamps: true,
  });
  return content;
}

interface Variant {
  name: string;
  env: NodeJS.ProcessEnv;
  args: string[];
}

const VARIANTS: Variant[] = [
  {
    name: 'UTC, C locale, one thread, cold',
    env: { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' },
    args: ['--workers', '0', '--no-cache'],
  },
  {
    name: 'Chatham Islands (+12:45), Turkish locale, two workers, cold',
    env: { TZ: 'Pacific/Chatham', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' },
    args: ['--workers', '2', '--no-cache'],
  },
  {
    name: "St John's (-03:30), German and Japanese locales, two workers, cache written",
    env: { TZ: 'America/St_Johns', LANG: 'de_DE.UTF-8', LC_ALL: 'ja_JP.UTF-8' },
    args: ['--workers', '2'],
  },
  {
    name: 'Kiritimati (+14:00), Arabic locale, one thread, warm cache',
    env: { TZ: 'Pacific/Kiritimati', LANG: 'ar_EG.UTF-8', LC_ALL: 'ar_EG.UTF-8' },
    args: ['--workers', '0'],
  },
];

/** Builds a copy of `content` (mtimes kept) from a fresh working folder; returns the outputs. */
function build(content: string, variant: Variant, env: NodeJS.ProcessEnv, cache: string) {
  const cwd = tempDir('quizmark-determinism-cwd-');
  const copy = join(cwd, 'deep', 'er', 'decks');
  mkdirSync(join(copy, '..'), { recursive: true });
  cpSync(content, copy, { recursive: true, preserveTimestamps: true });
  const out = join(cwd, 'out');
  const run = runCliBounded(
    ['build', 'deep/er/decks', '--out', 'out', ...FORMAT_ARGS, ...variant.args],
    {
      cwd,
      env: { ...variant.env, ...env, QUIZMARK_CACHE_DIR: cache },
      timeoutMs: 600_000,
    },
  );
  expect(run.status, `${variant.name}: ${run.stderr}`).toBe(0);
  return readTree(out);
}

describe('determinism', () => {
  for (const [label, env] of [
    ['with SOURCE_DATE_EPOCH', { SOURCE_DATE_EPOCH: '1712345678' }],
    ['dated by the sources, their mtimes kept when copied', { SOURCE_DATE_EPOCH: '' }],
  ] as const) {
    it(`should give byte-identical outputs of every format ${label}, in every place, zone, locale and thread count`, () => {
      const content = sources();
      const cache = tempDir('quizmark-determinism-cache-');
      const trees = VARIANTS.map((variant) => ({
        variant,
        tree: build(content, variant, env, cache),
      }));
      const [first, ...others] = trees;
      const names = [...first!.tree.keys()];
      // Every format is there: JSON, both HTML views and the index, Anki, two PDF versions, the LMS exports.
      for (const suffix of [
        '.json',
        '.html',
        '.answers.html',
        '.apkg',
        '.anki.txt',
        '.A.quiz.pdf',
        '.B.key.pdf',
        '.qti.zip',
        '.moodle.xml',
        '.gift',
      ])
        expect(
          names.some((name) => name.endsWith(suffix)),
          suffix,
        ).toBe(true);
      expect(names).toContain('index.html');
      expect(names.length).toBeGreaterThan(12 * 8);
      for (const { variant, tree } of others) {
        expect(differences(first!.tree, tree), `${first!.variant.name} vs ${variant.name}`).toEqual(
          [],
        );
      }
    }, 1_200_000);
  }

  it('should change the dates inside outputs only with the sources', () => {
    const content = sources();
    const cache = tempDir('quizmark-determinism-cache-');
    const variant = VARIANTS[0]!;
    const before = build(content, variant, { SOURCE_DATE_EPOCH: '' }, cache);
    const deck = join(content, readdirSync(content).find((name) => name.endsWith('.md'))!);
    const later = new Date(statSync(deck).mtimeMs + 86_400_000 * 400);
    // A later mtime on one deck: that deck's dated outputs change, the others do not.
    utimesSync(deck, later, later);
    const after = build(content, variant, { SOURCE_DATE_EPOCH: '' }, cache);
    const changed = differences(before, after);
    const name = deck.slice(content.length + 1).replace(/\.md$/, '');
    expect(changed.length).toBeGreaterThan(0);
    // The shipped exam draws from every English deck: it is as new as the newest.
    const drawnBy = name === 'japanese' ? [] : ['exams/mlops-and-git.'];
    for (const file of changed)
      expect(
        file.startsWith(name) ||
          drawnBy.some((exam) => file.startsWith(exam)) ||
          file === 'index.html',
        file,
      ).toBe(true);
  }, 600_000);
});
