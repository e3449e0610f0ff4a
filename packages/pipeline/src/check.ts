import type { Diagnostic } from '@quizmark/model';
import type { BuildOptions } from './build.js';
import { type ContentCache, openCache } from './cache.js';
import { discoverDecks } from './discover.js';
import { deckOptions } from './exam-outputs.js';
import { inputFingerprints } from './fingerprint.js';
import { type ResolvedOptions, resolveFormatOptions } from './format-options.js';
import { resolveFormats } from './formats.js';
import { untilInterrupted } from './interrupt.js';
import { finishLoading, type LoadedDeck } from './load-decks.js';
import { type ParsedSources, parseSources, readSources, type Source } from './load-sources.js';
import { PoolProvider } from './pool-provider.js';
import type { ProgressEvent } from './progress-event.js';
import {
  checkOutputs,
  type DeckLoader,
  deckLoader,
  type OutputContext,
  type OutputJob,
  outputJobs,
} from './render-plan.js';
import {
  type AnyDescriptor,
  DEFAULT_REGISTRY,
  type FormatOptionsOf,
  type RENDERERS,
  type RendererRegistry,
} from './renderers.js';
import { sourceDateEpoch } from './source-date.js';

/** What a build knows once every check has run: the decks, their problems, and the outputs to make. */
export interface CheckedDecks {
  decks: LoadedDeck[];
  parsed: ParsedSources;
  /** Every problem, parse and output checks alike, in report order. */
  diagnostics: Diagnostic[];
  context: OutputContext;
  /** The outputs to make: every deck in every format, but those an output skips. */
  jobs: OutputJob[];
  /** Each deck, loaded once for every output that needs it. */
  input: DeckLoader;
}

/** The formats and checked options of a build or check, from what the caller gave. */
export function resolveOutputs(
  registry: RendererRegistry,
  formats: readonly string[],
  given: Readonly<Partial<Record<string, unknown>>>,
  cwd: string,
): {
  formats: string[];
  options: ResolvedOptions;
  inputs: Map<string, string>;
  /** The options as given, for exams to set their own over. */
  given: Readonly<Partial<Record<string, unknown>>>;
} {
  const resolved = resolveFormats(registry, formats);
  const options = resolveFormatOptions(registry, resolved, given, cwd);
  return { formats: resolved, options, inputs: inputFingerprints(registry, options, cwd), given };
}

/**
 * Parses decks, reads their images, and runs every output's checks on the
 * decks that parsed: the one path that `quizmark check` and every build
 * take, so that they report the same problems.
 */
export async function loadAndCheck(params: {
  registry: RendererRegistry;
  sources: readonly Source[];
  formats: readonly string[];
  options: ResolvedOptions;
  given: Readonly<Partial<Record<string, unknown>>>;
  inputs: ReadonlyMap<string, string>;
  cwd: string;
  cache: ContentCache | null;
  pools: PoolProvider;
  onProgress?: (event: ProgressEvent) => void;
  signal?: AbortSignal;
}): Promise<CheckedDecks> {
  const { sources, cache, pools, signal } = params;
  const parsed = await untilInterrupted(
    parseSources(sources, cache, pools, params.onProgress),
    signal,
  );
  const decks = await untilInterrupted(finishLoading(sources, parsed.summaries), signal);
  const perDeck = deckOptions({ ...params, decks });
  const context: OutputContext = {
    registry: params.registry,
    decks,
    loadInput: async (index) => ({
      deck: await parsed.deck(index),
      name: decks[index]!.file.name,
      assets: decks[index]!.assets,
    }),
    releaseInput: (index) => parsed.release(index),
    places: (index) => ({
      file: decks[index]!.file.display,
      ...decks[index]!.places,
      text: sources[index]!.bytes.toString('utf8'),
    }),
    sources,
    // Each deck is dated by its own sources, so editing one deck changes
    // only that deck's outputs; files about every deck take the newest date.
    epochs: decks.map((deck) => sourceDateEpoch(deck.mtime)),
    formats: params.formats,
    options: params.options,
    deckOptions: perDeck.options,
    inputs: params.inputs,
    cache,
  };
  const input = deckLoader(context);
  const checked = await untilInterrupted(checkOutputs(context, outputJobs(context), input), signal);
  const byFile = new Map<string, Diagnostic[]>();
  for (const diagnostic of [...perDeck.diagnostics, ...checked.diagnostics]) {
    const list = byFile.get(diagnostic.file) ?? [];
    list.push(diagnostic);
    byFile.set(diagnostic.file, list);
  }
  const { compareDiagnostics } = await import('@quizmark/model');
  const diagnostics = decks.flatMap((deck) =>
    [...deck.diagnostics, ...(byFile.get(deck.file.display) ?? [])].sort(compareDiagnostics),
  );
  return { decks, parsed, diagnostics, context, jobs: checked.jobs, input };
}

export interface CheckOptions<Descriptors extends readonly AnyDescriptor[] = typeof RENDERERS>
  extends Pick<BuildOptions, 'cwd' | 'workers' | 'cache' | 'cacheDir' | 'cacheStore'> {
  /** Formats whose checks to run; `all` (the default, as for a build) expands to every format. */
  formats?: readonly string[];
  formatOptions?: FormatOptionsOf<Descriptors>;
  registry?: RendererRegistry<Descriptors>;
}

/**
 * Everything a build checks, without rendering or writing: parse problems,
 * images, and what each requested output would refuse or lose.
 */
export async function checkDecks<Descriptors extends readonly AnyDescriptor[] = typeof RENDERERS>(
  inputs: readonly string[],
  options: CheckOptions<Descriptors> = {},
): Promise<{ decks: LoadedDeck[]; diagnostics: Diagnostic[] }> {
  const cwd = options.cwd ?? process.cwd();
  const registry: RendererRegistry = options.registry ?? DEFAULT_REGISTRY;
  const outputs = resolveOutputs(
    registry,
    options.formats ?? ['all'],
    options.formatOptions ?? {},
    cwd,
  );
  const files = discoverDecks(inputs, cwd);
  const pools = new PoolProvider(options.workers);
  try {
    const { decks, diagnostics } = await loadAndCheck({
      registry,
      sources: readSources(files),
      ...outputs,
      cwd,
      cache: openCache(options, cwd),
      pools,
    });
    return { decks, diagnostics };
  } finally {
    await pools.close();
  }
}
