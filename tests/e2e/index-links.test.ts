import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { contentDir, runCli, STACK_TRACE, tempDir } from '../support/run-cli.js';

interface Node {
  nodeName: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
}

/** Every `href` of the page's links, in document order. */
function hrefs(html: string): string[] {
  const found: string[] = [];
  const visit = (node: Node) => {
    const href = node.nodeName === 'a' ? node.attrs?.find((attr) => attr.name === 'href') : null;
    if (href) found.push(href.value);
    for (const child of node.childNodes ?? []) visit(child);
  };
  visit(parse(html) as unknown as Node);
  return found;
}

function build(args: readonly string[], formats = 'all'): Map<string, string> {
  const out = tempDir();
  const run = runCli(['build', ...args, '--out', out, '--format', formats]);
  expect(run.stderr).not.toMatch(STACK_TRACE);
  expect(run.status).toBe(0);
  const links = hrefs(readFileSync(join(out, 'index.html'), 'utf8'));
  const paths = new Map(links.map((href) => [href, join(out, decodeURIComponent(href))]));
  for (const [href, path] of paths) expect(existsSync(path), href).toBe(true);
  return paths;
}

describe('index.html', () => {
  it('should link every output of every deck, each to a file the build wrote', () => {
    const links = [...build(['content']).keys()];
    for (const deck of ['mlops', 'git-basics']) {
      for (const suffix of [
        '.html',
        '.answers.html',
        '.quiz.pdf',
        '.key.pdf',
        '.apkg',
        '.anki.txt',
        '.json',
      ])
        expect(links, deck + suffix).toContain(deck + suffix);
    }
  });

  it('should link the same files when the outputs come from the cache', () => {
    const out = tempDir();
    const env = { QUIZMARK_CACHE_DIR: tempDir() };
    const args = ['build', 'content', '--out', out, '--format', 'html,anki'];
    expect(runCli(args, { env }).status).toBe(0);
    const cold = readFileSync(join(out, 'index.html'), 'utf8');
    expect(cold).toContain('<a href="mlops.apkg">');
    const warm = runCli([...args, '--verbose'], { env });
    expect(warm.stderr).toMatch(/rendered outputs of 0 decks/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(cold);
  });

  it('should be written by a build of one deck too', () => {
    expect([...build([join(contentDir, 'mlops.md')]).keys()]).toEqual([
      'mlops.html',
      'mlops.answers.html',
      'mlops.json',
      'mlops.apkg',
      'mlops.anki.txt',
      'mlops.quiz.pdf',
      'mlops.key.pdf',
    ]);
  });

  it('should link the LMS exports when the build writes them, and none for all alone', () => {
    const study = [...build([join(contentDir, 'mlops.md')]).keys()];
    expect(study.filter((href) => /\.(qti\.zip|moodle\.xml|gift)$/.test(href))).toEqual([]);
    const links = [...build([join(contentDir, 'mlops.md')], 'all,lms').keys()];
    expect(links).toEqual([...study, 'mlops.qti.zip', 'mlops.moodle.xml', 'mlops.gift']);
  });
});
