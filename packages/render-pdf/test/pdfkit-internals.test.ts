import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  INSTALLED,
  INTERNALS_MISMATCH,
  versionMismatch,
  WRITTEN_FOR,
} from '../src/pdfkit-internals.js';

const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, '../src');
const ADAPTER = 'pdfkit-internals.ts';

// Members pdfkit and fontkit keep to themselves are spelled with a leading
// underscore: `._font`, `['_glyphs']`, or a field `_fontCount?:` in a type.
const UNDERSCORE_MEMBER = /\??\.\s*_[A-Za-z]\w*|\[\s*['"`]_[A-Za-z]|^\s*_[A-Za-z]\w*\??\s*:/gm;

const withoutComments = (code: string) =>
  code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

describe('pdfkit and fontkit internals', () => {
  it('should be written for the installed pdfkit and fontkit, which the package pins', () => {
    expect(INSTALLED).toEqual(WRITTEN_FOR);
    expect(INTERNALS_MISMATCH).toBeNull();
    const manifest = JSON.parse(readFileSync(join(here, '../package.json'), 'utf8'));
    expect(manifest.dependencies.pdfkit).toBe(WRITTEN_FOR.pdfkit);
    // The version pdfkit's own require resolves, read here a second way.
    const pdfkit = createRequire(import.meta.url).resolve('pdfkit/package.json');
    expect(JSON.parse(readFileSync(pdfkit, 'utf8')).version).toBe(WRITTEN_FOR.pdfkit);
  });

  it('should name both installed versions and both expected ones on a mismatch', () => {
    expect(versionMismatch({ pdfkit: '0.17.2', fontkit: '2.0.5' })).toBe(
      'pdfkit 0.17.2 and fontkit 2.0.5 are installed, but the shared fonts of the PDF renderer ' +
        'were written for pdfkit 0.17.2 and fontkit 2.0.4: documents register their fonts the public way',
    );
    expect(versionMismatch({ pdfkit: null, fontkit: '2.0.4' })).toContain(
      'pdfkit an unreadable version and fontkit 2.0.4 are installed',
    );
    expect(versionMismatch({ ...WRITTEN_FOR })).toBeNull();
  });

  it('should be the only source file that names an underscore member', () => {
    const files = readdirSync(src).filter((name) => name.endsWith('.ts'));
    const found = (name: string) =>
      withoutComments(readFileSync(join(src, name), 'utf8')).match(UNDERSCORE_MEMBER) ?? [];
    const elsewhere = files
      .filter((name) => name !== ADAPTER)
      .flatMap((name) => found(name).map((match) => `${name}: ${match.trim()}`));
    expect(elsewhere).toEqual([]);
    // The pattern does find what the adapter touches.
    expect(new Set(found(ADAPTER).map((match) => /_\w+/.exec(match)?.[0]))).toEqual(
      new Set(['_glyphs', '_font', '_fontFamilies', '_fontCount']),
    );
  });
});
