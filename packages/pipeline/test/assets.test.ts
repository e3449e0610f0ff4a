import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { pngChunk, pngFile } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { loadAssets } from '../src/assets.js';
import { MAX_IMAGE_PIXELS } from '../src/image-check.js';
import { discoverDecks } from '../src/index.js';

const PNG = pngFile({ width: 3, height: 2 });

/** A baseline JPEG's header (JFIF, frame, scan) and a little entropy-coded data. */
function jpeg(width: number, height: number): Buffer {
  const frame = Buffer.from([0xff, 0xc0, 0, 11, 8, 0, 0, 0, 0, 1, 1, 0x11, 0]);
  frame.writeUInt16BE(height, 5);
  frame.writeUInt16BE(width, 7);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    Buffer.from([0xff, 0xe0, 0, 16]),
    Buffer.from('JFIF\0', 'latin1'),
    Buffer.from([1, 1, 0, 0, 1, 0, 1, 0, 0]),
    frame,
    Buffer.from([0xff, 0xda, 0, 8, 1, 1, 0, 0, 0x3f, 0]),
    Buffer.from([0x12, 0x34, 0xff, 0x00, 0x56]),
    Buffer.from([0xff, 0xd9]),
  ]);
}

function gif(width: number, height: number): Buffer {
  const head = Buffer.from('GIF89a\0\0\0\0\0\0\0', 'latin1');
  head.writeUInt16LE(width, 6);
  head.writeUInt16LE(height, 8);
  return Buffer.concat([
    head,
    Buffer.from([0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3b]),
  ]);
}

function webp(width: number, height: number): Buffer {
  const out = Buffer.alloc(30);
  out.write('RIFF', 0, 'latin1');
  out.writeUInt32LE(22, 4);
  out.write('WEBPVP8X', 8, 'latin1');
  out.writeUInt32LE(10, 16);
  out.writeUIntLE(width - 1, 24, 3);
  out.writeUIntLE(height - 1, 27, 3);
  return out;
}

/** Writes `images` (name → bytes) into a content folder and returns its deck. */
function withImages(images: Record<string, Buffer>) {
  const base = mkdtempSync(join(tmpdir(), 'quizmark-images-'));
  mkdirSync(join(base, 'content'));
  writeFileSync(join(base, 'content', 'deck.md'), '');
  for (const [name, bytes] of Object.entries(images))
    writeFileSync(join(base, 'content', name), bytes);
  return discoverDecks(['content'], base)[0]!;
}

function setup() {
  const base = mkdtempSync(join(tmpdir(), 'quizmark-assets-'));
  const root = join(base, 'content');
  mkdirSync(join(root, 'img'), { recursive: true });
  writeFileSync(join(root, 'deck.md'), '');
  writeFileSync(join(root, 'img', 'a.png'), PNG);
  writeFileSync(join(base, 'secret.png'), PNG);
  writeFileSync(join(root, 'notes.txt'), 'text');
  symlinkSync(join(base, 'secret.png'), join(root, 'img', 'link.png'));
  const [deck] = discoverDecks(['content'], base);
  return deck!;
}

const at = (url: string, line = 3) => ({ url, line, column: 5 });

describe('loadAssets', () => {
  it('should read images inside the content folder, keyed by the reference as written', () => {
    const { assets, diagnostics } = loadAssets(setup(), [at('img/a.png'), at('./img/a.png')]);
    expect(diagnostics).toEqual([]);
    expect(assets.get('img/a.png')).toMatchObject({ path: 'img/a.png', mediaType: 'image/png' });
    expect(Buffer.from(assets.get('img/a.png')!.bytes).equals(PNG)).toBe(true);
    expect(assets.get('./img/a.png')?.path).toBe('img/a.png');
  });

  it.each([
    ['../secret.png', 'image-outside-root', /outside the content folder/],
    ['/etc/passwd', 'image-outside-root', /absolute path/],
    ['img/link.png', 'image-outside-root', /link that leads outside/],
    ['img/%2e%2e/%2e%2e/secret.png', 'image-outside-root', /outside the content folder/],
    ['img/missing.png', 'image-not-found', /not found/],
    ['notes.txt', 'image-unsupported', /not a PNG/],
  ])('should refuse %s with a positioned error and never read it', (url, ruleId, message) => {
    const { assets, diagnostics } = loadAssets(setup(), [at(url, 7)]);
    expect(assets.size).toBe(0);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      file: 'content/deck.md',
      line: 7,
      column: 5,
      severity: 'error',
      ruleId,
    });
    expect(diagnostics[0]!.message).toMatch(message);
  });

  it('should never fetch or read remote and inline references', () => {
    const { assets, diagnostics } = loadAssets(setup(), [
      at('https://example.org/a.png'),
      at('//example.org/a.png'),
      at('data:image/png;base64,AAAA'),
    ]);
    expect(assets.size).toBe(0);
    expect(diagnostics).toEqual([]);
  });
});

describe('loadAssets image checks', () => {
  const valid = PNG;
  const ihdrEnd = 8 + 25;
  const truncated = valid.subarray(0, valid.length - 20);
  const badCrc = Buffer.from(valid);
  badCrc[ihdrEnd + 10] = badCrc[ihdrEnd + 10]! ^ 0xff; // a byte of the IDAT data
  // A zlib header, then a deflate block of the reserved type 3: "invalid block type".
  const garbage = pngFile({
    width: 4,
    height: 4,
    idat: Buffer.from([0x78, 0x9c, 0x07, 1, 2, 3, 4]),
  });
  const rgbShort = pngFile({ width: 4, height: 4, idat: deflateSync(Buffer.alloc(2 * 13)) });
  const rgbFilter = pngFile({ width: 4, height: 4, idat: deflateSync(Buffer.alloc(4 * 13, 9)) });
  const rgbLong = pngFile({
    width: 4,
    height: 4,
    idat: deflateSync(Buffer.alloc(8 * 1024 * 1024)),
  });
  // 20000×20000 grey: a few MB of zeros stand in for the 400 MB the header promises.
  const bomb = pngFile({
    width: 20_000,
    height: 20_000,
    colour: 0,
    idat: deflateSync(Buffer.alloc(4 * 1024 * 1024)),
  });
  const jpegCut = jpeg(64, 48).subarray(0, 30);
  const jpegNoEnd = jpeg(64, 48).subarray(0, -2);

  it.each([
    ['truncated.png', truncated, 'image-unreadable', /cut short/],
    ['bad-crc.png', badCrc, 'image-unreadable', /checksum of its "IDAT" part is wrong/],
    ['garbage.png', garbage, 'image-unreadable', /image data is damaged \(invalid block type\)/],
    ['rgb-short.png', rgbShort, 'image-unreadable', /cut short \(fewer rows/],
    ['rgb-filter.png', rgbFilter, 'image-unreadable', /unknown row filter/],
    ['rgb-long.png', rgbLong, 'image-unreadable', /larger than the size the file gives/],
    ['not-a.png', Buffer.from('GIF89a'), 'image-unreadable', /not a PNG image/],
    [
      'bomb.png',
      bomb,
      'image-too-large',
      /20,000 × 20,000 pixels \(400 megapixels\): expected at most 50 megapixels/,
    ],
    ['cut.jpg', jpegCut, 'image-unreadable', /cut short/],
    ['no-end.jpeg', jpegNoEnd, 'image-unreadable', /cut short/],
    ['huge.jpg', jpeg(60_000, 60_000), 'image-too-large', /60,000 × 60,000 pixels/],
    [
      'huge.gif',
      gif(65_535, 65_535),
      'image-too-large',
      /65,535 × 65,535 pixels \(4,295 megapixels\)/,
    ],
    ['cut.gif', gif(2, 2).subarray(0, -1), 'image-unreadable', /cut short/],
    ['huge.webp', webp(16_383, 16_383), 'image-too-large', /16,383 × 16,383/],
    ['cut.webp', webp(10, 10).subarray(0, 20), 'image-unreadable', /cut short/],
    [
      'open.svg',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><rect/>'),
      'image-unreadable',
      /never closed/,
    ],
    ['text.svg', Buffer.from('just text'), 'image-unreadable', /no `<svg>` element/],
  ])(
    'should refuse %s with a positioned error that names it as written',
    (name, bytes, ruleId, message) => {
      const started = performance.now();
      const { assets, diagnostics } = loadAssets(withImages({ [name]: bytes }), [at(name, 7)]);
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(assets.size).toBe(0);
      expect(diagnostics).toMatchObject([
        { file: 'content/deck.md', line: 7, column: 5, severity: 'error', ruleId },
      ]);
      expect(diagnostics[0]!.message).toContain(`image \`${name}\``);
      expect(diagnostics[0]!.message).toMatch(message);
    },
  );

  it('should accept valid images of every type, up to the pixel cap', () => {
    const side = Math.floor(Math.sqrt(MAX_IMAGE_PIXELS));
    const images = {
      'grey.png': pngFile({ width: 5, height: 3, colour: 0 }),
      'rgba.png': pngFile({ width: 2, height: 7, colour: 6 }),
      'photo.jpg': jpeg(side, side),
      'anim.gif': gif(side, side),
      'pic.webp': webp(side, 1_000),
      'ok.svg': Buffer.from(
        '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>',
      ),
    };
    const { assets, diagnostics } = loadAssets(
      withImages(images),
      Object.keys(images).map((name) => at(name)),
    );
    expect(diagnostics).toEqual([]);
    expect([...assets.keys()]).toEqual(Object.keys(images));
  });

  it('should count 16-bit colour with alpha twice against the cap', () => {
    const header = Buffer.alloc(13);
    header.writeUInt32BE(6_000, 0);
    header.writeUInt32BE(6_000, 4);
    header.set([16, 6, 0, 0, 0], 8);
    const deep = Buffer.concat([
      Buffer.from('89504e470d0a1a0a', 'hex'),
      pngChunk('IHDR', header),
      pngChunk('IDAT', deflateSync(Buffer.alloc(16))),
      pngChunk('IEND', Buffer.alloc(0)),
    ]);
    const { diagnostics } = loadAssets(withImages({ 'deep.png': deep }), [at('deep.png')]);
    expect(diagnostics).toMatchObject([{ ruleId: 'image-too-large' }]);
    expect(diagnostics[0]!.message).toMatch(/36 megapixels of 16-bit colour, which counts as 72\)/);
  });
});
