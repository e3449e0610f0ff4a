import type { Deck } from '@quizmark/model';
import { runTool } from '@quizmark/testing';
import { type PdfOptions, pdfRenderer } from '../src/index.js';
import { loadDeck } from './parsed-decks.js';
import { withPdfFile } from './pdf-tools.js';

// Printed exams for the tests: rendered through the renderer, read back
// with poppler (pdftotext -layout keeps each printed line on one line).

export const examDeck = (): Deck => loadDeck(new URL('./fixtures/exam.md', import.meta.url));

/** Every file the renderer writes for `deck`, by path. */
export async function renderFiles(
  deck: Deck,
  options: PdfOptions = {},
): Promise<Map<string, Uint8Array>> {
  const files = await pdfRenderer.render({
    decks: [{ deck, name: 'exam', assets: new Map() }],
    options,
    sourceDateEpoch: 0,
  });
  return new Map(files.map((file) => [file.path, file.bytes]));
}

/** The quiz and key of a single-version deck. */
export async function renderPair(deck: Deck, options: PdfOptions = {}) {
  const files = await renderFiles(deck, options);
  return { quiz: files.get('exam.quiz.pdf')!, key: files.get('exam.key.pdf')! };
}

/** Each page's text as pdftotext -layout prints it. */
export function layoutPages(bytes: Uint8Array): string[] {
  const text = withPdfFile(bytes, (file) =>
    runTool('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']),
  );
  return text.split('\f').slice(0, -1);
}

/** The page count pdfinfo reads. */
export function pageCount(bytes: Uint8Array): number {
  const info = withPdfFile(bytes, (file) => runTool('pdfinfo', [file]));
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}
