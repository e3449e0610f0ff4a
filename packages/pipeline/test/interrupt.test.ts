import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildInterrupted, buildDecks } from '../src/index.js';

const DECK = (index: number) =>
  `---\nid: deck-${index}\ntitle: Deck ${index}\n---\n\n## Section\n\n### Question ${index}?\n\nAnswer ${index}.\n`;

function corpus(count: number): string {
  const root = mkdtempSync(join(tmpdir(), 'quizmark-interrupt-'));
  mkdirSync(join(root, 'content'));
  for (let index = 0; index < count; index++)
    writeFileSync(join(root, 'content', `deck-${index}.md`), DECK(index));
  return root;
}

describe('buildDecks with a signal', () => {
  it('should write nothing when interrupted before it starts', async () => {
    const root = corpus(2);
    const controller = new AbortController();
    controller.abort();
    await expect(
      buildDecks({
        inputs: ['content'],
        outDir: 'out',
        formats: ['json'],
        cwd: root,
        cache: false,
        signal: controller.signal,
      }),
    ).rejects.toBeInstanceOf(BuildInterrupted);
    expect(existsSync(join(root, 'out'))).toBe(false);
  });

  it('should stop while rendering, leaving the previous outputs as they were', async () => {
    const root = corpus(3);
    const options = { inputs: ['content'], outDir: 'out', formats: ['json'], cwd: root };
    await buildDecks({ ...options, cache: false });
    const before = readdirSync(join(root, 'out')).sort();
    writeFileSync(join(root, 'content', 'deck-3.md'), DECK(3));
    const controller = new AbortController();
    await expect(
      buildDecks({
        ...options,
        cache: false,
        signal: controller.signal,
        onProgress: (event) => {
          if (event.stage === 'render') controller.abort();
        },
      }),
    ).rejects.toThrow(/interrupted before writing/);
    expect(readdirSync(join(root, 'out')).sort()).toEqual(before);
  });

  it('should remove what it staged, and the folder it made, when stopped half-way', async () => {
    const root = corpus(4);
    const controller = new AbortController();
    await expect(
      buildDecks({
        inputs: ['content'],
        outDir: 'out',
        formats: ['json'],
        cwd: root,
        cache: false,
        signal: controller.signal,
        onProgress: (event) => {
          // Two decks rendered (and staged in out/), two to go.
          if (event.stage === 'render' && event.done === 2) controller.abort();
        },
      }),
    ).rejects.toThrow(/interrupted before writing/);
    expect(existsSync(join(root, 'out'))).toBe(false);
  });
});
