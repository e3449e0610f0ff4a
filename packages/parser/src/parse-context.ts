import type { DiagnosticList } from './diagnostic-list.js';
import type { LineIndex, Place } from './line-index.js';
import type { ImageReference } from './parse-result.js';
import type { RichTextBuilder } from './rich-text-builder.js';

/** What every step of one file's parse shares. */
export interface ParseContext {
  /** The file's text, BOM dropped and line endings normalised to `\n`. */
  source: string;
  lines: LineIndex;
  list: DiagnosticList;
  builder: RichTextBuilder;
  images: ImageReference[];
  /** Source place of each model object, to point schema issues at the author's line. */
  places: WeakMap<object, Place>;
  /** Source place of single fields of a model object (`level` of an item, `language` of the deck). */
  fieldPlaces: WeakMap<object, Map<string, Place>>;
}
