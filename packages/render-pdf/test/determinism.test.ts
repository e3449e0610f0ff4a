import { deckOf, flashcard, rich } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { type PdfOptions, pdfRenderer } from '../src/index.js';
import { polyglotAssets, polyglotDeck, seedDeck } from './parsed-decks.js';
import { pdfText, poppler, squash } from './pdf-tools.js';

// Fonts are parsed once per process and shared by every document, so this
// file checks, from a fresh process state, that nothing a document draws
// leaks into the next one.

const seed = (options: PdfOptions) =>
  pdfRenderer.render({
    decks: [{ deck: seedDeck(), name: 'mlops', assets: new Map() }],
    options,
    sourceDateEpoch: 1_700_000_000,
  });

describe('shared fonts', () => {
  it.skipIf(!poppler.available)(
    'should map every glyph back to its character, whatever documents came before',
    async () => {
      // Greek capital epsilon is drawn from the Latin E glyph. Subsetting the
      // quiz must not leave E without its character for the key that follows.
      const card = flashcard('greek');
      card.front = rich('ΕΛΛΗΝΙΚΆ: Ε, Η, Ι, Κ, Ν');
      const files = await pdfRenderer.render({
        decks: [{ deck: deckOf({ Cards: [card] }), name: 'greek', assets: new Map() }],
        options: {},
        sourceDateEpoch: 0,
      });
      expect(squash(pdfText(files[0]!.bytes))).toContain('ΕΛΛΗΝΙΚΆ:Ε,Η,Ι,Κ,Ν');
      expect(squash(pdfText(files[1]!.bytes))).toContain('ANSWERKEY');
      const [quiz] = await seed({});
      expect(squash(pdfText(quiz!.bytes))).toContain(
        squash('11. Explain what MLOps is and why it is useful.'),
      );
    },
  );

  it('should give the same bytes before and after other documents', async () => {
    const options: PdfOptions = { versions: 2, seed: 'fresh' };
    const fresh = await seed(options);
    // Accented letters are built from base glyphs (é from e and ´): subsetting
    // them must not change how later documents map e back to its character.
    await pdfRenderer.render({
      decks: [{ deck: polyglotDeck(), name: 'polyglot', assets: polyglotAssets() }],
      options: {},
      sourceDateEpoch: 0,
    });
    const later = await seed(options);
    expect(later.map((file) => file.path)).toEqual(fresh.map((file) => file.path));
    later.forEach((file, index) => {
      expect(Buffer.from(file.bytes).equals(Buffer.from(fresh[index]!.bytes))).toBe(true);
    });
  });
});
