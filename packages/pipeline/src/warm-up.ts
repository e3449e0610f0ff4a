import { resolve } from 'node:path';
import type { BuildOptions } from './build.js';
import { openCache } from './cache.js';
import { loadAndCheck, resolveOutputs } from './check.js';
import { discoverDecks } from './discover.js';
import { BuildInterrupted } from './interrupt.js';
import type { LoadedDeck } from './load-decks.js';
import { readSources, type Source } from './load-sources.js';
import { outputDiagnostics } from './output-checks.js';
import { unpackDeck } from './packed.js';
import { PoolProvider } from './pool-provider.js';
import {
  type AnyDescriptor,
  DEFAULT_REGISTRY,
  type RENDERERS,
  type RendererRegistry,
} from './renderers.js';
import { runTask } from './tasks.js';

// The deck warmed on: the largest up to this size, so the code that a
// rebuild runs gets optimised, without a long deck delaying the first save.
const DECK_BYTES = 256 * 1024;

/**
 * Readies this process for its next rebuild, writing nothing: reads every
 * deck's cached summary, then parses one deck, checks and renders it in each
 * chosen format, and throws the results away. A watch runs it while the
 * author edits; otherwise the first save pays for loading the parser and the
 * renderers and for running their code before V8 has optimised it (on the
 * 10,000-question corpus, 1.3–2.0 s against 0.2–0.4 s for later saves).
 * Without a cache every rebuild parses every deck anew, on workers: nothing
 * here would carry over, so it does nothing. Returns early when `signal`
 * aborts (a save came in).
 */
export async function warmUp<Descriptors extends readonly AnyDescriptor[] = typeof RENDERERS>(
  options: BuildOptions<Descriptors>,
  signal: AbortSignal,
): Promise<void> {
  const cwd = options.cwd ?? process.cwd();
  const cache = openCache(options, cwd);
  if (!cache) return;
  const registry: RendererRegistry = options.registry ?? DEFAULT_REGISTRY;
  const chosen = resolveOutputs(registry, options.formats, options.formatOptions ?? {}, cwd);
  const files = discoverDecks(options.inputs, cwd, {
    skip: [resolve(cwd, options.outDir), cache.dir],
  });
  try {
    const sources = readSources(files);
    const checked = await loadAndCheck({
      registry,
      sources,
      ...chosen,
      cwd,
      cache,
      pools: new PoolProvider(0),
      signal,
    });
    const index = deckToWarmOn(checked.decks, sources);
    if (index === null || signal.aborted) return;
    const { file } = sources[index]!;
    const parsed = await runTask({ kind: 'parse', path: file.path, display: file.display }, true);
    if (!parsed.deck) return;
    const deck = unpackDeck(parsed.deck);
    const input = { deck, name: file.name, assets: checked.decks[index]!.assets };
    for (const job of checked.jobs.filter((job) => job.index === index)) {
      if (signal.aborted) return;
      const dates = { sourceDateEpoch: job.epoch, lastChange: checked.decks[index]!.mtime };
      const places = checked.context.places(index);
      await outputDiagnostics(registry.get(job.format), input, job.options, places, dates);
      const renderer = await registry.load(job.format);
      await renderer.render({ decks: [input], options: job.options, sourceDateEpoch: job.epoch });
    }
  } catch (error) {
    if (error instanceof BuildInterrupted) return;
    throw error;
  }
}

/** The largest deck (not an exam) of at most DECK_BYTES that parsed, else the smallest; null if none. */
function deckToWarmOn(decks: readonly LoadedDeck[], sources: readonly Source[]): number | null {
  const parsed = decks
    .flatMap((deck, index) =>
      deck.summary !== null && !deck.file.exam
        ? [{ index, bytes: sources[index]!.bytes.length }]
        : [],
    )
    .sort((a, b) => a.bytes - b.bytes);
  return (parsed.filter((deck) => deck.bytes <= DECK_BYTES).at(-1) ?? parsed[0])?.index ?? null;
}
