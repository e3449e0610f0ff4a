export { ankiIdFor, guidFor } from './anki-ids.js';
export {
  type AnkiDeck,
  type AnkiDeckContent,
  type AnkiMediaFile,
  type AnkiNote,
  ankiDeckContent,
} from './anki-notes.js';
export { ankiPackageBytes, buildAnkiPackage } from './anki-package.js';
export { ankiRenderer } from './anki-renderer.js';
export { normalizeAnkiTag, noteTags } from './anki-tags.js';
export { ankiTextImport } from './anki-text.js';
export { cardCss } from './card-css.js';
export { type CardPreview, renderCardPreview } from './card-preview.js';
export { type CardRequirement, cardRequirement } from './card-requirements.js';
export {
  type CardTemplateOptions,
  isFieldEmpty,
  type NoteFieldValues,
  renderCardTemplate,
} from './card-template.js';
export { COLLECTION_SCHEMA_11, COLLECTION_SCHEMA_VERSION } from './collection-schema.js';
export { normalizeDeckName } from './deck-names.js';
export { type AnkiOptions, AnkiOptionsSchema, ankiDescriptor } from './descriptor.js';
export { mediaFileName } from './media-names.js';
export { type CardTemplate, type NoteType, type NoteTypeField, noteTypes } from './note-types.js';
export { fieldChecksum, stripFieldHtml } from './sort-field.js';
