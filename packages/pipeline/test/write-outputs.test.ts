import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_NAME, lockOutputFolder } from '../src/output-lock.js';
import { MANIFEST_NAME, readOutputManifest, writeOutputManifest } from '../src/output-manifest.js';
import { isTempName, removeStaleTemps, tempPath } from '../src/temp-names.js';
import { checkOutputFolder, writeOutputs } from '../src/write-outputs.js';

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

  it('should create an output folder that does not exist yet, several levels deep', () => {
    const out = join(temp(), 'not', 'yet');
    writeOutputs(out, [{ path: 'a.json', bytes: bytes('a') }]);
    expect(readFileSync(join(out, 'a.json'), 'utf8')).toBe('a');
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
  it('should refuse the content folder, and allow a folder inside it that holds no decks', () => {
    const root = temp();
    expect(checkOutputFolder(root, [root])).toMatch(/is the content folder:/);
    expect(checkOutputFolder(join(root, 'dist'), [root])).toBeNull();
    expect(checkOutputFolder(join(root, '..', 'dist'), [root])).toBeNull();
  });

  it('should refuse a folder inside the content folder that holds decks, naming one', () => {
    const root = temp();
    mkdirSync(join(root, 'dist', 'chem'), { recursive: true });
    writeFileSync(join(root, 'dist', 'chem', 'acids.md'), '# deck\n');
    expect(checkOutputFolder(join(root, 'dist'), [root], 'dist')).toBe(
      '--out dist holds decks (chem/acids.md): outputs would mix with them; choose a folder without decks such as dist',
    );
    // Outputs and drafts are not decks.
    rmSync(join(root, 'dist', 'chem', 'acids.md'));
    writeFileSync(join(root, 'dist', 'chem', '_draft.md'), '');
    writeFileSync(join(root, 'dist', 'acids.html'), '');
    expect(checkOutputFolder(join(root, 'dist'), [root])).toBeNull();
  });

  it('should refuse an output folder that leads to the content folder through a symlink', () => {
    const root = temp();
    const content = join(root, 'content');
    mkdirSync(content);
    symlinkSync(content, join(root, 'out-link'));
    expect(checkOutputFolder(join(root, 'out-link'), [content])).toMatch(/is the content folder/);
    symlinkSync(root, join(root, 'root-link'));
    expect(checkOutputFolder(join(root, 'dist'), [join(root, 'root-link', 'content')])).toBeNull();
    expect(checkOutputFolder(join(root, 'root-link', 'content'), [content])).toMatch(
      /is the content folder/,
    );
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

describe('writeOutputs when a rename fails', () => {
  const old = (out: string) => {
    writeOutputs(out, [
      { path: 'a.json', bytes: bytes('old a') },
      { path: 'b.json', bytes: bytes('old b') },
      { path: 'd.json', bytes: bytes('old d') },
    ]);
    return new Map(readdirSync(out).map((name) => [name, readFileSync(join(out, name), 'utf8')]));
  };
  const tree = (out: string) =>
    new Map(readdirSync(out).map((name) => [name, readFileSync(join(out, name), 'utf8')]));

  it('should put back the outputs already replaced, and remove the new ones, when a later rename fails', () => {
    const out = temp();
    const before = old(out);
    // As on Windows when a reader has d.json open.
    const failing = (from: string, to: string) => {
      if (to === join(out, 'd.json')) throw new Error('EBUSY: resource busy or locked, rename');
      renameSync(from, to);
    };
    expect(() =>
      writeOutputs(
        out,
        [
          { path: 'a.json', bytes: bytes('new a') },
          { path: 'b.json', bytes: bytes('new b') },
          { path: 'c.json', bytes: bytes('new c') },
          { path: 'd.json', bytes: bytes('new d') },
        ],
        { rename: failing },
      ),
    ).toThrow(/EBUSY.*the 3 outputs already replaced were put back/);
    // a and b are old again, c (new in this build) is gone, d was never touched; no temporary file.
    expect(tree(out)).toEqual(before);
  });

  it('should refuse a folder in the place of an output before replacing anything', () => {
    const out = temp();
    const before = old(out);
    mkdirSync(join(out, 'c.json'));
    expect(() =>
      writeOutputs(out, [
        { path: 'a.json', bytes: bytes('new a') },
        { path: 'new/x.json', bytes: bytes('x') },
        { path: 'c.json', bytes: bytes('new c') },
      ]),
    ).toThrow(/cannot replace c\.json: a folder is in its place/);
    expect(readdirSync(out).sort()).toEqual([...before.keys(), 'c.json'].sort());
    expect(readFileSync(join(out, 'a.json'), 'utf8')).toBe('old a');
    expect(readdirSync(join(out, 'c.json'))).toEqual([]);
  });

  it('should report the size and mtime of each file as it is once in place', () => {
    const out = temp();
    const written = writeOutputs(out, [{ path: 'n/a.json', bytes: bytes('twelve bytes') }]);
    const stats = statSync(join(out, 'n/a.json'));
    expect(written).toEqual([{ path: 'n/a.json', size: 12, mtimeMs: stats.mtimeMs }]);
  });

  it('should refuse to write over its own bookkeeping files', () => {
    const out = temp();
    expect(() => writeOutputs(out, [{ path: MANIFEST_NAME, bytes: bytes('{}') }])).toThrow(
      /kept for quizmark's own files/,
    );
  });
});

describe('writeOutputs and symlinks before creating folders', () => {
  it('should create no folder outside --out when a symlinked folder inside it leads there', () => {
    const out = temp();
    const elsewhere = temp();
    symlinkSync(elsewhere, join(out, 'sub'));
    expect(() =>
      writeOutputs(out, [{ path: 'sub/deeper/still/b.json', bytes: bytes('b') }]),
    ).toThrow(/symlink leads outside the output folder/);
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});

describe('temporary names', () => {
  it('should be short, random and recognisable', () => {
    const folder = temp();
    const names = new Set(Array.from({ length: 50 }, () => tempPath(folder)));
    expect(names.size).toBe(50);
    for (const name of names) {
      expect(name.slice(folder.length + 1)).toMatch(/^\.[0-9a-f]{8}\.qm\.tmp$/);
      expect(isTempName(name.slice(folder.length + 1))).toBe(true);
    }
  });

  it('should remove stale temporaries of any process, in both forms, and nothing else', () => {
    const out = temp();
    const keep = ['a.json', 'a.json.tmp', '.hidden', 'x.quizmark-notapid.tmp'];
    const stale = [
      '.0123abcd.qm.tmp',
      'a.json.quizmark-4242.tmp',
      `b.html.quizmark-${process.pid}.tmp`,
    ];
    for (const name of [...keep, ...stale]) writeFileSync(join(out, name), '');
    expect(removeStaleTemps([out, join(out, 'missing')])).toBe(3);
    expect(readdirSync(out).sort()).toEqual([...keep].sort());
  });
});

describe('the output manifest', () => {
  it('should read back what was written, and own nothing when missing or damaged', () => {
    const out = temp();
    expect(readOutputManifest(out)).toEqual({ files: {}, sources: {} });
    const ownership = {
      files: { 'a.json': { deck: 'a', format: 'json', hash: 'h', size: 1, mtimeMs: 2 } },
      sources: { a: '../content/a.md' },
    };
    writeOutputManifest(out, ownership);
    expect(readOutputManifest(out)).toEqual(ownership);
    expect(readdirSync(out)).toEqual([MANIFEST_NAME]);
    for (const damaged of [
      '{"version":1,"files":',
      '{"version":2,"files":{},"sources":{}}',
      '{"version":1,"files":{"../x":{"deck":null,"format":"json","hash":"h","size":1,"mtimeMs":2}},"sources":{}}',
      '{"version":1,"files":{"a.json":{"deck":1}},"sources":{}}',
    ]) {
      writeFileSync(join(out, MANIFEST_NAME), damaged);
      expect(readOutputManifest(out), damaged).toEqual({ files: {}, sources: {} });
    }
  });
});

describe('lockOutputFolder', () => {
  it('should create nothing when the folder does not exist and it is not asked to', async () => {
    const out = join(temp(), 'out');
    expect(await lockOutputFolder(out, 'out', { create: false })).toBeNull();
    expect(existsSync(out)).toBe(false);
  });

  it('should make a second build wait, then fail saying who holds the folder', async () => {
    const out = temp();
    const first = await lockOutputFolder(out, 'dist', { create: true });
    const started = Date.now();
    await expect(lockOutputFolder(out, 'dist', { create: true, waitMs: 300 })).rejects.toThrow(
      `another quizmark build is writing dist (pid ${process.pid}); wait for it or remove dist/${LOCK_NAME} if it died`,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    first!.release();
    expect(existsSync(join(out, LOCK_NAME))).toBe(false);
    const second = await lockOutputFolder(out, 'dist', { create: true, waitMs: 0 });
    second!.release();
  });

  it('should let the waiting build in as soon as the first one releases the folder', async () => {
    const out = temp();
    const first = await lockOutputFolder(out, 'dist', { create: true });
    setTimeout(() => first!.release(), 150);
    const second = await lockOutputFolder(out, 'dist', { create: true, waitMs: 5_000 });
    expect(JSON.parse(readFileSync(join(out, LOCK_NAME), 'utf8')).pid).toBe(process.pid);
    second!.release();
  });

  it('should take over the lock of a process that died, and of one this process leaked', async () => {
    const out = temp();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    const holder = { pid: Number(dead.stdout), host: hostname(), token: 'gone' };
    writeFileSync(join(out, LOCK_NAME), JSON.stringify(holder));
    const taken = await lockOutputFolder(out, 'dist', { create: true, waitMs: 0 });
    expect(taken).not.toBeNull();
    taken!.release();
    writeFileSync(join(out, LOCK_NAME), JSON.stringify({ ...holder, pid: process.pid }));
    (await lockOutputFolder(out, 'dist', { create: true, waitMs: 0 }))!.release();
  });

  it('should not take over a lock held on another host', async () => {
    const out = temp();
    writeFileSync(
      join(out, LOCK_NAME),
      JSON.stringify({ pid: 1, host: `not-${hostname()}`, token: 'x' }),
    );
    await expect(lockOutputFolder(out, 'dist', { create: true, waitMs: 0 })).rejects.toThrow(
      `(pid 1 on not-${hostname()})`,
    );
  });
});
