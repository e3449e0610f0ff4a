import { readFileSync } from 'node:fs';
import type { ExamDeckFile } from '@quizmark/blueprint';
import type { RenderedFile } from '@quizmark/model';
import type { ParseResult } from '@quizmark/parser';
import type { ExamFormatOptions, ParseSummary } from './load-sources.js';
import { type HeldDeck, type HeldInput, pack, unpackInput } from './packed.js';
import { DEFAULT_REGISTRY } from './renderers.js';

/** Work that may run on a worker thread: plain data in, plain data out. */
export type Task =
  | { kind: 'parse'; path: string; display: string }
  /** An exam: its text and the decks it names, already read (the exam's cache key covers them). */
  | {
      kind: 'exam';
      display: string;
      text: string;
      decks: ReadonlyArray<{ written: string; deck: ExamDeckFile }>;
    }
  | {
      kind: 'render';
      format: string;
      input: HeldInput;
      options: unknown;
      sourceDateEpoch: number;
    };

/** A parsed deck or exam: what the checks need, and the deck as it is held until rendered. */
export interface ParsedDeck {
  summary: ParseSummary;
  /** Null when the file has errors. */
  deck: HeldDeck | null;
}

export type TaskResult<T extends Task> = T extends { kind: 'render' } ? RenderedFile[] : ParsedDeck;

/** Runs a task; `inThisThread`: its result stays in the thread that asked for it. */
export async function runTask<T extends Task>(
  task: T,
  inThisThread = false,
): Promise<TaskResult<T>> {
  if (task.kind === 'parse') {
    // Loaded on first use: a build with nothing to parse never pays for remark.
    const { parseDeck } = await import('@quizmark/parser');
    const result = parseDeck(readFileSync(task.path), { file: task.display });
    return (await parsedDeck(result, {}, inThisThread)) as TaskResult<T>;
  }
  if (task.kind === 'exam') {
    const { buildExam } = await import('@quizmark/blueprint');
    const decks = new Map(task.decks.map(({ written, deck }) => [written, deck]));
    const result = buildExam({
      file: task.display,
      text: task.text,
      // Only the decks read before (and keyed) are ever given: nothing else is read here.
      readDeck: (path) =>
        decks.get(path) ?? { file: path, error: `\`${path}\` was not read for this exam` },
    });
    return (await parsedDeck(result, result.formatOptions, inThisThread)) as TaskResult<T>;
  }
  // Options were checked against the format's schema where they entered the build.
  const renderer = await DEFAULT_REGISTRY.load(task.format);
  return (await renderer.render({
    decks: [unpackInput(task.input)],
    options: task.options,
    sourceDateEpoch: task.sourceDateEpoch,
  })) as TaskResult<T>;
}

/** Splits a parse result into its summary and its deck, packed where it was made if it is to cross threads. */
async function parsedDeck(
  result: ParseResult,
  formatOptions: ExamFormatOptions,
  inThisThread: boolean,
): Promise<ParsedDeck> {
  const { summarizeDeck } = await import('@quizmark/model');
  return {
    summary: {
      file: result.file,
      diagnostics: result.diagnostics,
      images: result.images,
      itemPositions: result.itemPositions,
      deck: result.deck ? summarizeDeck(result.deck) : null,
      formatOptions,
    },
    deck: result.deck && (inThisThread ? result.deck : pack(result.deck)),
  };
}
