import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { pngFile } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { runCliBounded } from '../support/run-bounded.js';
import { STACK_TRACE, tempDir } from '../support/run-cli.js';

// Inputs whose cost is out of proportion to their bytes: damaged images and
// decompression bombs (the PDF output decodes PNGs), and decks of many tiny
// items. The built CLI runs them with a 512 MB heap: a run that exhausts it
// dies of a signal and fails here.

/** A PNG with correct checksums around whatever IDAT it is given. */
const png = (width: number, height: number, colour: number, idat: Buffer) =>
  pngFile({ width, height, colour, idat });

const IMAGES = {
  // RGBA: pdfkit inflates it asynchronously, and the zlib error escaped as an internal error.
  'garbage.png': png(8, 8, 6, Buffer.from([0x78, 0x9c, 0x07, 1, 2, 3, 4, 5])),
  // RGB: pdfkit copies its data into the PDF unread, and the PDF had a broken image.
  'rgb-broken.png': png(8, 8, 2, deflateSync(Buffer.alloc(3 * 25, 0x33))),
  // 20000×20000 grey, 400 MB of pixels; the zeros are cut to 40 MB to keep the test quick.
  'bomb.png': png(20_000, 20_000, 0, deflateSync(Buffer.alloc(40 * 1024 * 1024))),
};

const FRONT = '---\nid: bounded\ntitle: Bounded\n---\n\n## Quiz\n\n';

function folder(files: Record<string, string | Buffer>): { dir: string; out: string } {
  const root = tempDir('quizmark-bounded-');
  const dir = join(root, 'src');
  mkdirSync(join(dir, 'input'), { recursive: true });
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, 'input', name), bytes);
  return { dir, out: join(root, 'out') };
}

function run(dir: string, args: string[]) {
  const result = runCliBounded(args, {
    cwd: dir,
    env: { QUIZMARK_CACHE_DIR: join(dir, '..', 'cache') },
    timeoutMs: 300_000,
  });
  expect(result.signal, result.stderr.slice(0, 2000)).toBeNull();
  expect(result.stderr).not.toMatch(STACK_TRACE);
  expect(result.stderr + result.stdout).not.toContain('internal error');
  return result;
}

describe('images that are damaged or too large', () => {
  const names = Object.keys(IMAGES);
  const deck = `${FRONT}${names.map((name, index) => `### Q${index}\n\n![${name}](${name})\n`).join('\n')}`;

  it('should be refused by check and by build in every format, at the reference, writing nothing', () => {
    const { dir, out } = folder({ 'deck.md': deck, ...IMAGES });
    // Each image is on line 10 + 4 × its index, column 1.
    const where = names.map((_, index) => `input/deck.md:${10 + 4 * index}:1`);
    const checked = run(dir, ['check', 'input']);
    expect(checked.status).toBe(1);
    const lines = checked.stdout.split('\n');
    const line = (at: string) => lines.find((text) => text.startsWith(at)) ?? '';
    expect(line(where[0]!)).toMatch(
      /image `garbage\.png` cannot be read: .*invalid block type.*image-unreadable/,
    );
    expect(line(where[1]!)).toMatch(
      /image `rgb-broken\.png` cannot be read: .*cut short.*image-unreadable/,
    );
    expect(line(where[2]!)).toMatch(/image `bomb\.png` is 20,000 × 20,000 pixels.*image-too-large/);

    for (const format of ['all', 'pdf', 'html', 'anki', 'json']) {
      const built = run(dir, ['build', 'input', '--out', out, '--format', format]);
      expect(built.status, built.stderr).toBe(1);
      for (const at of where) expect(built.stderr).toContain(at);
      expect(built.stderr).toContain('build failed: nothing was written');
      expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    }
  }, 600_000);
});

describe('a deck at the item limit', () => {
  // The most items a deck may have, in the fewest bytes: `### Qn` and a one-letter back.
  const items = (count: number) =>
    FRONT + Array.from({ length: count }, (_, index) => `### Q${index}\nA\n`).join('');

  it('should check and build in every format within a 512 MB heap', () => {
    const { dir, out } = folder({ 'limit.md': items(5_000) });
    const checked = run(dir, ['check', 'input']);
    expect(checked.status, checked.stdout).toBe(0);
    const built = run(dir, ['build', 'input', '--out', out, '--no-cache']);
    expect(built.status, built.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(
      expect.arrayContaining(['limit.json', 'limit.html', 'limit.apkg', 'limit.quiz.pdf']),
    );
  }, 600_000);

  it('should refuse one item more, and 40,000, at the first item past the limit', () => {
    for (const count of [5_001, 40_000]) {
      const { dir, out } = folder({ 'many.md': items(count) });
      const checked = run(dir, ['check', 'input']);
      expect(checked.status).toBe(1);
      // The first item is on line 8, each takes 2 lines.
      expect(checked.stdout).toMatch(
        /input\/many\.md:10008:1 .*at most 5,000 `###` items.*input-too-long/,
      );
      const built = run(dir, ['build', 'input', '--out', out]);
      expect(built.status).toBe(1);
      expect(built.stderr).toContain('input/many.md:10008:1');
      expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    }
  }, 600_000);
});
