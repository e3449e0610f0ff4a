import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// What npm publishes for each package: the licence text, a README, where the
// code lives, which Node it needs and which files a bundler must keep.

const root = fileURLToPath(new URL('../../', import.meta.url));
const rootLicense = readFileSync(join(root, 'LICENSE'), 'utf8');
const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

interface Manifest {
  name: string;
  private?: boolean;
  license?: string;
  repository?: unknown;
  engines?: { node?: string };
  sideEffects?: boolean | string[];
}

const packages = readdirSync(join(root, 'packages'))
  .filter((folder) => existsSync(join(root, 'packages', folder, 'package.json')))
  .sort()
  .map((folder) => {
    const dir = join(root, 'packages', folder);
    const manifest: Manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    return { folder, dir, manifest };
  });
const published = packages.filter(({ manifest }) => !manifest.private);

describe('package metadata', () => {
  it('should find the packages', () => {
    expect(published.map(({ folder }) => folder)).toContain('cli');
    expect(published.length).toBeGreaterThanOrEqual(10);
  });

  it('should ship the root MIT licence, byte for byte, in every published package', () => {
    expect(rootLicense).toMatch(/^MIT License\n\nCopyright \(c\) 2026 the quizmark authors\n/);
    for (const { folder, dir, manifest } of published) {
      expect(manifest.license, folder).toBe('MIT');
      expect(readFileSync(join(dir, 'LICENSE'), 'utf8'), `packages/${folder}/LICENSE`).toBe(
        rootLicense,
      );
      expect(existsSync(join(dir, 'README.md')), `packages/${folder}/README.md`).toBe(true);
    }
  });

  it("should name the repository folder and the root's Node range in every package", () => {
    for (const { folder, manifest } of packages) {
      expect(manifest.repository, folder).toEqual({
        type: 'git',
        url: 'git+https://github.com/quizmark/quizmark.git',
        directory: `packages/${folder}`,
      });
      expect(manifest.engines, folder).toEqual(rootManifest.engines);
    }
  });

  it('should declare side effects in every package, listing only files that exist', () => {
    for (const { folder, dir, manifest } of packages) {
      expect(manifest.sideEffects, folder).toBeDefined();
      if (manifest.sideEffects === false) continue;
      expect(Array.isArray(manifest.sideEffects), folder).toBe(true);
      for (const file of manifest.sideEffects as string[]) {
        // dist/ exists only after a build; its source file must exist always.
        if (file.startsWith('./src/'))
          expect(existsSync(join(dir, file)), `${folder}: ${file}`).toBe(true);
      }
    }
  });

  it('should pack the CLI with its licence and README', () => {
    const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: join(root, 'packages/cli'),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const [pack] = JSON.parse(output) as Array<{ files: Array<{ path: string }> }>;
    const files = pack!.files.map((file) => file.path);
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json']));
  });
});
