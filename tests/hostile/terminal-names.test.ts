import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, STACK_TRACE, tempDir } from '../support/run-cli.js';

// A file name is author input too: one that holds a terminal escape (ESC [ 2 J
// clears the screen, OSC 52 writes the clipboard) or a line break must reach
// the terminal escaped, in every message that names it, and never split a
// report line.
const ESCAPE = '\u001b[2J';
const NAME = `quiz${ESCAPE}\nnext`;
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const DECK = (id: string) => `---
id: ${id}
title: Names
---

## Section

### What is a name?

A word.
`;

function project(): string {
  const dir = tempDir('quizmark-names-');
  mkdirSync(join(dir, 'content', 'a'), { recursive: true });
  mkdirSync(join(dir, 'content', 'b'), { recursive: true });
  writeFileSync(join(dir, 'content', 'a', `${NAME}.md`), DECK('names-a'));
  return dir;
}

const lines = (text: string) => text.split('\n').filter(Boolean);

describe('file names in messages', () => {
  it('should escape a name with a terminal escape and a line break in the --verbose file list', () => {
    const dir = project();
    const run = runCli(['build', 'content', '--out', 'dist', '--format', 'json', '--verbose'], {
      cwd: dir,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(RAW);
    expect(run.stderr).toContain('quiz\\u{001b}[2J\\u{000a}next.json');
    // The listed file is one line, not two.
    expect(lines(run.stderr).filter((line) => line.includes('next.json'))).toHaveLength(1);
    expect(lines(run.stderr).some((line) => line.startsWith('next'))).toBe(false);
  });

  it('should escape the names of two decks that would write the same outputs', () => {
    const dir = project();
    writeFileSync(join(dir, 'content', 'b', `${NAME}.md`), DECK('names-b'));
    // Named one by one, both decks are named for their file alone.
    const run = runCli(
      [
        'build',
        `content/a/${NAME}.md`,
        `content/b/${NAME}.md`,
        '--out',
        'dist',
        '--format',
        'json',
      ],
      { cwd: dir },
    );
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toContain('would both write outputs named');
    expect(run.stderr).not.toMatch(RAW);
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });

  it('should keep a diagnostic of such a file on one line', () => {
    const dir = project();
    writeFileSync(join(dir, 'content', 'a', `${NAME}.md`), '## no frontmatter\n');
    const run = runCli(['check', 'content'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).not.toMatch(RAW);
    const problems = lines(run.stdout).filter((line) => /:\d+:\d+ /.test(line));
    expect(problems.length).toBeGreaterThan(0);
    for (const line of problems)
      expect(line).toMatch(/^content\/a\/quiz\\u\{001b\}\[2J\\u\{000a\}next\.md:\d+:\d+ /);
  });
});
