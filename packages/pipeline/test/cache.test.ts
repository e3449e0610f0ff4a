import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ContentCache } from '../src/cache.js';

const KEY = 'ab'.repeat(32);
const OTHER_KEY = 'cd'.repeat(32);
const ENTRY = { files: [{ path: 'deck.json', hash: '0'.repeat(64) }], correct: true };
const RenderSchema = z.object({
  files: z.array(z.object({ path: z.string(), hash: z.string() })),
});

const freshDir = () => mkdtempSync(join(tmpdir(), 'quizmark-cache-'));
const entryPath = (dir: string, kind: string, key: string) => join(dir, kind, key.slice(0, 2), key);

/** A cache folder with ENTRY written under `render/KEY` by one cache, and a second cache on it to read. */
function written() {
  const dir = freshDir();
  new ContentCache(dir).writeJson('render', KEY, ENTRY);
  return { dir, path: entryPath(dir, 'render', KEY), reader: new ContentCache(dir) };
}

describe('ContentCache', () => {
  it('should read back what another cache on the same folder wrote', () => {
    const { reader } = written();
    expect(reader.readJson('render', KEY, RenderSchema)).toEqual(ENTRY);
    expect(reader.readJson('render', OTHER_KEY)).toBeNull();
  });

  it('should treat an entry edited by hand as a miss, and delete it', () => {
    const { path, reader } = written();
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('"correct":true');
    writeFileSync(path, text.replace('"correct":true', '"correct":false'));
    expect(reader.readJson('render', KEY, RenderSchema)).toBeNull();
    expect(() => statSync(path)).toThrow(/ENOENT/);
  });

  it.each([
    ['truncated', (text: string) => text.slice(0, text.length - 3)],
    ['cut after its header', (text: string) => text.slice(0, text.indexOf('\n') + 1)],
    ['emptied', () => ''],
    ['garbage', () => '\u0000\uFFFD{not json'],
    ['replaced by other valid JSON', () => '{"files": []}'],
    [
      'in the format of older versions (bare JSON)',
      (text: string) => text.slice(text.indexOf('\n') + 1),
    ],
    ['given a key renamed', (text: string) => text.replace('"files"', '"filez"')],
  ])('should treat an entry %s as a miss', (_, damage) => {
    const { path, reader } = written();
    writeFileSync(path, damage(readFileSync(path, 'utf8')));
    expect(reader.readJson('render', KEY, RenderSchema)).toBeNull();
    expect(readdirSync(join(path, '..'))).toEqual([]);
  });

  it('should not accept an entry moved under another key or kind', () => {
    const { dir, path, reader } = written();
    for (const [kind, key] of [
      ['render', OTHER_KEY],
      ['parse', KEY],
    ] as const) {
      const moved = entryPath(dir, kind, key);
      new ContentCache(dir).writeJson(kind, key, { placeholder: true });
      writeFileSync(moved, readFileSync(path));
      expect(reader.readJson(kind, key)).toBeNull();
    }
    expect(reader.readJson('render', KEY, RenderSchema)).toEqual(ENTRY);
  });

  it('should treat an entry its schema refuses as a miss', () => {
    const { path, reader } = written();
    expect(reader.readJson('render', KEY, z.object({ decks: z.array(z.string()) }))).toBeNull();
    expect(() => statSync(path)).toThrow(/ENOENT/);
  });

  it('should lose its entries, not fail, when the secret is damaged or removed', () => {
    const { dir, reader } = written();
    writeFileSync(join(dir, 'secret'), 'not hex');
    expect(reader.readJson('render', KEY)).toBeNull();
    // A new secret was made, and works for what is written from now on.
    const next = new ContentCache(dir);
    next.writeJson('render', KEY, ENTRY);
    expect(new ContentCache(dir).readJson('render', KEY, RenderSchema)).toEqual(ENTRY);
    expect(readFileSync(join(dir, 'secret'), 'utf8')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('should neither throw nor find anything where no folder can be made', () => {
    const file = join(freshDir(), 'a-file');
    writeFileSync(file, 'x');
    const cache = new ContentCache(join(file, 'cache'));
    expect(() => cache.writeJson('render', KEY, ENTRY)).not.toThrow();
    expect(cache.readJson('render', KEY)).toBeNull();
  });

  it('should keep entries in memory when asked, without reading them back', () => {
    const dir = freshDir();
    const cache = new ContentCache(dir, { memory: true });
    cache.writeJson('render', KEY, ENTRY);
    writeFileSync(entryPath(dir, 'render', KEY), 'damaged after the write');
    expect(cache.readJson('render', KEY, RenderSchema)).toEqual(ENTRY);
  });
});
