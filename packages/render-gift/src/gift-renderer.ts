import type { Renderer } from '@quizmark/model';
import type { GiftOptions } from './descriptor.js';
import { giftFile } from './gift-file.js';

/** The `gift` output: per deck `<name>.gift`. */
export const giftRenderer: Renderer<GiftOptions> = {
  async render({ decks }) {
    return decks.map((input) => ({
      path: `${input.name}.gift`,
      bytes: new TextEncoder().encode(giftFile(input.deck)),
      label: 'GIFT questions for Moodle',
    }));
  },
};
