import type { RenderedFile, Renderer } from '@quizmark/model';
import { ankiDeckContent } from './anki-notes.js';
import { ankiPackageBytes, checkSourceDateEpoch } from './anki-package.js';
import { ankiTextImport } from './anki-text.js';
import type { AnkiOptions } from './descriptor.js';

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
      files.push({
        path: `${input.name}.apkg`,
        bytes: await ankiPackageBytes(content, epoch),
        label: 'Anki package (.apkg)',
      });
      if (options.text === false) continue;
      files.push({
        path: `${input.name}.anki.txt`,
        bytes: new TextEncoder().encode(ankiTextImport(content)),
        label: 'Anki text import',
      });
      for (const file of content.media) {
        files.push({ path: `${input.name}.anki-media/${file.name}`, bytes: file.bytes });
      }
    }
    return files;
  },
};
