import type { ClozeBlank } from '@quizmark/model';
import { escapeHtmlText } from './html-escape.js';

/**
 * The HTML a caller gives for a cloze blank (`index`: the blank's position
 * in reading order within the text being rendered). It is trusted: it goes
 * into the output as is, after the author's HTML has been sanitised.
 */
export type ClozeHtml = (blank: ClozeBlank, index: number) => string;

/** A blank without a caller's hook: its answer, marked. */
export const defaultClozeHtml: ClozeHtml = (blank) =>
  `<span class="cloze">${escapeHtmlText(blank.answer)}</span>`;
