/**
 * Version of the model's JSON shape. Bump the major part for breaking
 * changes, the minor part for new fields; consumers check it before reading
 * a deck. 1.1: the deck's author, course, date, version and instructions.
 */
export const SCHEMA_VERSION = '1.1';
