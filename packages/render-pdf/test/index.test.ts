import { ITEM_TYPES, type RenderRequest, RICH_NODE_TYPES } from '@quizmark/model';
import { choice, deckOf, runTool } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { type PdfOptions, pdfRenderer } from '../src/index.js';
import { polyglotAssets, polyglotDeck, seedDeck } from './parsed-decks.js';
import { poppler, qpdf, withPdfFile } from './pdf-tools.js';

const EPOCH = 1_700_000_000;

function request(options: PdfOptions, epoch = EPOCH): RenderRequest<PdfOptions> {
  return {
    decks: [{ deck: seedDeck(), name: 'mlops', assets: new Map() }],
    options,
    sourceDateEpoch: epoch,
  };
}

describe('@quizmark/render-pdf', () => {
  it('should expose the public api', () => {
    expect(Object.keys(api).sort()).toEqual([
      'PAPER_SIZES',
      'PdfOptionsSchema',
      'PdfSelectionSchema',
      'layoutQuiz',
      'paginate',
      'pdfDescriptor',
      'pdfRenderer',
      'planVersions',
      'selectItems',
    ]);
    expect(api.pdfDescriptor.format).toBe('pdf');
  });

  it('should carry every item type and node type, cloze blanks included', () => {
    expect([...api.pdfDescriptor.carries.itemTypes]).toEqual([...ITEM_TYPES]);
    expect(api.pdfDescriptor.carries.nodes).toContain('cloze');
    expect([...api.pdfDescriptor.carries.nodes].sort()).toEqual([...RICH_NODE_TYPES].sort());
  });

  it('should write a quiz and an answer key per deck, named for what they are', async () => {
    const files = await pdfRenderer.render(request({}));
    expect(files.map((file) => file.path)).toEqual(['mlops.quiz.pdf', 'mlops.key.pdf']);
    for (const file of files)
      expect(Buffer.from(file.bytes.subarray(0, 8)).toString('latin1')).toBe('%PDF-1.7');
  });

  it('should write a quiz and a key per version, lettered A, B, C', async () => {
    const files = await pdfRenderer.render(request({ versions: 3, seed: 'monday' }));
    expect(files.map((file) => file.path)).toEqual([
      'mlops.A.quiz.pdf',
      'mlops.A.key.pdf',
      'mlops.B.quiz.pdf',
      'mlops.B.key.pdf',
      'mlops.C.quiz.pdf',
      'mlops.C.key.pdf',
    ]);
  });

  it('should give the same bytes for the same input, options and date', async () => {
    const options: PdfOptions = { versions: 2, seed: 's', select: { count: 8 } };
    const first = await pdfRenderer.render(request(options));
    // Other decks in between fill the shared font and code caches with other text.
    await pdfRenderer.render({
      decks: [{ deck: polyglotDeck(), name: 'polyglot', assets: polyglotAssets() }],
      options: { versions: 2, seed: 'other' },
      sourceDateEpoch: EPOCH,
    });
    const second = await pdfRenderer.render(request(options));
    expect(second.map((file) => Buffer.from(file.bytes).toString('base64'))).toEqual(
      first.map((file) => Buffer.from(file.bytes).toString('base64')),
    );
  });

  it('should stamp the source date, not the clock, into the document dates', async () => {
    const [quiz] = await pdfRenderer.render(request({}, 0));
    const text = Buffer.from(quiz!.bytes).toString('latin1');
    expect(text).toContain('(D:19700101000000Z)');
    expect(text).not.toContain('(D:2023');
    const [later] = await pdfRenderer.render(request({}, EPOCH));
    expect(Buffer.from(later!.bytes).toString('latin1')).toContain('(D:20231114221320Z)');
  });

  it('should refuse a selection that matches nothing with a message naming deck and criteria', async () => {
    await expect(
      pdfRenderer.render(request({ select: { types: ['explain'], difficulties: ['hard'] } })),
    ).rejects.toThrow(
      'No question in deck "mlops-basics" matches the selection (types explain; difficulties hard); the deck has 17 items',
    );
  });

  it('should refuse bad options in its schema, with what each option takes', () => {
    const expected = (options: unknown) =>
      api.PdfOptionsSchema.safeParse(options).error?.issues.map((issue) => issue.message);
    expect(expected({ versions: 0 })).toEqual(['a whole number from 1 to 26']);
    expect(expected({ versions: 27 })).toEqual(['a whole number from 1 to 26']);
    expect(expected({ versions: 2.5 })).toEqual(['a whole number from 1 to 26']);
    expect(expected({ paper: 'a5' })).toEqual(['one of a4, letter']);
    expect(expected({ select: { count: 0 } })).toEqual(['a whole number of at least 1']);
    expect(expected({ select: { types: ['quiz'] } })).toEqual([
      'one of flashcard, choice, explain, truefalse, numeric, short, cloze, matching, ordering',
    ]);
    expect(expected({ select: { types: ['cloze', 'matching', 'ordering'] } })).toBeUndefined();
    expect(expected({ select: { difficulties: ['medium', 'tricky'] } })).toEqual([
      'one of easy, medium, hard',
    ]);
    expect(expected({ papr: 'a4' })).toHaveLength(1);
    expect(
      expected({ paper: 'letter', versions: 3, seed: 's', select: { count: 2 } }),
    ).toBeUndefined();
  });

  it('should refuse a source date that is not a number', async () => {
    await expect(pdfRenderer.render(request({}, Number.NaN))).rejects.toThrow(
      'Invalid sourceDateEpoch',
    );
  });

  it('should skip a deck whose questions the selection leaves out, and refuse a deck without any', async () => {
    const input = { deck: seedDeck(), name: 'mlops', assets: new Map() };
    const dates = { sourceDateEpoch: 1_700_000_000, lastChange: 1_700_000_000 };
    expect(
      await api.pdfDescriptor.check?.(
        input,
        { select: { types: ['explain'], difficulties: ['hard'] } },
        dates,
      ),
    ).toEqual([
      {
        ruleId: 'pdf-no-match',
        message:
          'No question in deck "mlops-basics" matches the selection (types explain; difficulties hard); the deck has 17 items: no PDF for it',
        item: null,
        skip: true,
      },
    ]);
    expect(await api.pdfDescriptor.check?.({ ...input, deck: deckOf({}) }, {}, dates)).toEqual([
      {
        ruleId: 'pdf-no-questions',
        message: 'Deck "test-deck" has no questions to print',
        item: null,
      },
    ]);
    expect(await api.pdfDescriptor.check?.(input, {}, dates)).toEqual([]);
  });

  it('should refuse a deck without questions', async () => {
    await expect(
      pdfRenderer.render({
        decks: [{ deck: deckOf({}), name: 'empty', assets: new Map() }],
        options: {},
        sourceDateEpoch: EPOCH,
      }),
    ).rejects.toThrow('Deck "test-deck" has no questions to print');
  });

  it('should set the page size from the paper option', async () => {
    const deck = deckOf({ Quiz: [choice('q1')] });
    for (const [paper, size] of [
      ['a4', '595.28 x 841.89'],
      ['letter', '612 x 792'],
    ] as const) {
      const [quiz] = await pdfRenderer.render({
        decks: [{ deck, name: 'd', assets: new Map() }],
        options: { paper },
        sourceDateEpoch: EPOCH,
      });
      if (!poppler.available) return;
      const info = withPdfFile(quiz!.bytes, (file) => runTool('pdfinfo', [file]));
      expect(info).toMatch(new RegExp(`Page size:\\s+${size} pts`));
    }
  });

  it.skipIf(!qpdf.available || !poppler.available)(
    'should write valid PDFs that embed every font they use',
    async () => {
      const files = await pdfRenderer.render({
        decks: [
          { deck: seedDeck(), name: 'mlops', assets: new Map() },
          { deck: polyglotDeck(), name: 'polyglot', assets: polyglotAssets() },
        ],
        options: { versions: 2, seed: 'check' },
        sourceDateEpoch: EPOCH,
      });
      expect(files).toHaveLength(8);
      for (const file of files) {
        withPdfFile(file.bytes, (path) => {
          expect(runTool('qpdf', ['--check', path])).toContain(
            'No syntax or stream encoding errors',
          );
          const fonts = runTool('pdffonts', [path]).trim().split('\n').slice(2);
          expect(fonts.length).toBeGreaterThan(0);
          for (const font of fonts) {
            // name, type, encoding, then emb / sub / uni as yes or no.
            expect(font).toMatch(/\+DejaVuSans[\w-]*\s+CID TrueType\s+Identity-H\s+yes yes yes/);
          }
        });
      }
    },
  );
});
