import type { ItemType } from '@quizmark/model';
import { ankiIdFor } from './anki-ids.js';
import { cardCss } from './card-css.js';
import {
  clozeNoteType,
  matchingNoteType,
  orderingNoteType,
  trueFalseNoteType,
  typedAnswerNoteType,
} from './question-note-types.js';
import { badge, extraField, extraPart, hintLink, idField, part } from './template-parts.js';

export interface NoteTypeField {
  name: string;
  /** Shown by Anki's editor as the field's placeholder. */
  description: string;
}

export interface CardTemplate {
  name: string;
  /** Front (question) format. */
  qfmt: string;
  /** Back (answer) format. */
  afmt: string;
}

/** A quizmark note type: what Anki calls a model. */
export interface NoteType {
  /** Anki model id, derived from `key`: never changes when templates or CSS do. */
  id: number;
  /** Stable namespace of the id; the `@1` part changes only if the fields change incompatibly. */
  key: string;
  name: string;
  /**
   * Anki's model type: `standard` makes one card per template; `cloze` one
   * card per cloze number in the text (`ord` = number - 1), from its single
   * template.
   */
  kind: 'standard' | 'cloze';
  fields: readonly NoteTypeField[];
  templates: readonly CardTemplate[];
  css: string;
}

const flashcard: NoteType = {
  id: ankiIdFor('quizmark/notetype/basic@1'),
  key: 'quizmark/notetype/basic@1',
  name: 'quizmark Flashcard',
  kind: 'standard',
  fields: [
    { name: 'Front', description: 'The question' },
    { name: 'Back', description: 'The answer' },
    { name: 'Level', description: 'beginner, intermediate or advanced' },
    { name: 'Hint', description: 'Revealed on demand on the front' },
    extraField,
    idField,
  ],
  templates: [
    {
      name: 'Card 1',
      qfmt: [
        '<div class="qm qm-flashcard">',
        badge('Level'),
        '<div class="qm-prompt">{{Front}}</div>',
        hintLink('Hint'),
        '</div>',
      ].join('\n'),
      afmt: [
        '{{FrontSide}}',
        '<hr id="answer">',
        '<div class="qm qm-flashcard qm-back">',
        '<div class="qm-answer-text">{{Back}}</div>',
        extraPart('Extra'),
        '</div>',
      ].join('\n'),
    },
  ],
  css: cardCss,
};

const choice: NoteType = {
  id: ankiIdFor('quizmark/notetype/choice@1'),
  key: 'quizmark/notetype/choice@1',
  name: 'quizmark Multiple Choice',
  kind: 'standard',
  fields: [
    { name: 'Question', description: 'The question (stem), with any code or context' },
    { name: 'Options', description: 'The lettered options, in author order' },
    { name: 'Multiple', description: 'Not empty when several options are correct' },
    { name: 'Difficulty', description: 'easy, medium or hard' },
    { name: 'Answer', description: 'The correct option(s), with their letters' },
    { name: 'Explanation', description: 'Why the answer is right' },
    { name: 'Solution', description: 'Worked solution steps' },
    { name: 'Quick Check', description: 'A one-line check of the answer' },
    { name: 'Hint', description: 'A hint' },
    { name: 'Common Mistakes', description: 'Mistakes learners often make' },
    idField,
  ],
  templates: [
    {
      name: 'Card 1',
      qfmt: [
        '<div class="qm qm-choice">',
        badge('Difficulty'),
        '<div class="qm-prompt">{{Question}}</div>',
        '{{#Multiple}}<div class="qm-instruction">Select all that apply</div>{{/Multiple}}',
        '<div class="qm-options">{{Options}}</div>',
        '</div>',
      ].join('\n'),
      afmt: [
        '{{FrontSide}}',
        '<hr id="answer">',
        '<div class="qm qm-choice qm-back">',
        '<div class="qm-part qm-answer"><div class="qm-label">{{#Multiple}}Correct answers{{/Multiple}}{{^Multiple}}Correct answer{{/Multiple}}</div>{{Answer}}</div>',
        part('Explanation', 'Explanation'),
        part('Solution', 'Solution'),
        part('Quick Check', 'Quick check'),
        part('Hint', 'Hint', 'qm-hint-part'),
        part('Common Mistakes', 'Common mistakes', 'qm-mistakes-part'),
        '</div>',
      ].join('\n'),
    },
  ],
  css: cardCss,
};

const explain: NoteType = {
  id: ankiIdFor('quizmark/notetype/explain@1'),
  key: 'quizmark/notetype/explain@1',
  name: 'quizmark Explain',
  kind: 'standard',
  fields: [
    { name: 'Prompt', description: 'What to explain' },
    { name: 'Hint', description: 'Shown with the prompt' },
    { name: 'Concepts', description: 'The key points a good answer names, as a checklist' },
    { name: 'Level', description: 'beginner, intermediate or advanced' },
    extraField,
    idField,
  ],
  templates: [
    {
      name: 'Card 1',
      qfmt: [
        '<div class="qm qm-explain">',
        badge('Level'),
        '<div class="qm-instruction">Explain in your own words</div>',
        '<div class="qm-prompt">{{Prompt}}</div>',
        part('Hint', 'Hint', 'qm-hint-part'),
        '</div>',
      ].join('\n'),
      afmt: [
        '{{FrontSide}}',
        '<hr id="answer">',
        '<div class="qm qm-explain qm-back">',
        '<div class="qm-part"><div class="qm-label">Key concepts: tick the ones you named</div>{{Concepts}}</div>',
        extraPart('Extra'),
        '</div>',
      ].join('\n'),
    },
  ],
  css: cardCss,
};

/**
 * The note type of each item type. Numeric and short answers share the
 * typed-answer note type: both are "type what you know, compare with the key".
 * A package holds the note types its notes use, in this order.
 */
export const noteTypes: Readonly<Record<ItemType, NoteType>> = {
  flashcard,
  choice,
  explain,
  truefalse: trueFalseNoteType,
  numeric: typedAnswerNoteType,
  short: typedAnswerNoteType,
  cloze: clozeNoteType,
  matching: matchingNoteType,
  ordering: orderingNoteType,
};
