import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ITEM_TYPES } from '@quizmark/model';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { readTree } from '../support/files.js';
import { repoRoot, runCli, STACK_TRACE, tempDir } from '../support/run-cli.js';

const configSchema = JSON.parse(
  readFileSync(join(repoRoot, 'packages/cli/schema/config.schema.json'), 'utf8'),
) as object;

describe('quizmark init', () => {
  it('should write a starter deck and project file that check and build take with no arguments and no problems', () => {
    const root = tempDir('quizmark-init-');
    const init = runCli(['init'], { cwd: root });
    expect(init.status, init.stderr).toBe(0);
    expect(init.stderr).toMatch(/wrote quizmark\.config\.json\nwrote content\/first-deck\.md/);
    const config = JSON.parse(readFileSync(join(root, 'quizmark.config.json'), 'utf8')) as unknown;
    const validate = new Ajv2020({ strict: false }).compile(configSchema);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);

    const check = runCli(['check'], { cwd: root });
    expect(check.stdout).toBe('0 errors, 0 warnings in 1 file\n');
    expect(check.status).toBe(0);

    const build = runCli(['build'], { cwd: root });
    expect(build.stderr).not.toMatch(STACK_TRACE);
    expect(build.status, build.stderr).toBe(0);
    expect([...readTree(join(root, 'dist')).keys()]).toEqual(
      expect.arrayContaining([
        'first-deck.json',
        'first-deck.html',
        'first-deck.answers.html',
        'first-deck.apkg',
        'first-deck.quiz.pdf',
        'first-deck.key.pdf',
      ]),
    );
    const deck = JSON.parse(readFileSync(join(root, 'dist', 'first-deck.json'), 'utf8')) as {
      sections: Array<{ items: Array<{ type: string }> }>;
    };
    const types = new Set(
      deck.sections.flatMap((section) => section.items.map((item) => item.type)),
    );
    // One of every type the model has, so a first build shows each in every format.
    expect([...types].sort()).toEqual([...ITEM_TYPES].sort());
  });

  it('should refuse to overwrite, writing nothing', () => {
    const root = tempDir('quizmark-init-');
    mkdirSync(join(root, 'content'));
    writeFileSync(join(root, 'content', 'first-deck.md'), 'mine\n');
    const run = runCli(['init'], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /content\/first-deck\.md already exists: init writes only new files/,
    );
    expect(readFileSync(join(root, 'content', 'first-deck.md'), 'utf8')).toBe('mine\n');
    expect(existsSync(join(root, 'quizmark.config.json'))).toBe(false);
  });
});

describe('quizmark.config.json', () => {
  function project(config: object): string {
    const root = tempDir('quizmark-config-');
    expect(runCli(['init'], { cwd: root }).status).toBe(0);
    writeFileSync(join(root, 'quizmark.config.json'), JSON.stringify(config, null, 2));
    return root;
  }

  it('should take content, out, formats and options from the file, and let flags override them', () => {
    const root = project({
      content: ['content'],
      out: 'site',
      formats: ['json', 'pdf'],
      options: { pdf: { paper: 'letter', versions: 2 } },
    });
    const build = runCli(['build'], { cwd: root });
    expect(build.status, build.stderr).toBe(0);
    expect([...readTree(join(root, 'site')).keys()].sort()).toEqual(
      [
        'first-deck.json',
        'first-deck.A.key.pdf',
        'first-deck.A.quiz.pdf',
        'first-deck.B.key.pdf',
        'first-deck.B.quiz.pdf',
      ].sort(),
    );
    const letter = readFileSync(join(root, 'site', 'first-deck.A.quiz.pdf'), 'latin1');
    expect(letter).toMatch(/MediaBox \[0 0 612 792\]/);
    const override = runCli(
      ['build', '--out', 'other', '--format', 'pdf', '--paper', 'a4', '--versions', '1'],
      { cwd: root },
    );
    expect(override.status, override.stderr).toBe(0);
    expect([...readTree(join(root, 'other')).keys()].sort()).toEqual([
      'first-deck.key.pdf',
      'first-deck.quiz.pdf',
    ]);
    expect(readFileSync(join(root, 'other', 'first-deck.quiz.pdf'), 'latin1')).toMatch(
      /MediaBox \[0 0 595\.28 841\.89\]/,
    );
  });

  it('should refuse a bad value, an unknown key and broken JSON as usage errors naming the file', () => {
    const bad = project({ out: 'dist', options: { pdf: { paper: 'a6' } } });
    const run = runCli(['build'], { cwd: bad });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^quizmark: quizmark\.config\.json: pdf option `paper` takes .*a4.*letter.*, got "a6"/m,
    );
    const unknown = project({ out: 'dist', outDir: 'x' });
    const second = runCli(['check'], { cwd: unknown });
    expect(second.status).toBe(2);
    expect(second.stderr).toMatch(
      /quizmark\.config\.json: `outDir` is not a key of the project file/,
    );
    writeFileSync(join(unknown, 'quizmark.config.json'), '{\n  "out": "dist",\n}\n');
    const broken = runCli(['check'], { cwd: unknown });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/quizmark\.config\.json(:3:1)?: not valid JSON/);
    expect(broken.stderr).not.toMatch(STACK_TRACE);
  });
});
