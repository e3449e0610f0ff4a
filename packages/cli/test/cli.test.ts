import type { Diagnostic } from '@quizmark/model';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { formatDiagnostics, type Io, main, summarize } from '../src/index.js';

const diagnostic = (overrides: Partial<Diagnostic>): Diagnostic => ({
  file: 'deck.md',
  line: 1,
  column: 1,
  endLine: null,
  endColumn: null,
  severity: 'error',
  ruleId: 'deck-no-id',
  message: 'expected an id',
  source: 'quizmark',
  ...overrides,
});

function fakeIo(): Io & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    isTTY: false,
    cwd: process.cwd(),
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
  };
  return io;
}

describe('@quizmark/cli', () => {
  it('should expose the public api', () => {
    expect(Object.keys(api).sort()).toEqual([
      'formatDiagnostics',
      'main',
      'processIo',
      'summarize',
    ]);
  });

  it('should print aligned `file:line:col severity message rule-id` lines', () => {
    const text = formatDiagnostics([
      diagnostic({}),
      diagnostic({
        line: 12,
        column: 3,
        severity: 'warning',
        ruleId: 'unknown-part',
        message: 'unknown part\n`Hnit`',
      }),
    ]);
    expect(text).toBe(
      'deck.md:1:1   error    expected an id  deck-no-id\n' +
        'deck.md:12:3  warning  unknown part `Hnit`  unknown-part\n',
    );
  });

  it('should print terminal escapes and invisible characters from decks as visible escapes', () => {
    const text = formatDiagnostics([
      diagnostic({
        file: 'evil\u001b]52;c;cGF5bG9hZA==\u0007.md',
        message: 'section `\u001b[2J\u001b[31mred` and id `cafe\u200b-menu` \u202eevil\u202c',
      }),
    ]);
    expect(text).toBe(
      'evil\\u{001b}]52;c;cGF5bG9hZA==\\u{0007}.md:1:1  error  ' +
        'section `\\u{001b}[2J\\u{001b}[31mred` and id `cafe\\u{200b}-menu` \\u{202e}evil\\u{202c}  deck-no-id\n',
    );
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u200b\u202e]/);
  });

  it('should summarise counts with plurals', () => {
    expect(summarize([diagnostic({})], 1)).toBe('1 error, 0 warnings in 1 file\n');
    expect(summarize([], 3)).toBe('0 errors, 0 warnings in 3 files\n');
  });

  it('should print the version and exit 0', async () => {
    const io = fakeIo();
    expect(await main(['--version'], io)).toBe(0);
    expect(io.out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('should turn usage errors into one line and exit 2', async () => {
    const io = fakeIo();
    expect(await main(['build', 'content', '--out', 'x', '--paper', 'a3'], io)).toBe(2);
    expect(io.err).toBe(
      'quizmark: --paper takes one of a4, letter, got `a3`\nRun `quizmark build --help` for usage.\n',
    );
    const other = fakeIo();
    expect(await main(['check', '--frobnicate'], other)).toBe(2);
    expect(other.err).toMatch(/^quizmark: Unknown option '--frobnicate'/);
  });

  it('should refuse a bad format option at once, in check as in build, naming the flag', async () => {
    const level = fakeIo();
    expect(await main(['check', 'content', '--level', 'expert'], level)).toBe(2);
    expect(level.err).toContain(
      '--level takes one of beginner, intermediate, advanced, got `expert`',
    );
    const template = fakeIo();
    expect(
      await main(['build', 'content', '--out', 'x', '--template', 'no-such-templates'], template),
    ).toBe(2);
    expect(template.err).toMatch(
      /^quizmark: --template takes a file or folder that exists, got `\/.*no-such-templates`\n/,
    );
    const elsewhere = fakeIo();
    expect(await main(['check', 'content', '--format', 'json', '--paper', 'a4'], elsewhere)).toBe(
      2,
    );
    expect(elsewhere.err).toContain('--paper is an option of the pdf format');
  });
});
