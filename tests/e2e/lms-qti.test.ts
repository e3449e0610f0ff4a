import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  IMS_CP_SCHEMA,
  QTI_ITEM_SCHEMA,
  readZip,
  systemTool,
  xmlSchemaErrors,
} from '@quizmark/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, STACK_TRACE, tempDir } from '../support/run-cli.js';

// The shipped decks built by the CLI as a teacher would (`--format qti`),
// each package opened as a zip and every XML file checked by xmllint against
// the IMS schemas.

const DECKS = ['git-basics', 'japanese', 'mlops', 'physics'];
const xmllint = systemTool('xmllint', 'libxml2-utils');

let out = '';
let stderr = '';
beforeAll(() => {
  out = tempDir();
  const run = runCli(['build', 'content', '--out', out, '--format', 'qti']);
  stderr = run.stderr;
  expect(run.stderr).not.toMatch(STACK_TRACE);
  expect(run.status, run.stderr).toBe(0);
}, 120_000);

const entriesOf = (deck: string) => readZip(readFileSync(join(out, `${deck}.qti.zip`)));

describe('quizmark build --format qti', () => {
  it('should write one .qti.zip per shipped deck and nothing of other formats', () => {
    // The shipped exam's package is in exams/ (tests/e2e/exam-build.test.ts).
    const files = readdirSync(out).filter((name) => !name.startsWith('.') && name !== 'exams');
    expect(files.sort()).toEqual(DECKS.map((deck) => `${deck}.qti.zip`));
  });

  it('should warn, at the line, about what QTI cannot hold and build anyway', () => {
    // The git deck's <kbd> and physics' <sub>/<sup> are kept: no warning for them.
    expect(stderr).not.toMatch(/qti-html-as-text/);
    expect(stderr).not.toMatch(/error/);
  });

  it.runIf(xmllint.available)(
    'should validate every QTI file and manifest against the IMS schemas',
    () => {
      const qti: Array<{ name: string; text: Uint8Array }> = [];
      const manifests: Array<{ name: string; text: Uint8Array }> = [];
      for (const deck of DECKS) {
        for (const entry of entriesOf(deck)) {
          const file = { name: `${deck}-${entry.name}`, text: entry.bytes };
          if (entry.name === 'imsmanifest.xml') manifests.push(file);
          else if (entry.name.endsWith('.xml')) qti.push(file);
        }
      }
      expect(manifests).toHaveLength(DECKS.length);
      expect(xmlSchemaErrors(qti, QTI_ITEM_SCHEMA)).toBeNull();
      expect(xmlSchemaErrors(manifests, IMS_CP_SCHEMA)).toBeNull();
    },
  );

  it('should package the physics diagram beside its items', () => {
    const names = entriesOf('physics').map((entry) => entry.name);
    expect(names[0]).toBe('imsmanifest.xml');
    expect(names).toContain('assessment-test.xml');
    expect(names.some((name) => name.startsWith('media/') && name.endsWith('.svg'))).toBe(true);
  });

  it('should write the same bytes when built again from scratch', () => {
    const again = tempDir();
    const run = runCli(['build', 'content', '--out', again, '--format', 'qti', '--no-cache']);
    expect(run.status, run.stderr).toBe(0);
    for (const deck of DECKS)
      expect(
        readFileSync(join(again, `${deck}.qti.zip`)).equals(
          readFileSync(join(out, `${deck}.qti.zip`)),
        ),
      ).toBe(true);
  });

  it('should take its flags, and warn when a section is smaller than --qti-select', () => {
    const dir = tempDir();
    const run = runCli([
      'build',
      'content/physics.md',
      '--out',
      dir,
      '--format',
      'qti',
      '--qti-shuffle-items',
      '--qti-select',
      '50',
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/physics\.md:\d+:\d+\s+warning .*qti-select-larger-than-section/);
    const test = readZip(readFileSync(join(dir, 'physics.qti.zip'))).find(
      (e) => e.name === 'assessment-test.xml',
    )!;
    const xml = new TextDecoder().decode(test.bytes);
    expect(xml).toContain('<ordering shuffle="true"/>');
    expect(xml).toMatch(/<selection select="\d+"\/>/);
  });
});
