import type { Diagnostic, RichText } from '@quizmark/model';
import type { Root } from 'mdast';
import { collectDefinitions } from './definitions.js';
import { DiagnosticList } from './diagnostic-list.js';
import { findTooDeep, scanMarkdown } from './input-limits.js';
import type { Place } from './line-index.js';
import type { ImageReference } from './parse-result.js';
import { markdownTree } from './processor.js';
import { RichTextBuilder } from './rich-text-builder.js';

/** Where a piece of Markdown sits in another file (a YAML value): every problem in it is reported there. */
export interface MarkdownPlace {
  file: string;
  line: number;
  column: number;
}

export interface RichTextResult {
  /** Null when the text is blank or was refused. */
  text: RichText | null;
  diagnostics: Diagnostic[];
  /** Images the text refers to, at the given place. */
  images: ImageReference[];
}

/**
 * Markdown written inside another file (an exam file's `instructions`), read
 * as a deck's frontmatter `instructions` is: the same limits, the same rich
 * text, its problems positioned at `place`.
 */
export function parseRichText(markdown: string, place: MarkdownPlace): RichTextResult {
  const list = new DiagnosticList(place.file);
  const images: ImageReference[] = [];
  const at: Place = { start: { line: place.line, column: place.column } };
  const done = (text: RichText | null): RichTextResult => ({
    text,
    diagnostics: list.diagnostics,
    images,
  });
  if (markdown.trim() === '') return done(null);
  const text = markdownRichText(markdown, { list, images, place: at });
  return done(text && text.children.length > 0 ? text : null);
}

/**
 * Markdown written in a value rather than the deck's body, as rich text:
 * within the input limits, its problems all reported at `place`; null when
 * refused. The frontmatter's `description` and `instructions` and an exam
 * file's texts are read here.
 */
export function markdownRichText(
  markdown: string,
  context: { list: DiagnosticList; images: ImageReference[]; place: Place },
): RichText | null {
  const { list, place } = context;
  const problem = scanMarkdown(markdown);
  if (problem) {
    list.report(problem.ruleId, problem.message, place);
    return null;
  }
  const tree: Root = markdownTree(markdown);
  const tooDeep = findTooDeep(tree);
  if (tooDeep) {
    list.report(tooDeep.ruleId, tooDeep.message, place);
    return null;
  }
  const builder = new RichTextBuilder({
    source: markdown,
    list,
    images: context.images,
    definitions: collectDefinitions(tree),
    fixedPlace: place,
  });
  return builder.richText(tree.children, 0);
}
