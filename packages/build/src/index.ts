export {
  type BuildOptions,
  type BuildResult,
  type BuildStats,
  buildDecks,
  checkDecks,
  type ProgressEvent,
  resolveFormats,
} from './build.js';
export { ContentCache, defaultCacheDir } from './cache.js';
export { type DeckFile, discoverDecks, UsageError } from './discover.js';
export type { LoadedDeck } from './load-decks.js';
export { FORMATS, loadRenderer } from './renderers.js';
export { sourceDateEpoch } from './source-date.js';
export { defaultWorkerCount, WorkerPool } from './worker-pool.js';
export { checkOutputFolder, writeOutputs } from './write-outputs.js';
