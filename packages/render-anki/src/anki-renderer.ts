import type { RenderedFile, Renderer } from '@quizmark/model';
import type { AnkiOptions } from './descriptor.js';
import { ankiDeckContent } from './anki-notes.js';
import { checkSourceDateEpoch, writeAnkiPackage } from './anki-package.js';
import { writeAnkiText } from './anki-text.js';


/**
 * The `anki` output: per deck `<name>.apkg`, and unless `text: false`,
 * `<name>.anki.txt` with its images in `<name>.anki-media/`.
 */
export const ankiRenderer: Renderer<AnkiOptions> = {
  async render({ decks, options, sourceDateEpoch }) {
    const epoch = checkSourceDateEpoch(sourceDateEpoch);
    const files: RenderedFile[] = [];
    for (const input of decks) {
      const content = ankiDeckContent(input);
      files.push({ path: `${input.name}.apkg`, bytes: await writeAnkiPackage(content, epoch) });
      if (options.text === false) continue;
      files.push({
        path: `${input.name}.anki.txt`,
        bytes: new TextEncoder().encode(writeAnkiText(content)),
      });
      for (const file of content.media) {
        files.push({ path: `${input.name}.anki-media/${file.name}`, bytes: file.bytes });
      }
    }
    return files;
  },
};
