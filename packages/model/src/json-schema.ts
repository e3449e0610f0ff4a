import { z } from 'zod';
import { DeckSchema } from './deck.js';
import { SCHEMA_VERSION } from './schema-version.js';

export const JSON_SCHEMA_ID = `https://quizmark.dev/schema/deck-${SCHEMA_VERSION}.json`;

/** The JSON Schema (draft 2020-12) of a deck, generated from the zod schemas. */
export function deckJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(DeckSchema, {
    target: 'draft-2020-12',
    io: 'output',
    cycles: 'ref',
  });
  return { ...schema, $id: JSON_SCHEMA_ID };
}
