import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundledEntry } from '../src/bundle-check.js';

// A bundle folder as scripts/bundle.mjs leaves it, made from one input file.
function madeBundle(): { bundle: URL; input: string } {
  const root = mkdtempSync(join(tmpdir(), 'quizmark-bundle-'));
  mkdirSync(join(root, 'bundle'));
  mkdirSync(join(root, 'dist'));
  const input = join(root, 'dist', 'main.js');
  writeFileSync(input, 'export const answer = 42;\n');
  const stats = statSync(input);
  const sha256 = createHash('sha256').update('export const answer = 42;\n').digest('hex');
  writeFileSync(
    join(root, 'bundle', 'inputs.json'),
    JSON.stringify([['../dist/main.js', stats.size, stats.mtimeMs, sha256]]),
  );
  return { bundle: pathToFileURL(join(root, 'bundle/')), input };
}

describe('the bundle check', () => {
  it('should run the bundle while its inputs are as they were', () => {
    const { bundle } = madeBundle();
    expect(bundledEntry({}, bundle)).toBe(new URL('run.js', bundle).href);
  });

  it('should run the bundle when an input was only touched, as a restored cache does', () => {
    const { bundle, input } = madeBundle();
    utimesSync(input, new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect(bundledEntry({}, bundle)).toBe(new URL('run.js', bundle).href);
  });

  it('should run dist when an input changed, even at the same size', () => {
    const { bundle, input } = madeBundle();
    writeFileSync(input, 'export const answer = 43;\n');
    expect(bundledEntry({}, bundle)).toBeNull();
  });

  it('should run dist when an input is gone, when there is no bundle, or when told to', () => {
    const { bundle, input } = madeBundle();
    expect(bundledEntry({ QUIZMARK_NO_BUNDLE: '1' }, bundle)).toBeNull();
    rmSync(input);
    expect(bundledEntry({}, bundle)).toBeNull();
    expect(bundledEntry({}, new URL('../no-bundle/', bundle))).toBeNull();
  });
});
