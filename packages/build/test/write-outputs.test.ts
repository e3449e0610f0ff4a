import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
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
});
