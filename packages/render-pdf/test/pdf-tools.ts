import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTool, systemTool } from '@quizmark/testing';

// poppler and qpdf read the PDFs the way a viewer and a printer would.

export const poppler = systemTool('pdftotext', 'poppler-utils');
export const qpdf = systemTool('qpdf', 'qpdf');

/** Runs a tool on the bytes written to a temporary file. */
export function withPdfFile<T>(bytes: Uint8Array, run: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'quizmark-pdf-'));
  const file = join(dir, 'out.pdf');
  try {
    writeFileSync(file, bytes);
    return run(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function pdfText(bytes: Uint8Array): string {
  return withPdfFile(bytes, (file) => runTool('pdftotext', ['-enc', 'UTF-8', file, '-']));
}

/** Text without any white space: line wrapping and column gaps differ, the characters do not. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * Index after each needle found in order in `haystack`; throws naming the
 * first needle missing (or found only before the previous one).
 */
export function findInOrder(haystack: string, needles: readonly string[]): number[] {
  const ends: number[] = [];
  let from = 0;
  for (const needle of needles) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) throw new Error(`not found in order: ${JSON.stringify(needle)}`);
    from = at + needle.length;
    ends.push(from);
  }
  return ends;
}
