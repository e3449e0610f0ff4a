import type { Diagnostic } from '@quizmark/model';
import type { DeckFile } from './discover.js';

// File systems allow 255 bytes per name; outputs add a suffix to the deck's
// name (`.answers.html`, `.anki-media`), and any future format may add a
// longer one, so a deck's name keeps 55 bytes free.
export const MAX_NAME_BYTES = 200;
// Far below PATH_MAX (4096), which also counts the output folder's own path.
const MAX_PATH_BYTES = 1024;

/**
 * The error for a deck whose outputs could not be written because their
 * names are too long (reported by `check` too, so that it agrees with
 * `build`); null when the name fits.
 */
export function checkOutputName(file: DeckFile): Diagnostic | null {
  const parts = file.name.split('/');
  const longest = parts.reduce((a, b) => (bytes(b) > bytes(a) ? b : a), '');
  let message: string | null = null;
  if (bytes(longest) > MAX_NAME_BYTES)
    message = `output name \`${shorten(longest)}\` is ${bytes(longest)} bytes long; outputs add a suffix and file systems allow 255 bytes per name: rename the file to at most ${MAX_NAME_BYTES} bytes`;
  else if (bytes(file.name) > MAX_PATH_BYTES)
    message = `output path \`${shorten(file.name)}\` is ${bytes(file.name)} bytes long: move the deck to a folder at most ${MAX_PATH_BYTES} bytes deep`;
  if (message === null) return null;
  return {
    file: file.display,
    line: 1,
    column: 1,
    endLine: null,
    endColumn: null,
    severity: 'error',
    ruleId: 'output-name-too-long',
    message,
    source: 'quizmark',
  };
}

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const shorten = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);
