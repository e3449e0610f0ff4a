import { type Deck, DeckSchema, type Renderer } from '@quizmark/model';
import type { JsonOptions } from './descriptor.js';

/**
 * A deck as JSON text: validated against the model, keys in schema order
 * (zod rebuilds objects in the order of their shape), 2-space indent and a
 * trailing newline, so the same deck always gives the same bytes.
 */
export function renderDeckJson(deck: Deck): string {
  return `${JSON.stringify(DeckSchema.parse(deck), null, 2)}\n`;
}

/** Writes `<name>.json` per deck. */
export const jsonRenderer: Renderer<JsonOptions> = {
  async render({ decks }) {
    const encoder = new TextEncoder();
    return decks.map((input) => ({
      path: `${input.name}.json`,
      bytes: encoder.encode(renderDeckJson(input.deck)),
      label: 'JSON',
    }));
  },
};
