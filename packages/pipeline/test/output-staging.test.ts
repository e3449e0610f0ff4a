import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Renderer } from '@quizmark/model';
import { describe, expect, it } from 'vitest';
import { buildDecks, DEFAULT_REGISTRY, RENDERERS, RendererRegistry } from '../src/index.js';
import { OutputStaging } from '../src/output-staging.js';
import { isTempName } from '../src/temp-names.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const temp = () => mkdtempSync(join(tmpdir(), 'quizmark-staging-'));

/** Every file and folder under `root`, relative, sorted. */
function tree(root: string): string[] {
  const found: string[] = [];
  const walk = (folder: string, prefix: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      found.push(prefix + name);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
    }
  };
  walk(root, '');
  return found.sort();
}

const temps = (root: string) => tree(root).filter((path) => isTempName(path.split('/').pop()!));

describe('OutputStaging', () => {
  it('should write each file beside its target at once, and put them in place only on commit', () => {
    const out = temp();
    writeFileSync(join(out, 'a.json'), 'old a');
    const staging = new OutputStaging(out);
    expect(staging.stage('a.json', bytes('new a'))).toBe(true);
    expect(staging.stage('media/b.png', bytes('b'))).toBe(true);
    expect(temps(out)).toHaveLength(2);
    expect(readFileSync(join(out, 'a.json'), 'utf8')).toBe('old a');
    expect(existsSync(join(out, 'media', 'b.png'))).toBe(false);
    const written = staging.commit();
    expect(written.map((file) => file.path)).toEqual(['a.json', 'media/b.png']);
    expect(readFileSync(join(out, 'a.json'), 'utf8')).toBe('new a');
    expect(tree(out)).toEqual(['a.json', 'media', 'media/b.png']);
  });

  it('should leave a file that already holds the bytes alone, mtime and all', () => {
    const out = temp();
    writeFileSync(join(out, 'a.json'), 'same');
    const before = statSync(join(out, 'a.json')).mtimeMs;
    const staging = new OutputStaging(out);
    expect(staging.stage('a.json', bytes('same'))).toBe(false);
    expect(staging.size).toBe(0);
    expect(staging.commit()).toEqual([]);
    expect(statSync(join(out, 'a.json')).mtimeMs).toBe(before);
  });

  it('should remove what it staged and the folders it made on discard, and stage nothing after', () => {
    const out = temp();
    mkdirSync(join(out, 'kept'));
    writeFileSync(join(out, 'a.json'), 'old a');
    const staging = new OutputStaging(out);
    staging.stage('a.json', bytes('new a'));
    staging.stage('new/deeper/c.json', bytes('c'));
    staging.stage('new/d.json', bytes('d'));
    staging.stage('kept/e.json', bytes('e'));
    staging.discard();
    expect(tree(out)).toEqual(['a.json', 'kept']);
    expect(readFileSync(join(out, 'a.json'), 'utf8')).toBe('old a');
    // A render that finishes after an interrupt writes nothing.
    expect(staging.stage('late.json', bytes('late'))).toBe(false);
    expect(tree(out)).toEqual(['a.json', 'kept']);
  });

  it('should remove what a dead build staged in a folder before staging there', () => {
    const out = temp();
    mkdirSync(join(out, 'media'));
    writeFileSync(join(out, 'media', '.0badc0de.qm.tmp'), 'left by a killed build');
    const staging = new OutputStaging(out);
    staging.stage('media/b.png', bytes('b'));
    staging.commit();
    expect(tree(out)).toEqual(['media', 'media/b.png']);
  });
});

const DECK = (index: number) =>
  `---\nid: deck-${index}\ntitle: Deck ${index}\n---\n\n## Section\n\n### Question ${index}?\n\nAnswer ${index}.\n`;

function project(count: number): string {
  const root = temp();
  mkdirSync(join(root, 'content'));
  for (let index = 0; index < count; index++)
    writeFileSync(join(root, 'content', `deck-${index}.md`), DECK(index));
  return root;
}

/** JSON's descriptor under another name, whose renderer fails on deck-2 once the others are staged. */
function failingRegistry(out: string, seen: { staged: number }): RendererRegistry {
  const json = DEFAULT_REGISTRY.get('json');
  const failing: Renderer<never> = {
    async render({ decks }) {
      const [input] = decks;
      if (input!.name === 'deck-2') {
        await new Promise((resolve) => setTimeout(resolve, 100));
        seen.staged = existsSync(out) ? temps(out).length : 0;
        throw new Error('the renderer failed');
      }
      return [{ path: `${input!.name}.flaky.txt`, bytes: bytes(input!.deck.title) }];
    },
  };
  return new RendererRegistry([
    ...RENDERERS,
    { ...json, format: 'flaky', flags: [], load: async () => failing },
  ]);
}

describe('buildDecks staging its outputs', () => {
  it('should remove what it staged and the folder it made when a renderer fails', async () => {
    const root = project(4);
    const out = join(root, 'out');
    const seen = { staged: 0 };
    await expect(
      buildDecks({
        inputs: ['content'],
        outDir: 'out',
        formats: ['flaky'],
        cwd: root,
        cache: false,
        registry: failingRegistry(out, seen),
      }),
    ).rejects.toThrow('the renderer failed');
    // The other decks' files were staged while deck-2 rendered: the test would see it otherwise.
    expect(seen.staged).toBe(3);
    expect(existsSync(out)).toBe(false);
  });

  it('should leave the previous outputs exactly as they were when a renderer fails', async () => {
    const root = project(4);
    const out = join(root, 'out');
    await buildDecks({ inputs: ['content'], outDir: 'out', formats: ['json'], cwd: root });
    const before = tree(out);
    const contents = before.map((path) =>
      statSync(join(out, path)).isFile() ? readFileSync(join(out, path), 'utf8') : null,
    );
    for (let index = 0; index < 4; index++)
      writeFileSync(join(root, 'content', `deck-${index}.md`), DECK(index + 10));
    const seen = { staged: 0 };
    await expect(
      buildDecks({
        inputs: ['content'],
        outDir: 'out',
        formats: ['json', 'flaky'],
        cwd: root,
        cache: false,
        registry: failingRegistry(out, seen),
      }),
    ).rejects.toThrow('the renderer failed');
    expect(seen.staged).toBeGreaterThanOrEqual(3);
    expect(tree(out)).toEqual(before);
    expect(
      before.map((path) =>
        statSync(join(out, path)).isFile() ? readFileSync(join(out, path), 'utf8') : null,
      ),
    ).toEqual(contents);
  });
});
