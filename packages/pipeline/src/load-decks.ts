import { statSync } from 'node:fs';
import type { Asset, DeckSummary, Diagnostic } from '@quizmark/model';
import { type FileStamp, loadAssets } from './assets.js';
import type { DeckFile } from './discover.js';
import type { ExamDeckRead } from './exam-sources.js';
import type { ExamFormatOptions, ParseSummary, Source } from './load-sources.js';
import type { DeckPlaces } from './output-checks.js';
import { checkOutputName } from './output-name.js';

/** A deck file after parsing and image loading (the deck itself is loaded only to render it). */
export interface LoadedDeck {
  file: DeckFile;
  /** Null when the file has errors. */
  summary: DeckSummary | null;
  assets: Map<string, Asset>;
  diagnostics: Diagnostic[];
  /** Newest modification time (seconds) of the file and its images. */
  mtime: number;
  /** The images read. */
  images: FileStamp[];
  /** Where the deck's items and images are in its source, to place what outputs report. */
  places: Pick<DeckPlaces, 'items' | 'images'>;
  /** Options an exam sets per format, over the build's; `{}` for a deck. */
  formatOptions: ExamFormatOptions;
}

/**
 * Reads the images of every parsed deck and adds the problems that only show
 * across files (duplicate ids) or in the outputs' names (too long to write).
 * An exam reuses the ids of the items it draws, on purpose: only its deck
 * id takes part in the check across files.
 */
export async function finishLoading(
  sources: readonly Source[],
  summaries: readonly ParseSummary[],
): Promise<LoadedDeck[]> {
  const [{ findDuplicateIds }, { compareDiagnostics, hasErrors }] = await Promise.all([
    import('@quizmark/parser'),
    import('@quizmark/model'),
  ]);
  const crossFile = findDuplicateIds(
    summaries.map((summary, index) =>
      sources[index]!.file.exam ? { ...summary, itemPositions: {} } : summary,
    ),
  );
  const inBuild = new Set(sources.map((source) => source.file.display));
  return sources.map(({ file, examDecks }, index) => {
    const summary = summaries[index]!;
    // An exam passes on the problems of the decks it draws from; those in
    // this build report their own, once.
    const own = file.exam
      ? summary.diagnostics.filter((d) => d.file === file.display || !inBuild.has(d.file))
      : summary.diagnostics;
    const { assets, diagnostics, newestMtime, files: images } = loadAssets(file, summary.images);
    const nameProblem = checkOutputName(file);
    const all = [
      ...(nameProblem ? [nameProblem] : []),
      ...own,
      ...diagnostics,
      ...crossFile.filter((d) => d.file === file.display),
    ];
    all.sort(compareDiagnostics);
    const failed = hasErrors(all);
    return {
      file,
      summary: failed ? null : summary.deck,
      assets,
      diagnostics: all,
      // An exam is as new as the newest deck it draws from.
      mtime: Math.max(newestMtime, ...[file.path, ...readAlso(examDecks)].map(mtimeSeconds)),
      images,
      places: { items: summary.itemPositions, images: summary.images },
      formatOptions: summary.formatOptions,
    };
  });
}

/** The files a source read besides its own: the decks an exam draws from. */
export const readAlso = (examDecks: readonly ExamDeckRead[] | null): string[] =>
  (examDecks ?? []).flatMap((deck) => (deck.real === null ? [] : [deck.real]));

const mtimeSeconds = (path: string) => Math.floor(statSync(path).mtimeMs / 1000);
