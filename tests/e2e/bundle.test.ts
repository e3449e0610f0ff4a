import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { bundledEntry } from '@quizmark/cli/bundle-check';
import { generateCorpus } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { differences, readTree } from '../support/files.js';
import { contentDir, runCli, tempDir } from '../support/run-cli.js';

// `pnpm build` bundles the CLI (packages/cli/scripts/bundle.mjs) and bin.js
// runs the bundle; QUIZMARK_NO_BUNDLE=1 runs the modules in dist/ instead.
// Both must write the same bytes, in one thread and with workers.

const env = { SOURCE_DATE_EPOCH: '1700000000' };
const UNBUNDLED = { ...env, QUIZMARK_NO_BUNDLE: '1' };

function build(source: string, runEnv: NodeJS.ProcessEnv, ...flags: string[]) {
  const out = join(tempDir(), 'out');
  const run = runCli(['build', source, '--out', out, '--no-cache', ...flags], { env: runEnv });
  expect(run.status, run.stderr).toBe(0);
  return readTree(out);
}

describe('the bundled CLI', () => {
  it('should be what the built CLI runs', () => {
    expect(bundledEntry()).toMatch(/\/packages\/cli\/bundle\/run\.js$/);
  });

  it('should write the same bytes as the unbundled CLI for the shipped decks, in every format', () => {
    const bundled = build(contentDir, env, '--format', 'all,lms');
    expect(bundled.size).toBeGreaterThan(30);
    expect(differences(bundled, build(contentDir, UNBUNDLED, '--format', 'all,lms'))).toEqual([]);
  });

  it('should write the same bytes with its workers as one unbundled thread', () => {
    const corpus = tempDir('quizmark-corpus-');
    generateCorpus(corpus, { questions: 120, files: 4, seed: 11, flavour: 'science' });
    cpSync(join(contentDir, 'mlops.md'), join(corpus, 'mlops.md'));
    const parallel = build(corpus, env, '--workers', '2');
    expect(parallel.size).toBeGreaterThanOrEqual(5 * 7);
    expect(differences(parallel, build(corpus, UNBUNDLED, '--workers', '0'))).toEqual([]);
  });
});
