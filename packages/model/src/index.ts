export * from './deck.js';
export * from './diagnostic.js';
export * from './json-schema.js';
export type * from './renderer.js';
export * from './rich-text.js';
export { SCHEMA_VERSION } from './schema-version.js';
