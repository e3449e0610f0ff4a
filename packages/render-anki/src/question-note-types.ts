import { ankiIdFor } from './anki-ids.js';
import { questionCardCss } from './card-css.js';
import type { NoteType, NoteTypeField } from './note-types.js';
import { badge, extraField, extraPart, hintLink, idField, part } from './template-parts.js';

// The note types of the question types added with schema 1.2. Their ids come
// from fixed keys like the first three; their fields never exceed the eleven
// of the choice note type, so the text import keeps its columns.

const field = (name: string, description: string): NoteTypeField => ({ name, description });

const difficulty = field('Difficulty', 'easy, medium or hard');
const hint = field('Hint', 'Revealed on demand on the front');

const front = (className: string, ...lines: string[]) =>
  [`<div class="qm ${className}">`, ...lines, '</div>'].join('\n');

const back = (className: string, ...lines: string[]) =>
  [
    '{{FrontSide}}',
    '<hr id="answer">',
    `<div class="qm ${className} qm-back">`,
    ...lines,
    extraPart('Extra'),
    '</div>',
  ].join('\n');

const answerPart = (label: string, fieldName: string) =>
  `<div class="qm-part qm-answer"><div class="qm-label">${label}</div>{{${fieldName}}}</div>`;

export const trueFalseNoteType: NoteType = {
  id: ankiIdFor('quizmark/notetype/truefalse@1'),
  key: 'quizmark/notetype/truefalse@1',
  name: 'quizmark True or False',
  kind: 'standard',
  fields: [
    field('Statement', 'The statement to judge'),
    field('Answer', 'True or False'),
    field('Feedback', 'What a learner who answered True, or False, is told'),
    difficulty,
    hint,
    extraField,
    idField,
  ],
  templates: [
    {
      name: 'Card 1',
      qfmt: front(
        'qm-truefalse',
        badge('Difficulty'),
        '<div class="qm-instruction">True or false?</div>',
        '<div class="qm-prompt">{{Statement}}</div>',
        hintLink('Hint'),
      ),
      afmt: back(
        'qm-truefalse',
        '<div class="qm-part qm-answer"><div class="qm-label">Answer</div><div class="qm-verdict">{{Answer}}</div></div>',
        part('Feedback', 'Feedback'),
      ),
    },
  ],
  css: questionCardCss,
};

export const typedAnswerNoteType: NoteType = {
  id: ankiIdFor('quizmark/notetype/typed@1'),
  key: 'quizmark/notetype/typed@1',
  name: 'quizmark Typed Answer',
  kind: 'standard',
  fields: [
    field('Question', 'The question'),
    field(
      'Answer',
      'What a learner types: the number with its unit, or the first accepted answer (plain text)',
    ),
    field(
      'Key',
      'The full key: the answer as written, the accepted interval or the other accepted answers, whether case matters',
    ),
    difficulty,
    hint,
    extraField,
    idField,
  ],
  templates: [
    {
      name: 'Card 1',
      qfmt: front(
        'qm-typed',
        badge('Difficulty'),
        '<div class="qm-prompt">{{Question}}</div>',
        hintLink('Hint'),
        '<div class="qm-typed-answer">{{type:Answer}}</div>',
      ),
      // {{FrontSide}} carries the typed answer: Anki shows the comparison in its place.
      afmt: back('qm-typed', answerPart('Answer', 'Key')),
    },
  ],
  css: questionCardCss,
};

export const clozeNoteType: NoteType = {
  id: ankiIdFor('quizmark/notetype/cloze@1'),
  key: 'quizmark/notetype/cloze@1',
  name: 'quizmark Cloze',
  kind: 'cloze',
  fields: [
    field('Text', 'The text with its blanks: {{c1::answer}}, {{c2::answer::hint}}'),
    field('Level', 'beginner, intermediate or advanced'),
    hint,
    field('Back Extra', 'Explanation, solution steps, quick check, common mistakes'),
    idField,
  ],
  templates: [
    {
      name: 'Cloze',
      qfmt: front(
        'qm-cloze',
        badge('Level'),
        '<div class="qm-cloze-text">{{cloze:Text}}</div>',
        hintLink('Hint'),
      ),
      // The back shows the text again with this card's blanks filled in:
      // {{FrontSide}} would show them hidden.
      afmt: [
        front('qm-cloze', badge('Level'), '<div class="qm-cloze-text">{{cloze:Text}}</div>'),
        '{{#Back Extra}}<hr id="answer">',
        '<div class="qm qm-cloze qm-back"><div class="qm-extra">{{Back Extra}}</div></div>{{/Back Extra}}',
      ].join('\n'),
    },
  ],
  css: questionCardCss,
};

export const matchingNoteType: NoteType = {
  id: ankiIdFor('quizmark/notetype/matching@1'),
  key: 'quizmark/notetype/matching@1',
  name: 'quizmark Matching',
  kind: 'standard',
  fields: [
    field('Question', 'The question'),
    field('Left', 'The entries to match, numbered, in author order'),
    field('Right', 'What they match, lettered, shuffled, with the entries that match nothing'),
    difficulty,
    field('Pairs', 'The correct pairs, as a table'),
    hint,
    extraField,
    idField,
  ],
  templates: [
    {
      name: 'Card 1',
      qfmt: front(
        'qm-matching',
        badge('Difficulty'),
        '<div class="qm-prompt">{{Question}}</div>',
        '<div class="qm-instruction">Match each number with a letter</div>',
        '<div class="qm-match"><div class="qm-match-left">{{Left}}</div><div class="qm-match-right">{{Right}}</div></div>',
        hintLink('Hint'),
      ),
      afmt: back('qm-matching', answerPart('Pairs', 'Pairs')),
    },
  ],
  css: questionCardCss,
};

export const orderingNoteType: NoteType = {
  id: ankiIdFor('quizmark/notetype/ordering@1'),
  key: 'quizmark/notetype/ordering@1',
  name: 'quizmark Ordering',
  kind: 'standard',
  fields: [
    field('Question', 'The question'),
    field('Entries', 'The entries, lettered, shuffled'),
    difficulty,
    field('Order', 'The entries in the correct order, numbered'),
    hint,
    extraField,
    idField,
  ],
  templates: [
    {
      name: 'Card 1',
      qfmt: front(
        'qm-ordering',
        badge('Difficulty'),
        '<div class="qm-prompt">{{Question}}</div>',
        '<div class="qm-instruction">Put these in order</div>',
        '<div class="qm-options">{{Entries}}</div>',
        hintLink('Hint'),
      ),
      afmt: back('qm-ordering', answerPart('Correct order', 'Order')),
    },
  ],
  css: questionCardCss,
};
