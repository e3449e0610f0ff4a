import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseDeck } from '@quizmark/parser';
import { describe, expect, it } from 'vitest';
import { ContentCache } from '../src/cache.js';
import { discoverDecks } from '../src/discover.js';
import { parseSources, readSources } from '../src/load-sources.js';
import { pack, unpack, unpackDeck, unpackInput } from '../src/packed.js';
import { PoolProvider } from '../src/pool-provider.js';
import { checkOutputs, deckLoader, outputJobs } from '../src/render-plan.js';
import { runTask } from '../src/tasks.js';

const CONTENT = resolve(import.meta.dirname, '../../../content');
const DECKS = ['mlops.md', 'physics.md', 'japanese.md'].map((name) => join(CONTENT, name));

/** What the parser itself makes of each deck file. */
const parsedByParser = (sources: ReturnType<typeof readSources>) =>
  sources.map((source) => parseDeck(source.bytes, { file: source.file.display }));

describe('packed decks', () => {
  it('should give back exactly the deck that was packed, unpacked once for the outputs that follow', () => {
    const sources = readSources(discoverDecks(DECKS, CONTENT));
    const inputs = parsedByParser(sources).map(({ deck }) => {
      const packed = pack(deck!);
      expect(packed).toBeInstanceOf(Uint8Array);
      expect(unpack(packed)).toStrictEqual(deck);
      expect(unpack(packed)).not.toBe(deck);
      return { deck: packed, name: 'deck', assets: new Map() };
    });
    const first = unpackInput(inputs[0]!).deck;
    expect(unpackInput(inputs[0]!).deck).toBe(first);
    expect(unpackInput(inputs[1]!).deck).not.toBe(first);
    expect(unpackInput({ ...inputs[0]!, deck: pack(first) }).deck).not.toBe(first);
    expect(unpackInput(inputs[0]!).deck).toStrictEqual(first);
  });

  it('should pack a deck parsed for another thread, and keep one parsed here as the parser made it', async () => {
    const sources = readSources(discoverDecks(DECKS, CONTENT));
    for (const [index, result] of parsedByParser(sources).entries()) {
      const task = {
        kind: 'parse',
        path: sources[index]!.file.path,
        display: result.file,
      } as const;
      const forWorker = await runTask(task);
      expect(forWorker.deck).toBeInstanceOf(Uint8Array);
      expect(unpackDeck(forWorker.deck!)).toStrictEqual(result.deck);
      expect(forWorker.summary.diagnostics).toEqual(result.diagnostics);
      expect(forWorker.summary.itemPositions).toEqual(result.itemPositions);
      const here = await runTask(task, true);
      expect(here.deck).not.toBeInstanceOf(Uint8Array);
      expect(here.deck).toStrictEqual(result.deck);
    }
  });

  it("should cache the parser's whole result, and read a deck back from it once let go", async () => {
    const sources = readSources(discoverDecks(DECKS, CONTENT));
    const expected = parsedByParser(sources).map((result) => JSON.parse(JSON.stringify(result)));
    const cache = new ContentCache(mkdtempSync(join(tmpdir(), 'quizmark-packed-')));
    const pools = new PoolProvider(0);
    const parsed = await parseSources(sources, cache, pools);
    expect(parsed.parsed).toBe(sources.length);
    for (const [index, result] of expected.entries()) {
      expect(unpackDeck(await parsed.deck(index))).toEqual(result.deck);
      expect(cache.readJson('parse', sources[index]!.key)).toEqual(result);
    }
    parsed.release(1);
    expect(unpackDeck(await parsed.deck(1))).toEqual(expected[1]!.deck);
    const again = await parseSources(sources, new ContentCache(cache.dir), pools);
    expect(again.parsed).toBe(0);
    expect(unpackDeck(await again.deck(2))).toEqual(expected[2]!.deck);
  });

  it('should load each deck once for the checks of all its outputs, one deck after another', async () => {
    const { DEFAULT_REGISTRY } = await import('../src/renderers.js');
    const { resolveOutputs } = await import('../src/check.js');
    const { finishLoading } = await import('../src/load-decks.js');
    const sources = readSources(discoverDecks(DECKS, CONTENT));
    const parsed = await parseSources(sources, null, new PoolProvider(0));
    const decks = await finishLoading(sources, parsed.summaries);
    const outputs = resolveOutputs(DEFAULT_REGISTRY, ['all', 'gift'], {}, CONTENT);
    const context = {
      registry: DEFAULT_REGISTRY,
      decks,
      loadInput: async (index: number) => ({
        deck: await parsed.deck(index),
        name: decks[index]!.file.name,
        assets: decks[index]!.assets,
      }),
      places: (index: number) => ({
        file: decks[index]!.file.display,
        ...decks[index]!.places,
        text: sources[index]!.bytes.toString('utf8'),
      }),
      sources,
      epochs: decks.map(() => 0),
      formats: outputs.formats,
      options: outputs.options,
      deckOptions: decks.map(() => outputs.options),
      inputs: outputs.inputs,
      cache: null,
    };
    const jobs = outputJobs(context);
    expect(jobs.length).toBe(decks.length * outputs.formats.length);
    const loader = deckLoader(context);
    const asked: number[] = [];
    const checked = await checkOutputs(context, jobs, (index) => {
      asked.push(index);
      return loader(index);
    });
    expect(asked).toEqual([0, 1, 2]);
    // What GIFT cannot hold of the unpacked deck, placed in its source.
    expect(
      checked.diagnostics.filter((d) => d.ruleId === 'output-item-type').map((d) => d.file),
    ).toContain('physics.md');
  });
});
