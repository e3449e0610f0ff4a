import type { ClozeBlank, RichText } from '@quizmark/model';
import { type RichHtmlOptions, renderRichHtml, renderRichInlineHtml } from '@quizmark/rich-html';
import { escapeGift } from './gift-escape.js';

// Every text of a question goes to Moodle as sanitised HTML (`[html]`), with
// code coloured by inline styles (no stylesheet travels with a question) and
// math left as TeX in `\(…\)`/`\[…\]` for Moodle's MathJax filter. No
// assets are given: local images show their alt text (GIFT cannot carry
// files), remote ones become links.

const OPTIONS: RichHtmlOptions = { codeStyle: 'inline', math: 'mathjax' };

/** Plain text as HTML text. */
export const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Rich text as HTML blocks. */
export const blockHtml = (text: RichText) => renderRichHtml(text, OPTIONS);

/** Rich text as HTML, without the paragraph of a one-paragraph text (options, pairs). */
export const inlineHtml = (text: RichText) => renderRichInlineHtml(text, OPTIONS);

/**
 * HTML as a GIFT text part: `[html]`, then the HTML escaped. Moodle tells a
 * matching question by a `->` in its answers, so `>` after `-` is written
 * `&gt;` (only text can hold it: sanitised HTML has no comments).
 */
export const giftHtml = (html: string) => `[html]${escapeGift(html.replace(/->/g, '-&gt;'))}`;

// A character no Markdown text holds (CommonMark turns U+0000 into U+FFFD).
const BLANK = '\u0000';

/**
 * A cloze text with its one blank replaced by `answers` (a GIFT answer
 * section, already escaped): Moodle's missing-word form, `text {=…} text`.
 * The blank's hint, if any, follows it in the text.
 */
export function missingWordHtml(text: RichText, answers: string): string {
  const cloze = (blank: ClozeBlank) =>
    blank.hint === null ? BLANK : `${BLANK} <em>(${escapeHtml(blank.hint)})</em>`;
  const gift = giftHtml(renderRichHtml(text, { ...OPTIONS, cloze }));
  return gift.split(BLANK).join(answers);
}
