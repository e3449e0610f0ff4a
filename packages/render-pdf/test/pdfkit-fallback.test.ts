import { join } from 'node:path';
import { deckOf, flashcard } from '@quizmark/testing';
import { describe, expect, it, vi } from 'vitest';
import { pdfRenderer } from '../src/index.js';
import { INSTALLED, INTERNALS_MISMATCH } from '../src/pdfkit-internals.js';
import { fontHost, parsedFace } from '../src/shared-fonts.js';
import { pdfText, poppler, squash } from './pdf-tools.js';

// This file's modules see a newer fontkit than the internals were written
// for (its package.json reads 2.0.5), as a fresh install could bring: every
// document must then take pdfkit's public font path, and still print.
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const readFileSync = ((path: string, ...rest: unknown[]) => {
    const read = (fs.readFileSync as (...args: unknown[]) => string | Buffer)(path, ...rest);
    if (!String(path).endsWith(join('fontkit', 'package.json'))) return read;
    return JSON.stringify({ ...JSON.parse(String(read)), version: '2.0.5' });
  }) as typeof fs.readFileSync;
  return { ...fs, default: { ...fs, readFileSync }, readFileSync };
});

describe('pdfkit internals of another version', () => {
  it('should be refused, naming the versions found and expected', () => {
    expect(INSTALLED).toEqual({ pdfkit: '0.17.2', fontkit: '2.0.5' });
    expect(INTERNALS_MISMATCH).toContain('pdfkit 0.17.2 and fontkit 2.0.5 are installed');
    expect(INTERNALS_MISMATCH).toContain('written for pdfkit 0.17.2 and fontkit 2.0.4');
    expect(parsedFace('sans')).toBeNull();
    // Measuring falls back to pdfkit's own widthOfString, which still works.
    expect(fontHost().font('sans').fontSize(10).widthOfString('Quiz')).toBeGreaterThan(10);
  });

  it.skipIf(!poppler.available)(
    "should still print every document, through pdfkit's public font path",
    async () => {
      const card = flashcard('fallback', { front: 'Ünïcode and Ελληνικά on the front' });
      const files = await pdfRenderer.render({
        decks: [{ deck: deckOf({ Cards: [card] }), name: 'fallback', assets: new Map() }],
        options: {},
        sourceDateEpoch: 1_700_000_000,
      });
      expect(files).toHaveLength(2);
      expect(squash(pdfText(files[0]!.bytes))).toContain(
        squash('Ünïcode and Ελληνικά on the front'),
      );
      expect(squash(pdfText(files[1]!.bytes))).toContain('ANSWERKEY');
    },
  );
});
