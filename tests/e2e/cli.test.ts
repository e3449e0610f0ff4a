import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { readTree } from '../support/files.js';
import { contentDir, repoRoot, runCli, STACK_TRACE, tempDir } from '../support/run-cli.js';

const shippedSchema = JSON.parse(
  readFileSync(join(repoRoot, 'packages/model/schema/deck.schema.json'), 'utf8'),
) as object;
const decksInContent = readdirSync(contentDir).filter(
  (name) => name.endsWith('.md') && name !== 'README.md',
);
// The shipped exam is built like a deck, its outputs named after it.
const examsInContent = readdirSync(join(contentDir, 'exams')).map((name) => `exams/${name}`);

const BAD_DECK = `---
title: Broken
colour: red
---

## Quiz

### Which is right?

- [ ] one
- [ ] two
`;

describe('quizmark build', () => {
  it('should build every shipped deck into JSON that validates against the published schema', () => {
    const out = tempDir();
    const run = runCli(['build', 'content', '--out', out, '--format', 'json']);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.status).toBe(0);
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(shippedSchema);
    const written = [...readTree(out).keys()];
    expect(written).toEqual(
      [...decksInContent, ...examsInContent]
        .map((name) => name.replace(/(\.exam\.yaml|\.md)$/, '.json'))
        .sort(),
    );
    for (const file of written) {
      const deck = JSON.parse(readFileSync(join(out, file), 'utf8')) as unknown;
      expect(validate(deck), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('should write the same bytes on a second build, from another working folder', () => {
    const first = tempDir();
    const second = tempDir();
    expect(runCli(['build', 'content', '--out', first, '--format', 'json']).status).toBe(0);
    expect(
      runCli(['build', contentDir, '--out', second, '--format', 'json'], { cwd: tempDir() }).status,
    ).toBe(0);
    for (const file of readTree(first).keys()) {
      expect(readFileSync(join(second, file)).equals(readFileSync(join(first, file))), file).toBe(
        true,
      );
    }
  });

  it('should write nothing and exit 1 when a deck has errors, leaving earlier outputs alone', () => {
    const src = tempDir();
    const out = tempDir();
    writeFileSync(join(src, 'good.md'), readFileSync(join(contentDir, 'mlops.md')));
    expect(runCli(['build', src, '--out', out, '--format', 'json']).status).toBe(0);
    const before = readFileSync(join(out, 'good.json'));
    writeFileSync(join(src, 'bad.md'), BAD_DECK);
    const run = runCli(['build', src, '--out', out, '--format', 'json']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('build failed: nothing was written');
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect([...readTree(out).keys()]).toEqual(['good.json']);
    expect(readFileSync(join(out, 'good.json')).equals(before)).toBe(true);
  });

  it('should refuse an output folder that is the content folder', () => {
    const run = runCli(['build', 'content', '--out', 'content']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--out content is the content folder/);
  });

  it('should explain usage errors without a stack trace', () => {
    for (const args of [
      ['build', 'content'],
      ['build', 'content', '--out', tempDir(), '--format', 'docx'],
      ['frobnicate'],
      ['build', 'nowhere', '--out', tempDir()],
      ['build', '--bogus'],
    ]) {
      const run = runCli(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^quizmark: /);
      expect(run.stderr).not.toMatch(STACK_TRACE);
    }
  });
});

describe('quizmark check', () => {
  it('should pass the shipped decks', () => {
    const run = runCli(['check', 'content']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `^0 errors, \\d+ warnings? in ${decksInContent.length + examsInContent.length} files?$`,
        'm',
      ),
    );
  });

  it('should print positioned problems with rule ids and exit 1', () => {
    const src = tempDir();
    writeFileSync(join(src, 'bad.md'), BAD_DECK);
    const run = runCli(['check', src], { cwd: src });
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(
      lines.some((line) => /^bad\.md:1:1\s+error\s+.*\s+deck-no-id$/.test(line)),
      run.stdout,
    ).toBe(true);
    expect(
      lines.some((line) =>
        /^bad\.md:3:1\s+warning\s+.*colour.*\s+frontmatter-unknown-key$/.test(line),
      ),
      run.stdout,
    ).toBe(true);
    expect(
      lines.some((line) => /^bad\.md:10:1\s+error\s+.*\s+choice-no-correct$/.test(line)),
      run.stdout,
    ).toBe(true);
    expect(lines.at(-1)).toMatch(/^\d+ errors?, 1 warning in 1 file$/);
  });

  it('should report the same problems as JSON', () => {
    const src = tempDir();
    mkdirSync(join(src, 'nested'));
    writeFileSync(join(src, 'nested', 'bad.md'), BAD_DECK);
    const run = runCli(['check', src, '--reporter', 'json'], { cwd: src });
    expect(run.status).toBe(1);
    const diagnostics = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(diagnostics.map((d) => d.ruleId)).toEqual(
      expect.arrayContaining(['deck-no-id', 'choice-no-correct']),
    );
    for (const d of diagnostics) {
      expect(d).toMatchObject({ file: 'nested/bad.md', source: 'quizmark' });
      expect(d.line).toBeGreaterThan(0);
      expect(d.column).toBeGreaterThan(0);
    }
  });
});

describe('quizmark schema and help', () => {
  it('should print the published JSON Schema', () => {
    const run = runCli(['schema']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(shippedSchema);
  });

  it('should print help for every command', () => {
    for (const args of [
      ['--help'],
      ['build', '--help'],
      ['check', '--help'],
      ['schema', '--help'],
    ]) {
      const run = runCli(args);
      expect(run.status, args.join(' ')).toBe(0);
      expect(run.stdout).toMatch(/Usage: quizmark/);
    }
  });
});
