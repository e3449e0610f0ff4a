import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DeckInput, DeckSchema, type RenderedFile, type Renderer } from '@quizmark/model';
import { parseDeck } from '@quizmark/parser';
import { writeOutputs } from '@quizmark/pipeline';
import { ankiRenderer } from '@quizmark/render-anki';
import { htmlRenderer } from '@quizmark/render-html';
import { jsonRenderer } from '@quizmark/render-json';
import { pdfRenderer } from '@quizmark/render-pdf';

export interface StageTiming {
  stage: string;
  ms: number;
}

const RENDERERS: Array<[string, Renderer<never>]> = [
  ['render json', jsonRenderer as Renderer<never>],
  ['render html', htmlRenderer as Renderer<never>],
  ['render anki', ankiRenderer as Renderer<never>],
  ['render pdf', pdfRenderer as Renderer<never>],
];

/** Times each stage of the pipeline on one thread, in this process, with no cache. */
export async function timeStages(corpusDir: string, outDir: string): Promise<StageTiming[]> {
  const timings: StageTiming[] = [];
  const time = async <T>(stage: string, work: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    timings.push({ stage, ms: performance.now() - started });
    return result;
  };
  const names = readdirSync(corpusDir)
    .filter((name) => name.endsWith('.md'))
    .sort();
  const sources = await time('read', () =>
    names.map((name) => readFileSync(join(corpusDir, name))),
  );
  const results = await time('parse + validate', () =>
    sources.map((bytes, index) => parseDeck(bytes, { file: names[index]! })),
  );
  const decks = results.map((result) => {
    if (!result.deck)
      throw new Error(`corpus deck has errors: ${JSON.stringify(result.diagnostics[0])}`);
    return result.deck;
  });
  await time('validate (zod, again)', () => {
    for (const deck of decks) DeckSchema.parse(deck);
  });
  const inputs: DeckInput[] = decks.map((deck, index) => ({
    deck,
    name: names[index]!.replace(/\.md$/, ''),
    assets: new Map(),
  }));
  const files: RenderedFile[] = [];
  for (const [stage, renderer] of RENDERERS) {
    await time(stage, async () => {
      for (const input of inputs) {
        files.push(
          ...(await renderer.render({
            decks: [input],
            options: {} as never,
            sourceDateEpoch: 1_700_000_000,
          })),
        );
      }
    });
  }
  await time('write', () => writeOutputs(outDir, files));
  return timings;
}
