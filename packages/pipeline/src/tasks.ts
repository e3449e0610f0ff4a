import { readFileSync } from 'node:fs';
import type { ExamDeckFile, ExamResult } from '@quizmark/blueprint';
import type { DeckInput, RenderedFile } from '@quizmark/model';
import type { ParseResult } from '@quizmark/parser';
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
  | { kind: 'render'; format: string; input: DeckInput; options: unknown; sourceDateEpoch: number };

export type TaskResult<T extends Task> = T extends { kind: 'parse' }
  ? ParseResult
  : T extends { kind: 'exam' }
    ? ExamResult
    : RenderedFile[];

export async function runTask<T extends Task>(task: T): Promise<TaskResult<T>> {
  if (task.kind === 'parse') {
    // Loaded on first use: a build with nothing to parse never pays for remark.
    const { parseDeck } = await import('@quizmark/parser');
    return parseDeck(readFileSync(task.path), { file: task.display }) as TaskResult<T>;
  }
  if (task.kind === 'exam') {
    const { buildExam } = await import('@quizmark/blueprint');
    const decks = new Map(task.decks.map(({ written, deck }) => [written, deck]));
    return buildExam({
      file: task.display,
      text: task.text,
      // Only the decks read before (and keyed) are ever given: nothing else is read here.
      readDeck: (path) =>
        decks.get(path) ?? { file: path, error: `\`${path}\` was not read for this exam` },
    }) as TaskResult<T>;
  }
  // Options were checked against the format's schema where they entered the build.
  const renderer = await DEFAULT_REGISTRY.load(task.format);
  return (await renderer.render({
    decks: [task.input],
    options: task.options,
    sourceDateEpoch: task.sourceDateEpoch,
  })) as TaskResult<T>;
}
