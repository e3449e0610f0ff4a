import type { NoteTypeField } from './note-types.js';

// Pieces of card templates that several note types share.

/** A level or difficulty badge, shown only when the field is filled. */
export const badge = (field: string) =>
  `{{#${field}}}<div class="qm-meta"><span class="qm-badge qm-badge-{{text:${field}}}">{{text:${field}}}</span></div>{{/${field}}}`;

/** A labelled part of the back, shown only when the field is filled. */
export const part = (field: string, label: string, className = '') =>
  `{{#${field}}}<div class="qm-part${className ? ` ${className}` : ''}"><div class="qm-label">${label}</div>{{${field}}}</div>{{/${field}}}`;

/** Anki's own hint link on the front: the hint stays hidden until asked for. */
export const hintLink = (field: string) => `{{#${field}}}{{hint:${field}}}{{/${field}}}`;

/** The Extra field on the back: explanation, solution steps, quick check, common mistakes. */
export const extraPart = (field: string) =>
  `{{#${field}}}<div class="qm-extra">{{${field}}}</div>{{/${field}}}`;

export const idField: NoteTypeField = {
  name: 'Id',
  description: 'quizmark item id: the note GUID comes from it (shown for reference, not on cards)',
};

export const extraField: NoteTypeField = {
  name: 'Extra',
  description: 'Explanation, solution steps, quick check, common mistakes',
};
