import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutputFolder, writeOutputs } from '../src/index.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const temp = () => mkdtempSync(join(tmpdir(), 'quizmark-write-'));

describe('writeOutputs', () => {
  it('should write every file, creating folders, and leave no temporary file', () => {
    const out = temp();
    writeOutputs(out, [
      { path: 'a.json', bytes: bytes('a') },
      { path: 'nested/b.html', bytes: bytes('b') },
    ]);
    expect(readFileSync(join(out, 'nested/b.html'), 'utf8')).toBe('b');
    expect(readdirSync(out).sort()).toEqual(['a.json', 'nested']);
  });

  it('should refuse paths that leave the output folder, before writing anything', () => {
    const out = temp();
    expect(() =>
      writeOutputs(out, [
        { path: 'ok.json', bytes: bytes('x') },
        { path: '../escape.json', bytes: bytes('x') },
      ]),
    ).toThrow(/outside the output folder/);
    expect(readdirSync(out)).toEqual([]);
  });

  it('should keep the previous outputs when a write fails half-way', () => {
    const out = temp();
    writeOutputs(out, [{ path: 'a.json', bytes: bytes('old') }]);
    mkdirSync(join(out, 'locked'));
    chmodSync(join(out, 'locked'), 0o500);
    const canWriteLocked = (() => {
      try {
        writeFileSync(join(out, 'locked', 'probe'), '');
        return true;
      } catch {
        return false;
      }
    })();
    // Root ignores directory permissions; then a file where a folder must go makes the write fail.
    const failing = canWriteLocked ? 'a.json/inside.json' : 'locked/b.json';
    expect(() =>
      writeOutputs(out, [
        { path: 'a.json', bytes: bytes('new') },
        { path: failing, bytes: bytes('x') },
      ]),
    ).toThrow();
    expect(readFileSync(join(out, 'a.json'), 'utf8')).toBe('old');
    expect(readdirSync(out).filter((name) => name.includes('.tmp'))).toEqual([]);
  });
});

describe('checkOutputFolder', () => {
  it('should refuse the content folder and folders inside it, and allow others', () => {
    const root = temp();
    expect(checkOutputFolder(root, [root])).toMatch(/is the content folder or inside it/);
    expect(checkOutputFolder(join(root, 'dist'), [root])).toMatch(/inside it/);
    expect(checkOutputFolder(join(root, '..', 'dist'), [root])).toBeNull();
  });

  it('should refuse an output folder that leads into the content folder through a symlink', () => {
    const root = temp();
    const content = join(root, 'content');
    mkdirSync(content);
    symlinkSync(content, join(root, 'out-link'));
    expect(checkOutputFolder(join(root, 'out-link'), [content])).toMatch(/content folder/);
    expect(checkOutputFolder(join(root, 'out-link', 'dist'), [content])).toMatch(/inside it/);
    symlinkSync(root, join(root, 'root-link'));
    expect(checkOutputFolder(join(root, 'dist'), [join(root, 'root-link', 'content')])).toBeNull();
    expect(
      checkOutputFolder(join(root, 'content', 'dist'), [join(root, 'root-link', 'content')]),
    ).toMatch(/inside it/);
  });

  it('should not mistake a folder named like `..dist` inside the content folder for one outside', () => {
    const root = temp();
    expect(checkOutputFolder(join(root, '..dist'), [root])).toMatch(/inside it/);
  });
});

describe('writeOutputs and symlinks', () => {
  it('should refuse to follow a symlinked folder inside --out to elsewhere, writing nothing', () => {
    const out = temp();
    const elsewhere = temp();
    symlinkSync(elsewhere, join(out, 'sub'));
    expect(() =>
      writeOutputs(out, [
        { path: 'a.json', bytes: bytes('a') },
        { path: 'sub/b.json', bytes: bytes('b') },
      ]),
    ).toThrow(/symlink leads outside the output folder/);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(existsSync(join(out, 'a.json'))).toBe(false);
    expect(readdirSync(out)).toEqual(['sub']);
  });
});
