import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverDecks, UsageError } from '../src/index.js';

const tree = (files: string[]) => {
  const root = mkdtempSync(join(tmpdir(), 'quizmark-discover-'));
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), '');
  }
  return root;
};

describe('discoverDecks', () => {
  it('should find decks in folders, sorted, skipping READMEs, drafts, hidden folders and node_modules', () => {
    const root = tree([
      'b.md',
      'a/z.md',
      'a/y.md',
      'README.md',
      '_draft.md',
      '.hidden/x.md',
      'node_modules/p/x.md',
      'notes.txt',
    ]);
    const decks = discoverDecks(['.'], root);
    expect(decks.map((deck) => deck.name)).toEqual(['a/y', 'a/z', 'b']);
    expect(decks.map((deck) => deck.display)).toEqual(['a/y.md', 'a/z.md', 'b.md']);
    expect(new Set(decks.map((deck) => deck.root))).toEqual(new Set([root]));
  });

  it('should take a file named on the command line with the working folder as its image root', () => {
    const root = tree(['sub/deck.md']);
    const [deck] = discoverDecks(['sub/deck.md'], root);
    expect(deck).toMatchObject({
      name: 'deck',
      display: 'sub/deck.md',
      root,
      folder: join(root, 'sub'),
    });
    // A file outside the working folder keeps its own folder: the project is not known.
    const [outside] = discoverDecks([join(root, 'sub', 'deck.md')], join(root, 'sub', 'deeper'));
    expect(outside).toMatchObject({ root: join(root, 'sub') });
  });

  it('should not enter the folders it is told to skip (the output folder, the cache)', () => {
    const root = tree(['deck.md', 'dist/deck.md', 'cache/x.md', 'distant/other.md']);
    const decks = discoverDecks(['.'], root, { skip: ['dist', join(root, 'cache')] });
    expect(decks.map((deck) => deck.name)).toEqual(['deck', 'distant/other']);
  });

  it('should refuse missing inputs, no inputs, and two decks that would write the same outputs', () => {
    const root = tree(['one/deck.md', 'two/deck.md']);
    expect(() => discoverDecks([], root)).toThrow(UsageError);
    expect(() => discoverDecks(['nope'], root)).toThrow(/cannot read nope/);
    expect(() => discoverDecks(['one', 'two'], root)).toThrow(
      /would both write outputs named deck/,
    );
  });

  it('should refuse a named input that is neither a file nor a folder, instead of blocking on it', () => {
    const root = tree([]);
    execFileSync('mkfifo', [join(root, 'pipe.md')]);
    expect(() => discoverDecks(['pipe.md'], root)).toThrow(/not a regular file or a folder/);
  });
});
