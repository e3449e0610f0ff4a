import { statSync } from 'node:fs';
import type { Asset, Deck, Diagnostic } from '@quizmark/model';
import type { ParseResult } from '@quizmark/parser';
import { type FileStamp, loadAssets } from './assets.js';
import type { DeckFile } from './discover.js';

/** A deck file after parsing and asset loading. */
export interface LoadedDeck {
  file: DeckFile;
  /** Null when the file has errors. */
  deck: Deck | null;
  assets: Map<string, Asset>;
  diagnostics: Diagnostic[];
  /** Newest modification time (seconds) of the file and its images. */
  mtime: number;
  /** The images read. */
  images: FileStamp[];
}

/**
 * Turns parse results into loaded decks: reads their images and adds the
 * problems that only show across files (duplicate ids).
 */
export async function finishLoading(
  files: readonly DeckFile[],
  results: readonly ParseResult[],
): Promise<LoadedDeck[]> {
  const [{ findDuplicateIds }, { compareDiagnostics }] = await Promise.all([
    import('@quizmark/parser'),
    import('@quizmark/model'),
  ]);
  const crossFile = findDuplicateIds([...results]);
  return files.map((file, index) => {
    const result = results[index]!;
    const { assets, diagnostics, newestMtime, files: images } = loadAssets(file, result.images);
    const all = [
      ...result.diagnostics,
      ...diagnostics,
      ...crossFile.filter((d) => d.file === file.display),
    ];
    all.sort(compareDiagnostics);
    const failed = all.some((diagnostic) => diagnostic.severity === 'error');
    return {
      file,
      deck: failed ? null : result.deck,
      assets,
      diagnostics: all,
      mtime: Math.max(newestMtime, Math.floor(statSync(file.path).mtimeMs / 1000)),
      images,
    };
  });
}
