import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_REGISTRY, ruleRegistry } from '@quizmark/pipeline';
import { describe, expect, it } from 'vitest';
import { readTree } from '../support/files.js';
import { runCliBounded } from '../support/run-bounded.js';
import { STACK_TRACE, tempDir } from '../support/run-cli.js';
import { GENERATED, GENERATED_FOLDERS } from './generated-inputs.js';

// The bad-input corpus: one folder per problem, with `input.md` (one deck),
// `input/` (several decks and their images) or a generator in
// generated-inputs.ts (inputs too large or too binary to commit), and
// `expected.json`: the exit code of `quizmark check` and every diagnostic it
// prints; `env.json`, when present, sets environment variables for the case.
// Run with UPDATE=1 to rewrite expected.json after a deliberate change, then
// review the diff: it is the test. Every case is checked and built in every
// format (the study outputs and the LMS exports, `EVERY_FORMAT`), and
// `build` must report exactly what `check` reported.
const EVERY_FORMAT = ['--format', 'all,lms'];
const corpus = fileURLToPath(new URL('./bad-input/', import.meta.url));
const cases = readdirSync(corpus, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

interface Expected {
  exitCode: number;
  diagnostics: Array<{
    file: string;
    line: number;
    column: number;
    severity: 'error' | 'warning';
    ruleId: string;
    message: string;
  }>;
}

/**
 * Puts a case's input into `src/` of a fresh folder; returns the folder to
 * run in (`src/`), what to name on the command line, and a free output folder.
 */
function materialise(name: string): { dir: string; target: string; out: string } {
  const root = tempDir('quizmark-hostile-');
  const dir = join(root, 'src');
  mkdirSync(dir);
  const out = join(root, 'out');
  const source = join(corpus, name);
  if (existsSync(join(source, 'input'))) {
    cpSync(join(source, 'input'), join(dir, 'input'), { recursive: true });
    return { dir, target: 'input', out };
  }
  const folder = GENERATED_FOLDERS[name];
  if (folder) {
    mkdirSync(join(dir, 'input'));
    for (const [path, bytes] of Object.entries(folder()))
      writeFileSync(join(dir, 'input', path), bytes);
    return { dir, target: 'input', out };
  }
  const generate = GENERATED[name];
  const bytes = existsSync(join(source, 'input.md'))
    ? readFileSync(join(source, 'input.md'))
    : generate?.();
  if (!bytes) throw new Error(`${name}: no input.md, input/ or generator`);
  writeFileSync(join(dir, 'input.md'), bytes);
  return { dir, target: 'input.md', out };
}

/** Environment variables a case runs with (`env.json`, for rules about the environment). */
function caseEnv(name: string): Record<string, string> {
  const path = join(corpus, name, 'env.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : {};
}

function expectCleanExit(
  run: ReturnType<typeof runCliBounded>,
  what: string,
): asserts run is typeof run & { status: number } {
  // No signal (a crash, or killed for taking minutes), no stack trace.
  expect(run.signal, `${what}: ${run.stderr.slice(0, 2000)}`).toBeNull();
  expect([0, 1], `${what}: ${run.stderr.slice(0, 2000)}`).toContain(run.status);
  expect(run.stderr).not.toMatch(STACK_TRACE);
}

describe('the bad-input corpus', () => {
  it('should have a case for every rule of the parser and the build', () => {
    const seen = new Set<string>();
    for (const name of cases) {
      const expected = JSON.parse(
        readFileSync(join(corpus, name, 'expected.json'), 'utf8'),
      ) as Expected;
      for (const diagnostic of expected.diagnostics) seen.add(diagnostic.ruleId);
    }
    // Every rule of the registry, but a parser crash, and what no shipped
    // output lacks (node types: the registry test covers it with a renderer
    // of its own), and what needs an option (the corpus runs without: a PDF
    // selection, packages/pipeline/test/skipped-decks.test.ts; `--qti-select`,
    // tests/e2e/lms-qti.test.ts; `--answer-sheet`,
    // packages/render-pdf/test/answer-sheet.test.ts).
    const untriggerable = [
      'internal-error',
      'output-node-type',
      'pdf-no-match',
      'pdf-no-sheet-questions',
      'output-nothing-to-write',
      'qti-select-larger-than-section',
    ];
    const rules = ruleRegistry(DEFAULT_REGISTRY)
      .map((rule) => rule.id)
      .filter((rule) => !untriggerable.includes(rule));
    expect(rules.filter((rule) => !seen.has(rule))).toEqual([]);
    expect(seen.has('internal-error')).toBe(false);
  });

  it('should have an input for every case and a case for every generator', () => {
    for (const name of Object.keys({ ...GENERATED, ...GENERATED_FOLDERS }))
      expect(cases).toContain(name);
    expect(cases.length).toBeGreaterThanOrEqual(70);
  });

  it('should never print terminal escape sequences or invisible characters from a deck', () => {
    for (const name of ['terminal-escapes', 'ids-invisible-characters']) {
      const { dir, target } = materialise(name);
      const run = runCliBounded(['check', target], {
        cwd: dir,
        env: { QUIZMARK_CACHE_DIR: join(dir, '..', 'cache') },
      });
      expectCleanExit(run, name);
      // Control characters never reach a message (the parser replaced them
      // with U+FFFD); invisible ones are written as escapes.
      expect(run.stdout).toMatch(name === 'terminal-escapes' ? /\ufffd\[2J/ : /\\u\{200b\}/);
      expect(run.stdout).not.toMatch(
        /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e]/,
      );
    }
  });

  for (const name of cases) {
    it(`should report ${name} clearly, in bounded time and memory, without crashing`, () => {
      const { dir, target, out } = materialise(name);
      // Dated by the sources unless the case sets the environment (env.json).
      const env = {
        QUIZMARK_CACHE_DIR: join(dir, '..', 'cache'),
        SOURCE_DATE_EPOCH: '',
        ...caseEnv(name),
      };
      const run = runCliBounded(['check', target, ...EVERY_FORMAT, '--reporter', 'json'], {
        cwd: dir,
        env,
      });
      expectCleanExit(run, `check ${name}`);
      const printed = JSON.parse(run.stdout) as Array<Expected['diagnostics'][number]>;
      const actual = {
        exitCode: run.status,
        diagnostics: printed.map(({ file, line, column, severity, ruleId, message }) => ({
          file,
          line,
          column,
          severity,
          ruleId,
          message,
        })),
      };
      const expectedPath = join(corpus, name, 'expected.json');
      if (process.env.UPDATE) writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
      const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected;
      expect(actual).toEqual({ exitCode: expected.exitCode, diagnostics: expected.diagnostics });
      // The exit code says whether there is an error; warnings alone pass.
      expect(run.status).toBe(actual.diagnostics.some((d) => d.severity === 'error') ? 1 : 0);
      for (const diagnostic of actual.diagnostics) {
        expect(diagnostic.line).toBeGreaterThanOrEqual(1);
        expect(diagnostic.column).toBeGreaterThanOrEqual(1);
        expect(diagnostic.message.length).toBeGreaterThan(20);
      }

      // `build` (every format, as `check` checks by default) reports exactly
      // what `check` reported, line for line, and fails exactly when it does.
      const checked = runCliBounded(['check', target, ...EVERY_FORMAT], { cwd: dir, env });
      const built = runCliBounded(['build', target, '--out', out, ...EVERY_FORMAT], {
        cwd: dir,
        env,
      });
      expectCleanExit(built, `build ${name}`);
      expect(built.status, built.stderr.slice(0, 2000)).toBe(expected.exitCode);
      const problemLines = (text: string) =>
        text.split('\n').filter((line) => /:\d+:\d+ /.test(line));
      expect(problemLines(built.stderr)).toEqual(problemLines(checked.stdout));
      expect(problemLines(built.stderr)).toHaveLength(expected.diagnostics.length);
      if (expected.exitCode !== 0) {
        expect(built.stderr).toContain('build failed: nothing was written');
        expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
      } else {
        const files = [...readTree(out).keys()];
        expect(files.length).toBeGreaterThan(0);
        expect(files.filter((file) => file.endsWith('.tmp'))).toEqual([]);
        for (const file of files) expect(statSync(join(out, file)).size).toBeGreaterThan(0);
      }
    }, 600_000);
  }
});
