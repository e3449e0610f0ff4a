import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDeck } from '@quizmark/parser';
import { systemTool, xmlWellFormedErrors } from '@quizmark/testing';
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli, STACK_TRACE, tempDir } from '../support/run-cli.js';

// The shipped decks built with `--format moodle` by the built CLI, as a user
// would, and every .moodle.xml read back with saxes (an XML parser from the
// registry) and xmllint.
const decks = readdirSync(join(repoRoot, 'content'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => name.replace(/\.md$/, ''));

/** Each `<question>`'s type and idnumber, in file order, as saxes reads them. */
function questionsOf(xml: string): Array<{ type: string; idnumber: string }> {
  const parser = new SaxesParser();
  const out: Array<{ type: string; idnumber: string }> = [];
  let inIdnumber = false;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    if (tag.name === 'question') out.push({ type: String(tag.attributes.type), idnumber: '' });
    inIdnumber = tag.name === 'idnumber';
  });
  parser.on('closetag', () => {
    inIdnumber = false;
  });
  parser.on('text', (text) => {
    if (inIdnumber) out.at(-1)!.idnumber += text;
  });
  parser.write(xml).close();
  return out;
}

let out = '';
let stderr = '';
beforeAll(() => {
  out = tempDir();
  const run = runCli(['build', 'content', '--out', out, '--format', 'moodle']);
  expect(run.stderr).not.toMatch(STACK_TRACE);
  expect(run.status, run.stderr).toBe(0);
  stderr = run.stderr;
}, 240_000);

describe('quizmark build --format moodle', () => {
  it.each(decks)('should write %s.moodle.xml with one question per item', (name) => {
    const xml = readFileSync(join(out, `${name}.moodle.xml`), 'utf8');
    if (systemTool('xmllint', 'libxml2-utils')) expect(xmlWellFormedErrors(xml)).toBeNull();
    const source = readFileSync(join(repoRoot, 'content', `${name}.md`), 'utf8');
    const deck = parseDeck(source, { file: `${name}.md` }).deck!;
    const sections = deck.sections.length;
    const items = deck.sections.flatMap((section) => section.items);
    const questions = questionsOf(xml);
    expect(questions.filter((q) => q.type === 'category').length).toBe(sections + 1);
    expect(questions.filter((q) => q.type !== 'category').map((q) => q.idnumber)).toEqual(
      items.map((item) => item.id),
    );
  });

  it('should report what Moodle loses as a positioned warning with its rule', () => {
    expect(stderr).toMatch(/content\/git-basics\.md:\d+:\d+\s+warning\s+.*moodle-choice-pinned/);
  });

  it('should report the same warnings from quizmark check', () => {
    const check = runCli(['check', 'content', '--format', 'moodle']);
    expect(check.status, check.stderr).toBe(0);
    const warnings = (text: string) => text.split('\n').filter((line) => line.includes('moodle-'));
    expect(warnings(check.stdout + check.stderr)).toEqual(warnings(stderr));
  });

  it('should write the same bytes when built again into a fresh folder', () => {
    const again = tempDir();
    const run = runCli(['build', 'content', '--out', again, '--format', 'moodle']);
    expect(run.status, run.stderr).toBe(0);
    for (const name of decks) {
      expect(readFileSync(join(again, `${name}.moodle.xml`))).toEqual(
        readFileSync(join(out, `${name}.moodle.xml`)),
      );
    }
  });

  it('should be built by --format lms too', () => {
    const lms = tempDir();
    const run = runCli(['build', 'content', '--out', lms, '--format', 'lms']);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(lms)).toEqual(expect.arrayContaining(decks.map((d) => `${d}.moodle.xml`)));
  });
});
