import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDecks, discoverDecks } from '../src/index.js';
import { readSources } from '../src/load-sources.js';

const deck = (id: string, title: string) => `---
id: ${id}
title: ${id}
---

## Quiz

### ${title}

- [x] right
- [ ] wrong
`;

const EXAM = `title: Midterm
sections:
  - title: Part one
    draw:
      - from: ../decks/a.md
        count: 1
`;

/** A project: decks/a.md, decks/b.md and exams/midterm.exam.yaml drawing from a.md. */
function project(exam = EXAM): string {
  const root = mkdtempSync(join(tmpdir(), 'quizmark-exam-sources-'));
  mkdirSync(join(root, 'decks'));
  mkdirSync(join(root, 'exams'));
  writeFileSync(join(root, 'decks', 'a.md'), deck('a', 'What is right?'));
  writeFileSync(join(root, 'decks', 'b.md'), deck('b', 'What else is right?'));
  writeFileSync(join(root, 'exams', 'midterm.exam.yaml'), exam);
  return root;
}

const examKey = (root: string) => {
  const sources = readSources(discoverDecks(['.'], root));
  return sources.find((source) => source.file.exam)!.key;
};

describe("an exam's sources", () => {
  it('should be keyed by its text and the bytes of every deck it draws from, and no other', () => {
    const root = project();
    const first = examKey(root);
    writeFileSync(join(root, 'decks', 'b.md'), deck('b', 'Another question?'));
    expect(examKey(root)).toBe(first);
    writeFileSync(join(root, 'decks', 'a.md'), deck('a', 'What is right, now?'));
    const edited = examKey(root);
    expect(edited).not.toBe(first);
    writeFileSync(join(root, 'exams', 'midterm.exam.yaml'), `${EXAM}versions: 2\n`);
    expect(examKey(root)).not.toBe(edited);
  });

  it('should refuse, without reading, a deck outside the content folder or reached through a link out of it', () => {
    const outside = mkdtempSync(join(tmpdir(), 'quizmark-exam-outside-'));
    writeFileSync(join(outside, 'secret.md'), deck('secret', 'Secret?'));
    const root = project(`title: Midterm
sections:
  - title: Part one
    draw:
      - from: ${join(outside, 'secret.md')}
        count: 1
      - from: ../../${outside.split('/').at(-1)}/secret.md
        count: 1
      - from: ../decks/link.md
        count: 1
      - from: ../decks/missing.md
        count: 1
`);
    symlinkSync(join(outside, 'secret.md'), join(root, 'decks', 'link.md'));
    const sources = readSources(discoverDecks(['.'], root));
    const reads = sources.find((source) => source.file.exam)!.examDecks!;
    expect(reads.map((read) => ('error' in read.deck ? read.deck.error : 'read'))).toEqual([
      expect.stringMatching(/^it is an absolute path: use a path relative to the exam file$/),
      expect.stringMatching(/^it points outside the content folder, so it is not read$/),
      expect.stringMatching(/^it is a link that leads outside the content folder$/),
      'not found (looked for `decks/missing.md`)',
    ]);
    expect(reads.every((read) => read.real === null)).toBe(true);
  });
});

describe('building an exam with the cache', () => {
  it('should never serve an exam drawn from an older deck', async () => {
    const root = project();
    const cacheDir = join(root, 'cache');
    const build = () =>
      buildDecks({
        inputs: ['decks', 'exams/midterm.exam.yaml'],
        outDir: 'out',
        formats: ['json'],
        cwd: root,
        cacheDir,
      });
    const first = await build();
    expect(first.ok, JSON.stringify(first.diagnostics)).toBe(true);
    expect(first.outputs).toEqual(['a.json', 'b.json', 'midterm.json']);
    const exam = () => readFileSync(join(root, 'out', 'midterm.json'), 'utf8');
    expect(exam()).toContain('What is right?');

    writeFileSync(join(root, 'decks', 'a.md'), deck('a', 'What is right, after the edit?'));
    const second = await build();
    expect(second.stats.renderedDecks).toEqual(['a', 'midterm']);
    expect(exam()).toContain('What is right, after the edit?');

    // Back to the first bytes: the first draw again, from the cache, as a cold build gives it.
    writeFileSync(join(root, 'decks', 'a.md'), deck('a', 'What is right?'));
    await build();
    expect(exam()).toContain('What is right?');
    expect(exam()).not.toContain('after the edit');
  });
});
