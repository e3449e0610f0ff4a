import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clozeBlanks, type Deck, type Item } from '@quizmark/model';
import { parse } from 'gift-pegjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli, STACK_TRACE, tempDir } from '../support/run-cli.js';

// The shipped decks built with `--format gift` by the built CLI, as a user
// would, and every .gift file read back with gift-pegjs (a GIFT parser from
// the registry).

const decks = readdirSync(join(repoRoot, 'content'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => name.replace(/\.md$/, ''));

/** The answers Moodle reads as plain text: short answers, the blank of a missing word. */
const plainAnswers = (item: Item) =>
  item.type === 'short'
    ? item.answers
    : item.type === 'cloze'
      ? clozeBlanks(item.text).map((blank) => blank.answer)
      : [];

/** What GIFT has a question for: not ordering, a cloze with one blank, no answer holding `->`. */
const exported = (item: Item) =>
  item.type !== 'ordering' &&
  (item.type !== 'cloze' || clozeBlanks(item.text).length === 1) &&
  !plainAnswers(item).some((answer) => answer.includes('->'));

let out = '';
let stderr = '';
beforeAll(() => {
  out = tempDir();
  // JSON beside it: the model each .gift file is compared with.
  const run = runCli([
    'build',
    'content',
    '--out',
    out,
    '--format',
    'gift,json,html',
    '--no-cache',
  ]);
  expect(run.stderr).not.toMatch(STACK_TRACE);
  expect(run.status, run.stderr).toBe(0);
  stderr = run.stderr;
}, 240_000);

const model = (name: string) => JSON.parse(readFileSync(join(out, `${name}.json`), 'utf8')) as Deck;
const gift = (name: string) => readFileSync(join(out, `${name}.gift`), 'utf8');

describe('quizmark build --format gift', () => {
  it.each(decks)(
    'should write %s.gift with one question per item GIFT holds, in deck order',
    (name) => {
      const deck = model(name);
      const parsed = parse(gift(name));
      const categories = parsed.filter((q) => q.type === 'Category').map((q) => q.title);
      const sections = deck.sections.filter((s) => s.items.some(exported));
      expect(categories).toEqual(sections.map((s) => `$course$/top/${deck.title}/${s.title}`));
      const questions = parsed.filter((q) => q.type !== 'Category');
      expect(questions.map((q) => q.title)).toEqual(
        deck.sections.flatMap((s) => s.items.filter(exported).map((item) => item.id)),
      );
    },
  );

  it('should warn, at the item, for every item it leaves out', () => {
    for (const name of decks) {
      const source = readFileSync(join(repoRoot, 'content', `${name}.md`), 'utf8').split('\n');
      for (const item of model(name)
        .sections.flatMap((s) => s.items)
        .filter((i) => !exported(i))) {
        const rule =
          item.type === 'ordering'
            ? 'output-item-type'
            : item.type === 'cloze' && clozeBlanks(item.text).length > 1
              ? 'gift-cloze-blanks'
              : 'gift-short-arrow';
        const line =
          source.findIndex((text) => text.includes(`#${item.id}`) || text.includes(item.title)) + 1;
        expect(stderr).toMatch(new RegExp(`content/${name}\\.md:${line}:1 +warning .* ${rule}`));
      }
    }
  });

  it('should report the same warnings from quizmark check', () => {
    const check = runCli(['check', 'content', '--format', 'gift']);
    expect(check.status, check.stderr).toBe(0);
    const warnings = (text: string) =>
      text.split('\n').filter((line) => line.includes(' warning '));
    // This build also made JSON and HTML: keep the lines about the gift output.
    const giftWarnings = warnings(stderr).filter((line) => line.includes('gift'));
    expect(warnings(check.stderr + check.stdout)).toEqual(giftWarnings);
  });

  it('should link every .gift file from the index page, with its label', () => {
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    for (const name of decks)
      expect(index).toContain(`<a href="${name}.gift">GIFT questions for Moodle</a>`);
  });

  it('should write the same bytes on a second build', () => {
    const again = tempDir();
    const run = runCli(['build', 'content', '--out', again, '--format', 'gift', '--no-cache']);
    expect(run.status, run.stderr).toBe(0);
    for (const name of decks)
      expect(readFileSync(join(again, `${name}.gift`), 'utf8')).toBe(gift(name));
  });

  it('should not write GIFT for --format all', () => {
    const plain = tempDir();
    expect(runCli(['build', 'content', '--out', plain, '-q']).status).toBe(0);
    expect(readdirSync(plain).filter((file) => file.endsWith('.gift'))).toEqual([]);
  });
});
