import type { z } from 'zod';
import type { CodePointRanges } from './code-point-ranges.js';
import type { Deck, ItemType } from './deck.js';
import type { DeckSummary } from './deck-summary.js';
import type { RichNodeType } from './rich-text.js';
import type { RuleTable } from './rule.js';

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
  /** Options as the renderer's descriptor schema outputs them: checked, with defaults filled in. */
  options: Options;
  /**
   * Seconds since the epoch to stamp into outputs that need a date (PDF
   * metadata, Anki modification times): SOURCE_DATE_EPOCH, or the newest
   * source file's mtime. Never the clock, so the same input gives the same bytes.
   */
  sourceDateEpoch: number;
}

/** A file the build writes for a deck, as an index page links it. */
export interface DeckOutput {
  /** The format that wrote it (`pdf`). */
  format: string;
  /** Relative to the output folder, posix separators. */
  path: string;
  /** `RenderedFile.label`: what the file is, for a reader. */
  label: string;
}

/**
 * What `renderCollection` receives: every deck of the build, summarised,
 * with the files every format of this build writes for it (labelled ones
 * only), so that an index can link them all.
 */
export interface CollectionRequest<Options> {
  decks: ReadonlyArray<{ name: string; summary: DeckSummary; outputs: readonly DeckOutput[] }>;
  options: Options;
  sourceDateEpoch: number;
}

/** A file a renderer produces; `path` is relative to the output folder, posix separators. */
export interface RenderedFile {
  path: string;
  bytes: Uint8Array;
  /**
   * What a reader would call the file in a list of downloads ("Answer key
   * (PDF)"). Files without one (media beside a text import) are not listed.
   */
  label?: string;
}

/** The code of an output format, loaded only when the format is asked for (see RendererDescriptor). */
export interface Renderer<Options> {
  /**
   * Renders decks. Output of one deck must not depend on the other decks in
   * the request, so builds may render decks one at a time, in parallel, or
   * from a cache. Never called for a deck whose `check` reported an error.
   */
  render(request: RenderRequest<Options>): Promise<RenderedFile[]>;
  /**
   * Files about every deck of a build (an HTML index linking them), made
   * from summaries so that a rebuild need not load unchanged decks. Called
   * once per build, however many decks it has; cheap, and never cached.
   */
  renderCollection?(request: CollectionRequest<Options>): Promise<RenderedFile[]>;
}

/** How a command-line flag sets one renderer option. */
export interface OptionFlag {
  /** The flag without its dashes: `paper` for `--paper`. */
  name: string;
  /** Dotted path of the option it sets: `paper`, `select.types`. */
  option: string;
  /**
   * `string`: one value; `list`: repeatable; `integer`: a whole number;
   * `path`: a file or folder, resolved against the working folder;
   * `negated`: a boolean flag (`--no-anki-text`) that sets the option to false;
   * `switch`: a boolean flag (`--qti-shuffle-items`) that sets it to true.
   */
  kind: 'string' | 'list' | 'integer' | 'path' | 'negated' | 'switch';
  /** Placeholder shown in help (`<size>`); none for `negated` and `switch`. */
  value?: string;
  help: string;
}

/**
 * What an output can carry. The pipeline checks every deck against it
 * before rendering and reports what the output would lose or change as a
 * positioned warning (never a silent drop); the renderer draws the fallback
 * it names.
 */
export interface Carries {
  itemTypes: readonly ItemType[];
  /** Rich-text node types drawn as such. */
  nodes: readonly RichNodeType[];
  /** Media types of local images drawn as images; others become a labelled box. */
  images: readonly string[];
  /** Remote images are never fetched: kept as a reference (JSON), shown as a link, or as a labelled box. */
  remoteImages: 'keep' | 'link' | 'box';
  /**
   * Characters the output's embedded fonts can draw, in running text and in
   * code; null when the reader's own fonts draw the text (HTML, Anki).
   */
  glyphs: { text: CodePointRanges; code: CodePointRanges; fallback: string } | null;
}

/** The dates of one deck a check may compare, in seconds since the epoch. */
export interface SourceDates {
  /** What its outputs are stamped with: SOURCE_DATE_EPOCH when set, else `lastChange`. */
  sourceDateEpoch: number;
  /** The newest modification time of the deck's file and images. */
  lastChange: number;
}

/** A problem a renderer finds in a deck before rendering, placed by the pipeline. */
export interface RenderProblem {
  /** A rule of the descriptor's `rules`. */
  ruleId: string;
  message: string;
  /** The id of the item the problem is about; null for the deck as a whole. */
  item: string | null;
  /** The image (its reference as written) the problem is about: the warning points at it. */
  image?: string;
  /**
   * This output is not made for this deck (a selection that leaves none of
   * its items): reported as the rule says, and the build goes on with the
   * other decks; it fails only when every deck of the build is skipped.
   */
  skip?: boolean;
}

/**
 * An output format as the pipeline and the CLI see it: everything but the
 * rendering code, which `load` imports on first use, so that a build that
 * writes JSON never loads pdfkit. Adding an output is one package exporting
 * one of these and one line in the pipeline's registry.
 */
export interface RendererDescriptor<
  Format extends string = string,
  Schema extends z.ZodType = z.ZodType,
> {
  /** The name `--format` takes. */
  format: Format;
  /**
   * `study` (the default): built by `--format all`. `lms`: an export for a
   * learning management system, built when named or by `--format lms`,
   * so that `all` keeps writing what learners open themselves.
   */
  family?: 'study' | 'lms';
  /** One line for help: what the format writes. */
  summary: string;
  /** The options: renderers receive `z.output` of it, the CLI and library users give `z.input`. */
  options: Schema;
  /** Command-line flags that set options, with their help. */
  flags: readonly OptionFlag[];
  carries: Carries;
  /** Problems `check` reports, by rule id (one registry with every other rule). */
  rules: RuleTable;
  /** Whether the renderer writes files about every deck (`renderCollection`). */
  collection: boolean;
  /**
   * Problems of one deck for this output (an empty selection, say): cheap,
   * run by `quizmark check` and by every build, before rendering. Async so
   * that what the checks need (an SVG reader, a TeX engine) loads only when
   * a deck is checked, not with the descriptor.
   */
  check?(input: DeckInput, options: z.output<Schema>, dates: SourceDates): Promise<RenderProblem[]>;
  /** Files and folders named by the options that shape the output (custom templates). */
  inputs?(options: z.output<Schema>): Array<{ option: string; path: string }>;
  load(): Promise<Renderer<z.output<Schema>>>;
}

/** Identity, for inference: keeps the format a literal type and checks the descriptor's shape. */
export function defineRenderer<Format extends string, Schema extends z.ZodType>(
  descriptor: RendererDescriptor<Format, Schema>,
): RendererDescriptor<Format, Schema> {
  return descriptor;
}
