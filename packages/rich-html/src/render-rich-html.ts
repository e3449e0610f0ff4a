import type { Asset, RichText } from '@quizmark/model';
import { type ClozeHtml, defaultClozeHtml } from './cloze-html.js';
import type { MathStyle } from './math-html.js';
import { sanitizedRichHtml } from './sanitized-html.js';
import { isTypedOnly, typedBlocksHtml } from './typed-html.js';

export interface RichHtmlOptions {
  /** Local images of the deck, keyed by the reference as written. */
  assets?: ReadonlyMap<string, Asset>;
  /** The `src` to give a local image (a data URI in handouts, a media file name in Anki). */
  imageSource?: (asset: Asset) => string;
  /** `class`: `span.hljs-*` for a stylesheet; `inline`: style attributes, for Anki fields. */
  codeStyle?: 'class' | 'inline';
  /** `mathml`: drawn at build time (pages); `mathjax`: TeX in `\(…\)`, `\[…\]` (Anki). Default `mathml`. */
  math?: MathStyle;
  /** Added to rich-text heading depths (1 = first level inside an item). Default 3. */
  headingOffset?: number;
  /**
   * Trusted HTML for each cloze blank (`index`: its place in reading order
   * within this text). Default: the answer, escaped, in `<span class="cloze">`.
   */
  cloze?: ClozeHtml;
}

/**
 * Rich text to an HTML string that is safe to put in a page: author HTML is
 * sanitised (GitHub's rules), code is highlighted at build time, local images
 * are resolved and remote ones are never loaded (they become links).
 */
export function renderRichHtml(text: RichText, options: RichHtmlOptions = {}): string {
  // Text made only from typed nodes is safe by construction (every value is
  // escaped on output) and is written straight to a string; raw HTML and
  // URLs are what the hast tree and the sanitiser are for.
  if (isTypedOnly(text.children)) {
    return typedBlocksHtml(
      text.children,
      options.headingOffset ?? 3,
      options.codeStyle ?? 'class',
      options.cloze ?? defaultClozeHtml,
      options.math ?? 'mathml',
    );
  }
  return sanitizedRichHtml(text, options);
}

/** Same as `renderRichHtml`, without the wrapping paragraph of a one-paragraph text (for inline places). */
export function renderRichInlineHtml(text: RichText, options: RichHtmlOptions = {}): string {
  const only = text.children.length === 1 ? text.children[0] : undefined;
  const html = renderRichHtml(text, options);
  return only?.type === 'paragraph' && html.startsWith('<p>') && html.endsWith('</p>')
    ? html.slice(3, -4)
    : html;
}
