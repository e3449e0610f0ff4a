import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentDir, repoRoot, tempDir } from '../support/run-cli.js';

// The user's path of the README, as a new user takes it: packed packages
// installed with plain npm in a folder outside the repository.
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const cliVersion = (
  JSON.parse(readFileSync(join(repoRoot, 'packages/cli/package.json'), 'utf8')) as {
    version: string;
  }
).version;

function run(command: string, args: readonly string[], cwd: string, timeout = 60_000) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    timeout,
    killSignal: 'SIGKILL',
  });
  const output = `${result.stdout}\n${result.stderr}`;
  expect(result.status, `${command} ${args.join(' ')}:\n${output}`).toBe(0);
  return result.stdout;
}

/** The first deck of the README's "Your first deck", as a user would copy it. */
function readmeDeck(): string {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Your first deck'));
  const deck = /^````markdown\n([\s\S]*?)^````$/m.exec(section)?.[1];
  if (!deck) throw new Error('README.md has no markdown block under "### Your first deck"');
  return deck;
}

// Third-party dependencies come from the registry: skip only where it cannot be reached.
const registryReachable =
  spawnSync(npm, ['ping', '--loglevel=error'], { timeout: 20_000, encoding: 'utf8' }).status === 0;
const offline = !registryReachable && process.env.CI !== 'true';
if (offline)
  console.warn('first-use: the npm registry is unreachable, skipping the packed install');

describe('a new user', () => {
  it.skipIf(offline)(
    'should install the packed packages with npm alone and build the first deck into every format',
    () => {
      const packed = tempDir('quizmark-packed-');
      // pnpm pack turns workspace:^ ranges into the versions npm will look for.
      run(
        join(repoRoot, 'node_modules/.bin/pnpm'),
        ['-r', '--filter', './packages/*', '--filter', '!@quizmark/testing', 'pack'].concat(
          '--pack-destination',
          packed,
        ),
        repoRoot,
        120_000,
      );
      const tarballs = readdirSync(packed).map((name) => join(packed, name));
      expect(tarballs.length).toBeGreaterThanOrEqual(10);
      const project = tempDir('quizmark-first-use-');
      writeFileSync(join(project, 'package.json'), '{ "private": true }\n');
      run(
        npm,
        ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs],
        project,
        240_000,
      );

      expect(run(npm, ['exec', '--', 'quizmark', '--version'], project).trim()).toBe(cliVersion);
      writeFileSync(join(project, 'my-deck.md'), readmeDeck());
      run(
        npm,
        ['exec', '--', 'quizmark', 'build', 'my-deck.md', '--out', 'dist'],
        project,
        120_000,
      );
      expect(readdirSync(join(project, 'dist')).sort()).toEqual(
        [
          '.quizmark-manifest.json',
          'index.html',
          'my-deck.anki.txt',
          'my-deck.answers.html',
          'my-deck.apkg',
          'my-deck.html',
          'my-deck.json',
          'my-deck.key.pdf',
          'my-deck.quiz.pdf',
        ].sort(),
      );
    },
    480_000,
  );

  it('should have `npm run quizmark` read paths from the folder it was run in', () => {
    const out = join(tempDir(), 'dist');
    mkdirSync(out);
    run(
      npm,
      ['run', '--silent', 'quizmark', '--', 'build', 'mlops.md', '--out', out, '--format', 'json'],
      contentDir,
    );
    expect(JSON.parse(readFileSync(join(out, 'mlops.json'), 'utf8')).id).toBe('mlops-basics');
  });
});
