import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAssets } from '../src/assets.js';
import { discoverDecks } from '../src/index.js';

const PNG = Buffer.from('89504e470d0a1a0a', 'hex');

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
