import type { Deck } from './deck.js';
import type { DeckSummary } from './deck-summary.js';

/** An image or other file a deck refers to, already read and checked by the caller. */
export interface Asset {
  /** The reference exactly as written in the Markdown (the key renderers look up). */
  url: string;
  /** Path relative to the content root, posix separators: unique per file. */
  path: string;
  mediaType: string;
  bytes: Uint8Array;
}

/** One deck as renderers receive it. */
export interface DeckInput {
  deck: Deck;
  /** Output base name without extension, unique in the build (`mlops` for `content/mlops.md`). */
  name: string;
  /** Local images referenced by the deck, keyed by `Asset.url`. Remote URLs are never fetched. */
  assets: ReadonlyMap<string, Asset>;
}

export interface RenderRequest<Options> {
  decks: readonly DeckInput[];
  options: Options;
  /**
   * Seconds since the epoch to stamp into outputs that need a date (PDF
   * metadata, Anki modification times): SOURCE_DATE_EPOCH, or the newest
   * source file's mtime. Never the clock, so the same input gives the same bytes.
   */
  sourceDateEpoch: number;
}

/** What `renderCollection` receives: every deck of the build, summarised. */
export interface CollectionRequest<Options> {
  decks: ReadonlyArray<{ name: string; summary: DeckSummary }>;
  options: Options;
  sourceDateEpoch: number;
}

/** A file a renderer produces; `path` is relative to the output folder, posix separators. */
export interface RenderedFile {
  path: string;
  bytes: Uint8Array;
}

/** Every output format has this shape, so the CLI treats them alike. */
export interface Renderer<Options = Record<string, never>> {
  /** The name used by `--format` (json, html, anki, pdf). */
  format: string;
  /**
   * Renders decks. Output of one deck must not depend on the other decks in
   * the request, so builds may render decks one at a time, in parallel, or
   * from a cache.
   */
  render(request: RenderRequest<Options>): Promise<RenderedFile[]>;
  /**
   * Files about every deck of a build (an HTML index linking them), made
   * from summaries so that a rebuild need not load unchanged decks. Called
   * once per build with two decks or more; cheap, and never cached.
   */
  renderCollection?(request: CollectionRequest<Options>): Promise<RenderedFile[]>;
}
