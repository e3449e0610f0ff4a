import { readFileSync } from 'node:fs';
import type { DeckSummary } from '@quizmark/model';
import type { ParseResult } from '@quizmark/parser';
import { type ContentCache, sha256 } from './cache.js';
import type { DeckFile } from './discover.js';
import { type ExamDeckRead, examDeckKeyParts, readExamDecks } from './exam-sources.js';
import { toolFingerprint } from './fingerprint.js';
import { type HeldDeck, unpackDeck } from './packed.js';
import type { PoolProvider } from './pool-provider.js';
import type { ProgressEvent } from './progress-event.js';
import type { ParsedDeck } from './tasks.js';

/** A deck file's bytes and the key its parse result is cached under. */
export interface Source {
  file: DeckFile;
  bytes: Buffer;
  key: string;
  /** For an exam file: the decks it draws from, read now (their bytes are part of the key). */
  examDecks: ExamDeckRead[] | null;
}

/** Options an exam sets per format, over the build's (`{ pdf: { versions: 3 } }`); `{}` for a deck. */
export type ExamFormatOptions = Record<string, Record<string, unknown>>;

/**
 * A parse result without its deck: what checks, image loading and index
 * pages need. Cached apart from the full result so that a rebuild reads the
 * decks it renders, not every deck of the build.
 */
export type ParseSummary = Omit<ParseResult, 'deck'> & {
  deck: DeckSummary | null;
  formatOptions: ExamFormatOptions;
};

/**
 * Reads every deck file and names its parse result by content. An exam's
 * key covers its text and the bytes of every deck it names, so editing a
 * deck re-draws the exams that draw from it, and a cache can never serve an
 * exam drawn from an older deck.
 */
export function readSources(files: readonly DeckFile[]): Source[] {
  const fingerprint = toolFingerprint();
  return files.map((file) => {
    const bytes = readFileSync(file.path);
    if (!file.exam)
      return {
        file,
        bytes,
        key: sha256(fingerprint, 'parse', file.display, bytes),
        examDecks: null,
      };
    const examDecks = readExamDecks(file, bytes.toString('utf8'));
    const key = sha256(fingerprint, 'exam', file.display, bytes, ...examDeckKeyParts(examDecks));
    return { file, bytes, key, examDecks };
  });
}

export interface ParsedSources {
  summaries: ParseSummary[];
  /** Decks parsed now; the rest came from the cache. */
  parsed: number;
  /** The deck of source `index`: kept from this build's parse, or read from the cache. */
  deck(index: number): Promise<HeldDeck>;
  /** Forgets this build's parse result of source `index` (deck reads the cache, or parses again). */
  release(index: number): void;
}

/**
 * Parses the sources the cache does not know, on the pool, and summarises
 * all of them. Decks parsed on workers stay packed (packed.ts) until
 * rendered: a large build holds each as one block of bytes, not as objects.
 */
export async function parseSources(
  sources: readonly Source[],
  cache: ContentCache | null,
  pools: PoolProvider,
  onProgress?: (event: ProgressEvent) => void,
): Promise<ParsedSources> {
  const { ParseResultSchema, ParseSummarySchema } = await import('./cache-entries.js');
  const summaries = sources.map(
    (source) => cache?.readJson<ParseSummary>('summary', source.key, ParseSummarySchema) ?? null,
  );
  const fresh = new Map<number, HeldDeck>();
  const missing = sources.filter((_, index) => summaries[index] === null);
  const pool = pools.for(
    missing.length,
    missing.reduce((total, source) => total + source.bytes.length, 0),
  );
  let done = sources.length - missing.length;
  onProgress?.({ stage: 'parse', done, total: sources.length });
  const parse = (index: number): Promise<ParsedDeck> => {
    const { file, bytes, examDecks } = sources[index]!;
    if (examDecks)
      return pool.run({
        kind: 'exam',
        display: file.display,
        text: bytes.toString('utf8'),
        decks: examDecks.map(({ written, deck }) => ({ written, deck })),
      } as const);
    return pool.run({ kind: 'parse', path: file.path, display: file.display } as const);
  };
  await Promise.all(
    sources.map(async (source, index) => {
      if (summaries[index]) return;
      const { summary, deck } = await parse(index);
      if (cache) {
        const { file, diagnostics, images, itemPositions } = summary;
        const result: ParseResult = {
          file,
          diagnostics,
          images,
          itemPositions,
          deck: deck && unpackDeck(deck),
        };
        cache.writeJson('parse', source.key, result);
        cache.writeJson('summary', source.key, summary);
      }
      if (deck) fresh.set(index, deck);
      summaries[index] = summary;
      onProgress?.({ stage: 'parse', done: ++done, total: sources.length });
    }),
  );
  return {
    summaries: summaries as ParseSummary[],
    parsed: missing.length,
    async deck(index) {
      const known = fresh.get(index);
      if (known) return known;
      const cached = cache?.readJson<ParseResult>('parse', sources[index]!.key, ParseResultSchema);
      if (cached?.deck) return cached.deck;
      // A summary without a sound full entry (a damaged cache): parse again.
      const { deck } = await parse(index);
      if (!deck)
        throw new Error(
          `${sources[index]!.file.display} changed during the build and no longer parses: build again`,
        );
      return deck;
    },
    release(index) {
      fresh.delete(index);
    },
  };
}
