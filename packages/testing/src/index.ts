export { browserAvailable, chromiumPath, type LaunchedBrowser, launchBrowser } from './browser.js';
export { type CorpusSpec, generateCorpus } from './corpus.js';
export {
  blank,
  type ChoiceFields,
  type ClozeFields,
  choice,
  cloze,
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
  type MatchingFields,
  matching,
  type NumericFields,
  numeric,
  numericAnswer,
  type OrderingFields,
  ordering,
  para,
  png,
  rich,
  type ShortFields,
  section,
  shortAnswer,
  type TrueFalseFields,
  text,
  trueFalse,
} from './deck-builders.js';
export { crc32, type PngSpec, pngChunk, pngFile } from './png-writer.js';
export {
  everyTypeDeck,
  hostileDeck,
  pixelImage,
  revisionDeck,
  revisionDeckInput,
  revisionDeckWithImages,
  selfCheckDeck,
} from './sample-decks.js';
export { seededRandom } from './seeded-random.js';
export { findExecutable, runTool, systemTool } from './system-tool.js';
export {
  IMS_CP_SCHEMA,
  QTI_ITEM_SCHEMA,
  xmlSchemaErrors,
  xmlWellFormedErrors,
} from './xml-schema.js';
export { readZip, type ZipFile } from './zip-reader.js';
