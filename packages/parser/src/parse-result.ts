import type { Deck, Diagnostic } from '@quizmark/model';

/** An image the deck refers to, for the build to resolve and load (the parser does no IO). */
export interface ImageReference {
  /** The reference exactly as written (relative path or URL), the key of `DeckInput.assets`. */
  url: string;
  line: number;
  column: number;
}

export interface ItemPosition {
  line: number;
  column: number;
}

export interface ParseOptions {
  /** Path of the file as it should appear in diagnostics (posix separators). */
  file: string;
  idPrefix?: never;
}

export interface ParseResult {
  file: string;
  /** Null when the file has errors. */
  deck: Deck | null;
  /** Every problem found, sorted by position. */
  diagnostics: Diagnostic[];
  /** Every image in the deck, in document order. */
  images: ImageReference[];
  /** Heading position of every item by id, also when the deck has errors (for cross-file checks). */
  itemPositions: Record<string, ItemPosition>;
}
