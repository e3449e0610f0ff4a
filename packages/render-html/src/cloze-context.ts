import type { Cloze, ClozeBlank } from '@quizmark/model';
import { clozeBlanks } from '@quizmark/model';
import type { ClozeHtml } from '@quizmark/rich-html';
import Handlebars from 'handlebars';
import {
  baseContext,
  type Html,
  type ItemBaseContext,
  type RichRenderer,
} from './item-base-context.js';

export interface ClozeContext extends ItemBaseContext {
  type: 'cloze';
  /** The text with a field in each blank (study view). */
  text: Html;
  /** The text with each blank filled in and marked (answers, key). */
  filled: Html;
  blankCount: number;
  /** Each blank's answer, in order (for the study script's key). */
  blankAnswers: string[];
}

const attribute = Handlebars.escapeExpression;

export function clozeContext(item: Cloze, rich: RichRenderer, number: number): ClozeContext {
  // The title is a label, not part of the text: it is the heading alone.
  const base = baseContext(item, null, rich, number);
  const blanks = clozeBlanks(item.text);
  const count = blanks.length;
  return {
    ...base,
    type: 'cloze',
    text: rich.withBlanks(item.text, blankField(base.anchor, count)),
    filled: rich.withBlanks(item.text, filledBlank),
    blankCount: count,
    blankAnswers: blanks.map((blank) => blank.answer),
  };
}

/** A text field per blank, named by its place ("Blank 1 of 2"); the hint is its placeholder. */
function blankField(anchor: string, count: number): ClozeHtml {
  return (blank: ClozeBlank, index: number) => {
    const hint = blank.hint ? ` placeholder="${attribute(blank.hint)}"` : '';
    // Wide enough to write the answer in, on screen and on paper.
    const size = Math.min(40, Math.max(8, blank.answer.length + 2, (blank.hint ?? '').length + 2));
    return (
      `<span class="cloze-gap"><input type="text" class="cloze-blank" id="${anchor}-blank-${index + 1}"` +
      ` data-blank aria-label="Blank ${index + 1} of ${count}"` +
      `${hint} size="${size}" autocomplete="off" autocapitalize="off" spellcheck="false">` +
      '<span class="mark" data-mark aria-hidden="true"></span></span>'
    );
  };
}

const filledBlank: ClozeHtml = (blank) =>
  `<mark class="cloze-answer">${attribute(blank.answer)}</mark>`;
