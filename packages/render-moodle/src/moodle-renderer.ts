import type { Renderer } from '@quizmark/model';
import type { MoodleOptions } from './descriptor.js';
import { moodleXml } from './moodle-xml.js';

/** The `moodle` output: per deck `<name>.moodle.xml`, images inside it. */
export const moodleRenderer: Renderer<MoodleOptions> = {
  async render({ decks }) {
    return decks.map((input) => ({
      path: `${input.name}.moodle.xml`,
      bytes: new TextEncoder().encode(moodleXml(input)),
      label: 'Moodle XML question bank',
    }));
  },
};
