import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Renderer } from '@quizmark/model';
import { describe, expect, it } from 'vitest';
import {
  buildDecks,
  ContentCache,
  DEFAULT_REGISTRY,
  RENDERERS,
  RendererRegistry,
  warmUp,
} from '../src/index.js';

/** A deck of `count` questions, each answer `words` words long. */
const deck = (name: string, count: number, words = 1) =>
  `---\nid: ${name}\ntitle: ${name}\n---\n\n## Section\n\n${Array.from(
    { length: count },
    (_, index) =>
      `### Question ${index} of ${name}?\n\nAnswer ${index}${' and more'.repeat(words - 1)}.\n`,
  ).join('\n')}`;

function project(decks: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'quizmark-warm-up-'));
  mkdirSync(join(root, 'content'));
  for (const [name, text] of Object.entries(decks))
    writeFileSync(join(root, 'content', `${name}.md`), text);
  return root;
}

/** JSON, and two formats that record what they render: `[format, deck name]`. */
function recordingRegistry(rendered: Array<[string, string]>): RendererRegistry {
  const json = DEFAULT_REGISTRY.get('json');
  const recording = (format: string) => ({
    ...json,
    format,
    flags: [],
    load: async (): Promise<Renderer<never>> => ({
      async render({ decks }) {
        rendered.push([format, decks[0]!.name]);
        return [{ path: `${decks[0]!.name}.${format}.txt`, bytes: new Uint8Array([1]) }];
      },
    }),
  });
  return new RendererRegistry([...RENDERERS, recording('one'), recording('two')]);
}

/** Every file under `root` with its modification time. */
function stamps(root: string): Record<string, number> {
  const found: Record<string, number> = {};
  for (const name of readdirSync(root, { recursive: true, encoding: 'utf8' }))
    found[name] = statSync(join(root, name)).mtimeMs;
  return found;
}

async function builtProject(decks: Record<string, string>) {
  const root = project(decks);
  const rendered: Array<[string, string]> = [];
  const options = {
    inputs: ['content'],
    outDir: 'out',
    formats: ['one', 'two'],
    cwd: root,
    registry: recordingRegistry(rendered),
    cacheStore: new ContentCache(join(root, 'cache'), { memory: true }),
  };
  expect((await buildDecks(options)).ok).toBe(true);
  rendered.length = 0;
  return { root, rendered, options };
}

describe('warmUp', () => {
  it('should render the largest deck once in each format and write nothing', async () => {
    const { root, rendered, options } = await builtProject({
      small: deck('small', 2),
      large: deck('large', 30),
      middle: deck('middle', 10),
    });
    const before = stamps(root);
    await warmUp(options, new AbortController().signal);
    expect(rendered).toEqual([
      ['one', 'large'],
      ['two', 'large'],
    ]);
    expect(stamps(root)).toEqual(before);
  });

  it('should pass over a deck with errors and a deck over 256 KB while a smaller one parses', async () => {
    const { rendered, options } = await builtProject({
      huge: deck('huge', 300, 100),
      small: deck('small', 2),
      middle: deck('middle', 10),
    });
    writeFileSync(join(options.cwd, 'content', 'middle.md'), `${deck('middle', 12)}\n### \n`);
    const huge = statSync(join(options.cwd, 'content', 'huge.md')).size;
    expect(huge).toBeGreaterThan(256 * 1024);
    await warmUp(options, new AbortController().signal);
    expect(rendered).toEqual([
      ['one', 'small'],
      ['two', 'small'],
    ]);
  });

  it('should render nothing once its signal has aborted', async () => {
    const { rendered, options } = await builtProject({ only: deck('only', 3) });
    const saved = new AbortController();
    saved.abort();
    await warmUp(options, saved.signal);
    expect(rendered).toEqual([]);
  });

  it('should do nothing without a cache, since nothing it did would carry over', async () => {
    const { rendered, options } = await builtProject({ only: deck('only', 3) });
    await warmUp({ ...options, cache: false }, new AbortController().signal);
    expect(rendered).toEqual([]);
  });
});
