import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Io, main } from '../src/index.js';

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
}

const packagesDir = new URL('../../', import.meta.url);
const manifest = (dir: string) =>
  JSON.parse(readFileSync(new URL(`${dir}/package.json`, packagesDir), 'utf8')) as Manifest;
const published = readdirSync(packagesDir)
  .filter((dir) => existsSync(new URL(`${dir}/package.json`, packagesDir)))
  .filter((dir) => !manifest(dir).private);

async function printedVersion(): Promise<string> {
  let out = '';
  const io: Io = {
    isTTY: false,
    cwd: process.cwd(),
    stdout: (text) => {
      out += text;
    },
    stderr: () => {},
  };
  expect(await main(['--version'], io)).toBe(0);
  return out;
}

describe('quizmark --version', () => {
  it('should print the released version of @quizmark/cli', async () => {
    const { version } = manifest('cli');
    expect(version).not.toBe('0.0.0');
    expect(await printedVersion()).toBe(`${version}\n`);
  });

  it('should be the version of every published package, each with its changelog', () => {
    // One version line (`fixed` in .changeset/config.json): a user names one release.
    expect(published.length).toBeGreaterThanOrEqual(10);
    for (const dir of published) {
      expect(manifest(dir).version, dir).toBe(manifest('cli').version);
      expect(readFileSync(new URL(`${dir}/CHANGELOG.md`, packagesDir), 'utf8'), dir).toContain(
        `## ${manifest('cli').version}`,
      );
    }
  });
});
