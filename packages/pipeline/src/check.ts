import type { Diagnostic } from '@quizmark/model';
import type { BuildOptions } from './build.js';
import { openCache } from './cache.js';
import { discoverDecks } from './discover.js';
import { finishLoading, type LoadedDeck } from './load-decks.js';
import { parseSources, readSources } from './load-sources.js';
import { PoolProvider } from './pool-provider.js';

/** Parses and checks decks, with their images, without writing any output. */
export async function checkDecks(
  inputs: readonly string[],
  options: Pick<BuildOptions, 'cwd' | 'workers' | 'cache' | 'cacheDir' | 'cacheStore'> = {},
): Promise<{ decks: LoadedDeck[]; diagnostics: Diagnostic[] }> {
  const cwd = options.cwd ?? process.cwd();
  const files = discoverDecks(inputs, cwd);
  const pools = new PoolProvider(options.workers);
  try {
    const { summaries } = await parseSources(readSources(files), openCache(options, cwd), pools);
    const decks = await finishLoading(files, summaries);
    return { decks, diagnostics: decks.flatMap((deck) => deck.diagnostics) };
  } finally {
    await pools.close();
  }
}
