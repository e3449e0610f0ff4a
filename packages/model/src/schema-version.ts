/**
 * Version of the model's JSON shape. Bump the major part for breaking
 * changes; consumers check it before reading a deck.
 */
export const SCHEMA_VERSION = '1.0';
