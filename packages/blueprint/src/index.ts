// Skeleton: the contract the pipeline codes against. The blueprint helper
// replaces the bodies (and may split the files), keeping these signatures.
import type { Deck, Diagnostic, RuleTable } from '@quizmark/model';
import type { ImageReference, ItemPosition } from '@quizmark/parser';

/** Files the build reads as exam blueprints rather than decks. */
export const EXAM_FILE = /\.exam\.ya?ml$/;

/** A deck file an exam names, as the caller read it. */
export type ExamDeckFile =
  | { file: string; bytes: Uint8Array }
  /** The file cannot be read (missing, a folder, outside the content root): said at the `from:` that names it. */
  | { file: string; error: string };

export interface ExamInput {
  /** Path of the exam file as it should appear in diagnostics (posix separators). */
  file: string;
  text: string;
  /** Reads a deck the exam names, by the path written in `from:` (relative to the exam file). */
  readDeck(path: string): ExamDeckFile;
}

/** A parse result for the exam, as the parser gives one for a deck, plus what outputs it asks for. */
export interface ExamResult {
  file: string;
  /** The exam as one deck: one section per blueprint section, drawn items in draw order; null on any error. */
  deck: Deck | null;
  diagnostics: Diagnostic[];
  /** Images of the drawn items, their URLs rewritten to resolve from the exam file's folder. */
  images: ImageReference[];
  itemPositions: Record<string, ItemPosition>;
  /** Options the exam sets per format (`{ pdf: { versions, seed, answerSheet } }`), over the build's. */
  formatOptions: Record<string, Record<string, unknown>>;
  /** Every deck path the exam named, as written in `from:`, in order: its cache key and watch list. */
  decks: string[];
}

/** The deck paths an exam file names in its `from:` keys, as written; [] when its YAML cannot be read. */
export function examDeckPaths(_text: string): string[] {
  throw new Error('not built yet');
}

/** Reads the blueprint, parses the decks it names and draws its questions. No IO of its own. */
export function buildExam(_input: ExamInput): ExamResult {
  throw new Error('not built yet');
}

/** The blueprint's rules, for the rule registry (`quizmark rules`, docs/rules.md). */
export const BLUEPRINT_RULES: RuleTable = {};
