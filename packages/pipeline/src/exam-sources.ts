import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, posix, resolve } from 'node:path';
import type { ExamDeckFile } from '@quizmark/blueprint';
import { examDeckPaths } from '@quizmark/blueprint/files';
import type { DeckFile } from './discover.js';
import { isInside } from './path-containment.js';

/** A deck an exam names, read (or refused) once: for the exam's cache key and for `buildExam`. */
export interface ExamDeckRead {
  /** The path as written in the exam's `from:`. */
  written: string;
  deck: ExamDeckFile;
  /** The real path read, to date the exam and tell when the deck changes; null when refused. */
  real: string | null;
}

/**
 * Reads every deck an exam file names, resolved from the exam's folder. A
 * deck must stay inside the exam's content root, also through symlinks, as
 * images must (assets.ts): anything else is refused with the reason, which
 * the blueprint reports at the `from:` that names it ("cannot read x.md:
 * <reason>"), and is never read.
 */
export function readExamDecks(exam: DeckFile, text: string): ExamDeckRead[] {
  let realRoot: string;
  try {
    realRoot = realpathSync(exam.root);
  } catch {
    realRoot = exam.root;
  }
  const written = [...new Set(examDeckPaths(text))];
  return written.map((path) => {
    // As diagnostics name files: relative to the working folder, like the exam's own display.
    const file = posix.normalize(posix.join(posix.dirname(exam.display), path));
    const refused = (error: string): ExamDeckRead => ({
      written: path,
      deck: { file, error },
      real: null,
    });
    if (isAbsolute(path) || path.startsWith('/'))
      return refused('it is an absolute path: use a path relative to the exam file');
    const target = resolve(dirname(exam.path), path);
    if (!isInside(exam.root, target))
      return refused('it points outside the content folder, so it is not read');
    let real: string;
    try {
      real = realpathSync(target);
    } catch {
      return refused(`not found (looked for \`${file}\`)`);
    }
    if (!isInside(realRoot, real))
      return refused('it is a link that leads outside the content folder');
    // A FIFO or a device would block the build; a folder is not a deck.
    if (!statSync(real).isFile()) return refused('it is not a regular file');
    return { written: path, deck: { file, bytes: readFileSync(real) }, real };
  });
}

/** What an exam's cache key covers besides its own text: every deck named, with its bytes or why it was refused. */
export function examDeckKeyParts(decks: readonly ExamDeckRead[]): Array<string | Uint8Array> {
  return decks.flatMap(({ written, deck }) =>
    'bytes' in deck ? [written, 'bytes', deck.bytes] : [written, 'error', deck.error],
  );
}

/**
 * The folders holding the decks an exam file names, resolved from its
 * folder (for watch mode, which must see a drawn-from deck change); [] when
 * the file cannot be read.
 */
export function examDeckFolders(examPath: string): string[] {
  let text: string;
  try {
    text = readFileSync(examPath, 'utf8');
  } catch {
    return [];
  }
  const folders = examDeckPaths(text)
    .filter((path) => !isAbsolute(path))
    .map((path) => dirname(resolve(dirname(examPath), path)));
  return [...new Set(folders)].sort();
}
