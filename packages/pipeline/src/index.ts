export { type BuildOptions, type BuildResult, type BuildStats, buildDecks } from './build.js';
export { ContentCache, defaultCacheDir } from './cache.js';
export { type CheckOptions, checkDecks } from './check.js';
export { type DeckFile, discoverDecks, isExamFile, UsageError } from './discover.js';
export { examJsonSchema } from './exam-schema.js';
export { examDeckFolders } from './exam-sources.js';
export { type OptionIssue, OptionsError } from './format-options.js';
export { resolveFormats } from './formats.js';
export { BuildInterrupted } from './interrupt.js';
export type { LoadedDeck } from './load-decks.js';
export { defaultWorkerCount } from './pool-provider.js';
export type { ProgressEvent } from './progress-event.js';
export {
  CONFIG_FILE,
  type ProjectConfig,
  ProjectConfigSchema,
  projectConfigJsonSchema,
  readProjectConfig,
} from './project-config.js';
export {
  type AnyDescriptor,
  DEFAULT_REGISTRY,
  type FormatOptions,
  type FormatOptionsOf,
  RENDERERS,
  RendererRegistry,
} from './renderers.js';
export { formatDiagnostics, shown, shownLines, summarize } from './report.js';
export { type RegisteredRule, ruleRegistry } from './rule-registry.js';
export { PIPELINE_RULES } from './rules.js';
export { sourceDateEpoch } from './source-date.js';
export { unusedTemplateFiles } from './template-files.js';
export { warmUp } from './warm-up.js';
export { WorkerPool } from './worker-pool.js';
export { checkOutputFolder, writeOutputs } from './write-outputs.js';
