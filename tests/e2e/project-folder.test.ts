import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTree } from '../support/files.js';
import { contentDir, runCli, STACK_TRACE, tempDir } from '../support/run-cli.js';

/** A folder as a new author has it: one deck, and nothing else. */
function folderWithDeck(): string {
  const root = tempDir('quizmark-project-');
  cpSync(join(contentDir, 'mlops.md'), join(root, 'mlops.md'));
  return root;
}

describe('an output folder beside the decks', () => {
  it('should build one deck named by itself into dist beside it', () => {
    const root = folderWithDeck();
    const run = runCli(['build', 'mlops.md', '--out', 'dist', '--format', 'json'], { cwd: root });
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.status, run.stderr).toBe(0);
    expect([...readTree(join(root, 'dist')).keys()]).toEqual(['mlops.json']);
  });

  it('should build `.` into dist, and never read dist or the cache as content', () => {
    const root = folderWithDeck();
    for (let round = 0; round < 2; round++) {
      const run = runCli(['build', '.', '--out', 'dist', '--format', 'json,html'], { cwd: root });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toMatch(/^built 1 deck into dist/m);
    }
    // A Markdown file that lands in the output folder is not a deck of the build.
    writeFileSync(join(root, 'dist', 'notes.md'), '# not a deck\n');
    const again = runCli(['build', '.', '--out', 'dist', '--format', 'json'], { cwd: root });
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/--out dist holds decks \(notes\.md\)/);
    expect(existsSync(join(root, 'dist', 'mlops.json'))).toBe(true);
  });

  it('should still refuse an output folder that is the content folder', () => {
    const root = folderWithDeck();
    const run = runCli(['build', '.', '--out', '.'], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--out \. is the content folder/);
  });
});

describe('images of a deck in a subfolder', () => {
  function project(): string {
    const root = tempDir('quizmark-images-');
    mkdirSync(join(root, 'images'));
    mkdirSync(join(root, 'decks', 'git'), { recursive: true });
    cpSync(join(contentDir, 'images', 'git-branches.svg'), join(root, 'images', 'branches.svg'));
    writeFileSync(
      join(root, 'decks', 'git', 'branches.md'),
      '---\nid: branches\ntitle: Branches\n---\n\n## Basics\n\n### What does this show?\n\n![Branches](../../images/branches.svg)\n\nTwo branches.\n\n### And this?\n\n![Missing](pics/none.png)\n\nNothing.\n',
    );
    return root;
  }

  it('should use images from the project for a deck named by itself, and name missing ones from the deck', () => {
    const root = project();
    const run = runCli(['check', 'decks/git/branches.md', '--format', 'html'], { cwd: root });
    expect(run.stdout).not.toMatch(/image-outside-root/);
    expect(run.stdout).toContain(
      'decks/git/branches.md:16:1  error  image `pics/none.png` not found (looked for `pics/none.png`, relative to this deck)  image-not-found',
    );
  });

  it('should build such a deck with its image, and refuse an image outside the project', () => {
    const root = project();
    const deck = join(root, 'decks', 'git', 'branches.md');
    writeFileSync(
      deck,
      readFileSync(deck, 'utf8').replace('pics/none.png', '../../../outside.png'),
    );
    const run = runCli(['check', 'decks/git/branches.md', '--format', 'html'], { cwd: root });
    expect(run.stdout).toContain(
      'error  image `../../../outside.png` points outside the content folder (`../..`, relative to this deck)  image-outside-root',
    );
    writeFileSync(deck, readFileSync(deck, 'utf8').replace(/\n### And this\?[\s\S]*$/, '\n'));
    const built = runCli(['build', 'decks/git/branches.md', '--out', 'dist', '--format', 'html'], {
      cwd: root,
    });
    expect(built.status, built.stderr).toBe(0);
    expect(readFileSync(join(root, 'dist', 'branches.html'), 'utf8')).toContain(
      'data:image/svg+xml',
    );
  });
});

describe('--template', () => {
  it('should name the files of the template folder that no page uses, and still build', () => {
    const root = folderWithDeck();
    mkdirSync(join(root, 'templates'));
    writeFileSync(join(root, 'templates', 'item-title.hbs'), '<h3>{{{title}}}</h3>');
    writeFileSync(join(root, 'templates', 'pages.hbs'), '<main></main>');
    const run = runCli(
      ['build', 'mlops.md', '--out', 'dist', '--format', 'html', '--template', 'templates'],
      { cwd: root },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /^quizmark: warning: --template folder has files no page uses: pages\.hbs \(/m,
    );
  });
});
