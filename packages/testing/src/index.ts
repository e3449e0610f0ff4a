export { browserAvailable, chromiumPath, type LaunchedBrowser, launchBrowser } from './browser.js';
export { type CorpusSpec, generateCorpus } from './corpus.js';
export {
  type ChoiceFields,
  choice,
  code,
  collectionRequest,
  deck,
  deckInput,
  deckOf,
  type ExplainFields,
  explain,
  type FlashcardFields,
  flashcard,
  imageAsset,
  para,
  png,
  rich,
  section,
  text,
} from './deck-builders.js';
export { crc32, type PngSpec, pngChunk, pngFile } from './png-writer.js';
export {
  hostileDeck,
  pixelImage,
  revisionDeck,
  revisionDeckInput,
  revisionDeckWithImages,
  selfCheckDeck,
} from './sample-decks.js';
export { seededRandom } from './seeded-random.js';
export { findExecutable, runTool, systemTool } from './system-tool.js';
export { readZip, type ZipFile } from './zip-reader.js';
