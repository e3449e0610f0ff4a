import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { readZip } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { readTree } from '../support/files.js';
import { runCliBounded, startCliBounded } from '../support/run-bounded.js';
import { STACK_TRACE, tempDir } from '../support/run-cli.js';

/** A 1×1 PNG whose bytes carry a marker, so a test can tell whether they were packed. */
function png(marker: string): Buffer {
  const bytes = Buffer.from(
    '89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8cfc000000301010018dd8db00000000049454e44ae426082',
    'hex',
  );
  // A text chunk after IEND: image readers stop at IEND; a byte search still finds it.
  return Buffer.concat([bytes, Buffer.from(marker)]);
}

const SECRET = 'TOP-SECRET-OUTSIDE-THE-ROOT';

/**
 * A content folder whose deck points at images outside it every way there
 * is, next to a secret image and a FIFO outside: reading the FIFO would
 * block the build, so a build that ends proves it was never opened.
 */
function hostileTree(): { root: string; content: string } {
  const root = tempDir('quizmark-paths-');
  const content = join(root, 'content');
  const outside = join(root, 'outside');
  mkdirSync(join(content, 'img'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.png'), png(SECRET));
  execFileSync('mkfifo', [join(outside, 'blocking.png')]);
  execFileSync('mkfifo', [join(content, 'img', 'fifo.png')]);
  writeFileSync(join(content, 'img', 'ok.png'), png('INSIDE'));
  symlinkSync(join(outside, 'secret.png'), join(content, 'img', 'link-out.png'));
  symlinkSync('../../outside/blocking.png', join(content, 'img', 'link-fifo.png'));
  symlinkSync(outside, join(content, 'img', 'dir-out'));
  symlinkSync(join(content, 'img', 'ok.png'), join(content, 'img', 'link-in.png'));
  const images = [
    'img/ok.png',
    'img/link-in.png',
    '../outside/secret.png',
    'img/../../outside/secret.png',
    '%2e%2e/outside/secret.png',
    join(outside, 'secret.png'),
    'file:///etc/passwd',
    'img/link-out.png',
    'img/link-fifo.png',
    'img/dir-out/secret.png',
    'img/fifo.png',
  ];
  const body = images.map((url, index) => `![image ${index}](${url})`).join('\n\n');
  writeFileSync(
    join(content, 'deck.md'),
    `---\nid: paths\ntitle: Paths\n---\n\n## Quiz\n\n### Which image?\n\n${body}\n\n- [x] this\n- [ ] that\n`,
  );
  return { root, content };
}

// Line of the n-th image in hostileTree's deck.
const imageLine = (index: number) => 10 + index * 2;

describe('image paths', () => {
  it('should refuse every reference that leaves the content folder, in check and in build, reading nothing', () => {
    const { root } = hostileTree();
    const env = { QUIZMARK_CACHE_DIR: join(root, 'cache') };
    const check = runCliBounded(['check', 'content', '--reporter', 'json'], { cwd: root, env });
    expect(check.signal, check.stderr).toBeNull();
    expect(check.status).toBe(1);
    const found = (
      JSON.parse(check.stdout) as Array<{ line: number; column: number; ruleId: string }>
    ).map(({ line, column, ruleId }) => ({ line, column, ruleId }));
    expect(found).toEqual([
      { line: imageLine(2), column: 1, ruleId: 'image-outside-root' },
      { line: imageLine(3), column: 1, ruleId: 'image-outside-root' },
      { line: imageLine(4), column: 1, ruleId: 'image-outside-root' },
      { line: imageLine(5), column: 1, ruleId: 'image-outside-root' },
      // A file: URL is remote for the build: never read, left to the reader's browser.
      { line: imageLine(7), column: 1, ruleId: 'image-outside-root' },
      { line: imageLine(8), column: 1, ruleId: 'image-outside-root' },
      { line: imageLine(9), column: 1, ruleId: 'image-outside-root' },
      { line: imageLine(10), column: 1, ruleId: 'image-unsupported' },
    ]);

    const build = runCliBounded(['build', 'content', '--out', 'out'], { cwd: root, env });
    expect(build.signal, build.stderr).toBeNull();
    expect(build.status).toBe(1);
    expect(build.stderr).not.toMatch(STACK_TRACE);
    for (const { line, column, ruleId } of found)
      expect(build.stderr).toMatch(new RegExp(`content/deck\\.md:${line}:${column} .*${ruleId}`));
    expect(build.stderr).toContain('build failed: nothing was written');
    expect(readdirSync(root).sort()).toEqual(['cache', 'content', 'outside']);
  });

  it('should pack images inside the folder, also through a symlink that stays inside, and nothing else', () => {
    const { root, content } = hostileTree();
    // The same deck with only the references that stay inside.
    writeFileSync(
      join(content, 'deck.md'),
      '---\nid: paths\ntitle: Paths\n---\n\n## Quiz\n\n### Which image?\n\n![ok](img/ok.png)\n\n![link](img/link-in.png)\n\n- [x] this\n- [ ] that\n',
    );
    const run = runCliBounded(['build', 'content', '--out', 'out'], {
      cwd: root,
      env: { QUIZMARK_CACHE_DIR: join(root, 'cache') },
    });
    expect(run.status, run.stderr).toBe(0);
    const outputs = readTree(join(root, 'out'));
    const everything = Buffer.concat([...outputs.values()]);
    expect(everything.includes(SECRET)).toBe(false);
    const media = readZip(outputs.get('deck.apkg')!).filter((file) => /^\d+$/.test(file.name));
    expect(media.map((file) => Buffer.from(file.bytes).includes('INSIDE'))).toEqual([true]);
    expect(readFileSync(join(root, 'out', 'deck.html'), 'utf8')).toContain(
      'data:image/png;base64,',
    );
  });
});

describe('remote images', () => {
  it('should never be fetched at build time, in any format', async () => {
    const requests: string[] = [];
    const server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.writeHead(200, { 'content-type': 'image/png' }).end(png('REMOTE'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const root = tempDir('quizmark-remote-');
      mkdirSync(join(root, 'content'));
      const base = `http://127.0.0.1:${port}`;
      writeFileSync(
        join(root, 'content', 'deck.md'),
        [
          '---',
          'id: remote',
          'title: Remote images',
          `description: "![in the description](${base}/description.png)"`,
          '---',
          '',
          '## Quiz',
          '',
          '### Which image?',
          '',
          `![markdown](${base}/markdown.png "title")`,
          '',
          `![reference][remote]`,
          '',
          `<img src="${base}/raw-html.png"> <img srcset="${base}/srcset.png 2x">`,
          '',
          `![protocol relative](//127.0.0.1:${port}/relative.png)`,
          '',
          `- [x] ![option](${base}/option.png)`,
          '- [ ] none',
          '',
          '#### Hint',
          '',
          `![hint](${base}/hint.png)`,
          '',
          `[remote]: ${base}/reference.png`,
          '',
        ].join('\n'),
      );
      const run = startCliBounded(['build', 'content', '--out', 'out'], {
        cwd: root,
        env: { QUIZMARK_CACHE_DIR: join(root, 'cache') },
      });
      const result = await run.done;
      expect(result.status, result.stderr).toBe(0);
      expect(requests).toEqual([]);
      const outputs = readTree(join(root, 'out'));
      expect([...outputs.keys()].length).toBeGreaterThan(5);
      for (const [name, bytes] of outputs)
        expect(bytes.includes('REMOTE'), `${name} holds fetched bytes`).toBe(false);
    } finally {
      server.close();
    }
  });
});

describe('output paths', () => {
  it('should keep every output inside --out, whatever the deck files are called', () => {
    const root = tempDir('quizmark-names-');
    const content = join(root, 'content');
    const names = [
      '-rf.md',
      'a b.md',
      'ünïcödé.md',
      'sub/../sub/deck.md',
      'deep/er/deck.md',
      'CON.md',
      'semi;colon&amp.md',
      'quote"s.md',
      'new\nline.md',
      '%2e%2e.md',
    ];
    for (const [index, name] of names.entries()) {
      mkdirSync(join(content, name, '..'), { recursive: true });
      writeFileSync(
        join(content, name),
        `---\nid: deck-${index}\ntitle: Deck ${index}\n---\n\n## Quiz\n\n### Question ${index}?\n\nAnswer.\n`,
      );
    }
    const out = join(root, 'out');
    const run = runCliBounded(['build', 'content', '--out', 'out'], {
      cwd: root,
      env: { QUIZMARK_CACHE_DIR: join(root, 'cache') },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(readdirSync(root).sort()).toEqual(['cache', 'content', 'out']);
    const files = [...readTree(out).keys()];
    expect(files.length).toBeGreaterThanOrEqual(names.length * 7);
    for (const file of files) expect(relative(out, join(out, file))).not.toMatch(/^\.\./);
    expect(files).toContain('new\nline.json');
    expect(files).toContain('%2e%2e.json');
    expect(files).toContain('deep/er/deck.quiz.pdf');
  });

  it('should refuse an output folder that is the content folder or a symlink to it', () => {
    const root = tempDir('quizmark-out-');
    mkdirSync(join(root, 'content'));
    writeFileSync(
      join(root, 'content', 'deck.md'),
      '---\nid: d\ntitle: D\n---\n\n## Q\n\n### Q?\n\nA.\n',
    );
    symlinkSync(join(root, 'content'), join(root, 'link'));
    for (const out of ['content', './content/../content', 'link']) {
      const run = runCliBounded(['build', 'content', '--out', out], { cwd: root });
      expect(run.status, out).toBe(2);
      expect(run.stderr).toMatch(/is the content folder:/);
    }
    const named = runCliBounded(['build', 'content/deck.md', '--out', 'content'], { cwd: root });
    expect(named.status).toBe(2);
    expect(readdirSync(join(root, 'content'))).toEqual(['deck.md']);
  });
});
