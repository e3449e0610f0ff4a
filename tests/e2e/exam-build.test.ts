import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Deck, toPlainText } from '@quizmark/model';
import { systemTool } from '@quizmark/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { pagePixels, pdfWords } from '../../packages/render-pdf/test/page-pixels.js';
import { readTree } from '../support/files.js';
import { contentDir, repoRoot, runCli, STACK_TRACE, tempDir } from '../support/run-cli.js';

// The shipped exam (content/exams/mlops-and-git.exam.yaml) built by the CLI
// with the rest of the content, as `npm run setup` builds it, and read back:
// every PDF page with pdftotext, the exam deck from its JSON.

const EXAM = 'exams/mlops-and-git';
const EXAM_FILE = `content/${EXAM}.exam.yaml`;
const VERSIONS = ['A', 'B', 'C'];
const pdftotext = systemTool('pdftotext', 'poppler-utils');

let out = '';
let stderr = '';
beforeAll(() => {
  out = tempDir();
  const run = runCli(['build', 'content', '--out', out, '--format', 'all,lms'], {
    env: { QUIZMARK_CACHE_DIR: tempDir() },
  });
  stderr = run.stderr;
  expect(run.stderr).not.toMatch(STACK_TRACE);
  expect(run.status, run.stderr).toBe(0);
}, 300_000);

const text = (path: string) =>
  execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
const examDeck = () => JSON.parse(readFileSync(join(out, `${EXAM}.json`), 'utf8')) as Deck;
/** Letters and digits only: what survives of a text however a PDF wraps and spaces it. */
const squash = (value: string) => value.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '');

// With -layout, a question's first line is "3.   Title …   2 points", its
// points at the right; numbered solution steps never end with points.
const QUESTION_START = /^\s*(\d+)\.\s+(.*?)\s+\d+ points?$/;

/** A quiz or key read back: each numbered question's text (its points left out), by number. */
function questions(pdfText: string): Map<number, string> {
  const found = new Map<number, string>();
  let current: string[] | null = null;
  for (const line of pdfText.split('\n')) {
    const start = QUESTION_START.exec(line);
    if (start) {
      current = [start[2]!];
      found.set(Number(start[1]), '');
    } else current?.push(line);
    if (current) found.set([...found.keys()].at(-1)!, current.join('\n'));
  }
  return found;
}

/** The option a letter stands for in a question as printed (`B. To automate…`), wrapped lines joined. */
function optionText(question: string, letter: string): string | null {
  const lines = question.split('\n').map((line) => line.trim());
  const start = lines.findIndex((line) => line.startsWith(`${letter}. `));
  if (start === -1) return null;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => /^[A-Z]\. /.test(line) || line === '');
  return [lines[start]!.slice(3), ...rest.slice(0, end === -1 ? rest.length : end)].join(' ');
}

describe('building the shipped exam', () => {
  it("should write each version's quiz and key (and answer sheet), the JSON, HTML and LMS files, and no Anki package", () => {
    // What one deck gets from the same build, but Anki: the exam must get as much.
    const deckFiles = [...readTree(out).keys()].filter((path) => path.startsWith('mlops.'));
    const exam = [...readTree(out).keys()].filter((path) => path.startsWith(`${EXAM}.`));
    const suffixes = (files: string[], name: string) =>
      files.map((path) => path.slice(name.length)).filter((suffix) => !suffix.endsWith('.pdf'));
    expect(suffixes(exam, EXAM)).toEqual(
      suffixes(deckFiles, 'mlops').filter((suffix) => !/^\.(apkg|anki)/.test(suffix)),
    );
    expect(exam.filter((path) => /apkg|anki/.test(path))).toEqual([]);
    expect(deckFiles).toContain('mlops.apkg');
    // Answer sheets are written for the exam when the PDF writes them for a deck asking for them.
    const control = tempDir();
    const sheetRun = runCli(
      [
        'build',
        'content/physics.md',
        '--out',
        control,
        '--format',
        'pdf',
        '--versions',
        '3',
        '--answer-sheet',
      ],
      { env: { QUIZMARK_CACHE_DIR: tempDir() } },
    );
    expect(sheetRun.status, sheetRun.stderr).toBe(0);
    const kinds = readdirSync(control)
      .filter((name) => name.endsWith('.pdf'))
      .map((name) => name.replace(/^physics\./, ''));
    expect(kinds).toEqual(expect.arrayContaining(['A.quiz.pdf', 'A.key.pdf', 'C.key.pdf']));
    expect(exam.filter((path) => path.endsWith('.pdf')).sort()).toEqual(
      kinds.map((kind) => `${EXAM}.${kind}`).sort(),
    );
  });

  it('should warn once, at the exam file, that it writes no Anki files for it', () => {
    const warnings = stderr.split('\n').filter((line) => line.includes('exam-no-anki'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(new RegExp(`^${EXAM_FILE}:1:1 +warning`));
    expect(stderr).not.toMatch(/\berror\b/);
  });

  it('should give the exam its own versions: the decks of the same build get the flags', () => {
    const pdfOut = tempDir();
    const run = runCli(
      ['build', 'content', '--out', pdfOut, '--format', 'pdf', '--versions', '2'],
      {
        env: { QUIZMARK_CACHE_DIR: tempDir() },
      },
    );
    expect(run.status, run.stderr).toBe(0);
    const files = [...readTree(pdfOut).keys()];
    expect(files.filter((path) => /^mlops\..*quiz\.pdf$/.test(path))).toEqual([
      'mlops.A.quiz.pdf',
      'mlops.B.quiz.pdf',
    ]);
    expect(files.filter((path) => path.startsWith(EXAM) && path.endsWith('quiz.pdf'))).toEqual(
      VERSIONS.map((version) => `${EXAM}.${version}.quiz.pdf`),
    );
    // The exam's seed and answer sheet are its own too: the same bytes as in the full build.
    for (const version of VERSIONS) {
      const name = `${EXAM}.${version}.key.pdf`;
      expect(readFileSync(join(pdfOut, name)).equals(readFileSync(join(out, name))), name).toBe(
        true,
      );
    }
  });

  it.runIf(pdftotext.available)(
    'should print totals that add up, on the cover and per section',
    () => {
      const deck = examDeck();
      const sectionTotals = deck.sections.map((section) =>
        section.items.reduce((sum, item) => sum + (item.points ?? 0), 0),
      );
      const total = sectionTotals.reduce((a, b) => a + b, 0);
      expect(total).toBe(32);
      for (const version of VERSIONS) {
        for (const kind of ['quiz', 'key']) {
          const printed = text(join(out, `${EXAM}.${version}.${kind}.pdf`));
          expect(printed).toContain(`Total: ${total} points`);
          const perSection = [...printed.matchAll(/Section total: (\d+) points/g)].map((m) =>
            Number(m[1]),
          );
          expect(perSection).toEqual(sectionTotals);
        }
      }
    },
  );

  it.runIf(pdftotext.available)(
    "should give each version a key whose every answer is that version's correct option",
    () => {
      const choices = examDeck()
        .sections.flatMap((section) => section.items)
        .flatMap((item) => (item.type === 'choice' ? [item] : []));
      expect(choices.length).toBe(8);
      const orders: string[] = [];
      for (const version of VERSIONS) {
        const quiz = questions(text(join(out, `${EXAM}.${version}.quiz.pdf`)));
        const keyText = text(join(out, `${EXAM}.${version}.key.pdf`));
        const key = questions(keyText);
        expect(quiz.size).toBe(12);
        expect(key.size).toBe(12);
        const numbers: number[] = [];
        for (const item of choices) {
          const number = [...quiz].find(([, q]) => squash(q).startsWith(squash(item.title)))?.[0];
          expect(number, `${version}: "${item.title}" in the quiz`).toBeDefined();
          numbers.push(number!);
          expect(squash(key.get(number!)!).startsWith(squash(item.title)), item.title).toBe(true);
          // The key's answer letter, and the option that letter is in this version's quiz.
          const letter = /^\s*Answer: ([A-Z])$/m.exec(key.get(number!)!)?.[1];
          expect(letter, `${version} ${number}: the key's answer`).toBeDefined();
          const printed = optionText(quiz.get(number!)!, letter!);
          const correct = item.options.filter((option) => option.correct);
          expect(correct).toHaveLength(1);
          expect(squash(printed ?? ''), `${version} ${number}: option ${letter}`).toBe(
            squash(toPlainText(correct[0]!.text)),
          );
          // …and the same letter in the key's answers at a glance ("1. C      2. B …").
          expect(keyText).toMatch(new RegExp(`(^| {2,})${number}\\. ${letter}( {2,}|$)`, 'm'));
        }
        orders.push(numbers.join(','));
      }
      // Versions are shuffled: not all in one order.
      expect(new Set(orders).size).toBeGreaterThan(1);
    },
  );

  it.runIf(pdftotext.available)(
    'should print every written answer space on its question’s page, before the next question',
    () => {
      // Questions answered on the quiz paper (numbers, explain prompts) have a box or ruled
      // lines: a dark horizontal run at least 100 pt long, below the question's number and
      // above the next one (or the foot of the page) on the same page.
      const written = examDeck()
        .sections.flatMap((section) => section.items)
        .filter((item) => item.type === 'numeric' || item.type === 'explain');
      expect(written.length).toBe(4);
      for (const version of VERSIONS) {
        const bytes = readFileSync(join(out, `${EXAM}.${version}.quiz.pdf`));
        const words = pdfWords(bytes);
        const quiz = questions(text(join(out, `${EXAM}.${version}.quiz.pdf`)));
        // A question's number sits alone in the left gutter ("9.").
        const label = (n: number) => words.find((w) => w.text === `${n}.` && w.xMin < 60)!;
        const choices = examDeck()
          .sections.flatMap((section) => section.items)
          .filter((item) => item.type === 'choice');
        for (const item of [...written, ...choices]) {
          const number = [...quiz].find(([, q]) => squash(q).startsWith(squash(item.title)))![0];
          const own = label(number);
          // Down to whatever starts at the margin next: the next question's number or a section heading.
          const next = words
            .filter((w) => w.page === own.page && w.xMin < 60 && w.yMin > own.yMax)
            .sort((a, b) => a.yMin - b.yMin)[0];
          const bottom = next ? next.yMin : 842 - 50;
          const pixels = pagePixels(bytes, own.page);
          let longest = 0;
          for (let y = Math.ceil(own.yMax) + 4; y < bottom; y++) {
            let run = 0;
            for (let x = 60; x < pixels.width - 40; x++) {
              run = pixels.at(x, y).some((channel) => channel < 200) ? run + 1 : 0;
              longest = Math.max(longest, run);
            }
          }
          // A choice question has bubbles and no written space: the probe tells them apart.
          if (item.type === 'choice') expect(longest, `${version} ${number}`).toBeLessThan(100);
          else expect(longest, `${version} ${number}: "${item.title}"`).toBeGreaterThanOrEqual(100);
        }
      }
    },
  );
});

const DECK = `---
id: units
title: Units
---

## Quiz

### What is the SI unit of force? {difficulty=easy}

- [x] newton
- [ ] joule

### What is the SI unit of energy? {difficulty=medium}

- [ ] newton
- [x] joule
`;

describe('checking exam files', () => {
  it('should print broken exams as positioned lines with rule ids and exit 1', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'units.md'), DECK);
    writeFileSync(join(dir, 'a.exam.yaml'), 'title: Typo\nverions: 3\nsections: []\n');
    writeFileSync(
      join(dir, 'b.exam.yaml'),
      'title: Missing deck\nsections:\n  - title: One\n    draw:\n      - from: missing.md\n        count: 1\n',
    );
    const run = runCli(['check', '.'], { cwd: dir });
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n').filter((line) => /^\S+:\d+:\d+ /.test(line));
    expect(lines).toEqual([
      expect.stringMatching(/^a\.exam\.yaml:2:1 +error +.*`verions`.*`versions`.* exam-invalid$/),
      expect.stringMatching(/^a\.exam\.yaml:3:\d+ +error +.* exam-invalid$/),
      expect.stringMatching(/^b\.exam\.yaml:5:15 +error +.*missing\.md.* exam-deck-unreadable$/),
    ]);
  });

  it('should fail a blueprint that asks for more than the decks hold, with the counts', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'units.md'), DECK);
    writeFileSync(
      join(dir, 'greedy.exam.yaml'),
      'title: Greedy\nsections:\n  - title: One\n    draw:\n      - from: units.md\n        mix: { easy: 1, hard: 2 }\n',
    );
    const dist = join(tempDir(), 'dist');
    const run = runCli(['build', '.', '--out', dist], { cwd: dir });
    expect(run.status).toBe(1);
    const line = run.stderr.split('\n').find((l) => l.includes('exam-not-enough'));
    expect(line).toMatch(/^greedy\.exam\.yaml:6:\d+ +error .*2 hard questions.*found 0/);
    expect(line).toMatch(/1 easy, 1 medium/);
    expect(run.stderr).toContain('build failed: nothing was written');
    expect(existsSync(dist)).toBe(false);
  });
});

describe('rebuilding an exam', () => {
  it('should draw again from a deck edited since, never from the cache of the old one', () => {
    const root = tempDir();
    cpSync(contentDir, join(root, 'content'), { recursive: true });
    const env = { QUIZMARK_CACHE_DIR: join(root, 'cache') };
    const build = () =>
      runCli(['build', EXAM_FILE, '--out', 'dist', '--format', 'json,pdf'], { cwd: root, env });
    expect(build().status).toBe(0);
    const json = () => readFileSync(join(root, 'dist', 'mlops-and-git.json'), 'utf8');
    const key = () => readFileSync(join(root, 'dist', 'mlops-and-git.A.key.pdf'));
    const before = { json: json(), key: key() };
    const question = 'Explain what MLOps is and why it is useful.';
    expect(before.json).toContain(question);

    const deck = join(root, 'content', 'mlops.md');
    writeFileSync(
      deck,
      readFileSync(deck, 'utf8').replace(question, 'Explain what MLOps is, in a few lines.'),
    );
    const rebuilt = build();
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    expect(json()).not.toContain(question);
    expect(json()).toContain('Explain what MLOps is, in a few lines.');
    expect(key().equals(before.key)).toBe(false);
  });
});

describe('watching an exam named by itself', () => {
  it('should watch the folders of the decks it draws from', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'decks'));
    mkdirSync(join(root, 'exams'));
    writeFileSync(join(root, 'decks', 'units.md'), DECK);
    writeFileSync(
      join(root, 'exams', 'quiz.exam.yaml'),
      'title: Units quiz\nsections:\n  - title: One\n    draw:\n      - from: ../decks/units.md\n        count: all\n',
    );
    const child = spawn(
      process.execPath,
      [
        join(repoRoot, 'packages/cli/dist/bin.js'),
        'watch',
        'exams/quiz.exam.yaml',
        '--out',
        'dist',
        '--format',
        'json',
      ],
      {
        cwd: root,
        env: { ...process.env, QUIZMARK_CACHE_DIR: join(root, 'cache') },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let log = '';
    child.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
    const json = join(root, 'dist', 'quiz.json');
    const until = async (holds: () => boolean, what: string) => {
      for (let waited = 0; waited < 30_000; waited += 20) {
        if (holds()) return;
        await new Promise((settle) => setTimeout(settle, 20));
      }
      throw new Error(`${what} after 30 s; watch printed:\n${log}`);
    };
    try {
      await until(() => log.includes('watching '), 'not watching');
      expect(readFileSync(json, 'utf8')).toContain('SI unit of force');
      writeFileSync(
        join(root, 'decks', 'units.md'),
        DECK.replace('SI unit of force', 'SI unit of pressure'),
      );
      await until(
        () => existsSync(json) && readFileSync(json, 'utf8').includes('SI unit of pressure'),
        'the exam was not rebuilt from the edited deck',
      );
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);
});
