import type { Diagnostic } from '@quizmark/model';
import { OptionsError, type ResolvedOptions, resolveFormatOptions } from './format-options.js';
import type { LoadedDeck } from './load-decks.js';
import type { RendererRegistry } from './renderers.js';
import { PIPELINE_RULES } from './rules.js';

// An exam's items keep the ids of the decks they come from, and Anki derives
// note GUIDs from ids: importing an exam's package would move a learner's
// notes into it, or merge them. So no Anki output is written for an exam.
const NOT_FOR_EXAMS: ReadonlySet<string> = new Set(['anki']);

/** Whether a format writes files for this deck (an exam writes no Anki files). */
export const writesFor = (deck: LoadedDeck, format: string) =>
  !(deck.file.exam && NOT_FOR_EXAMS.has(format));

/** The checked options of each deck: the build's, or an exam's own merged over them. */
export interface DeckOptions {
  /** Per deck, in build order; the build's options when the deck sets none. */
  options: ResolvedOptions[];
  diagnostics: Diagnostic[];
}

/**
 * Options per deck. An exam file's `formatOptions` apply to that exam's
 * outputs only, each key over the build's value (flags over the project
 * file), and are checked against the format's schema like the build's. The
 * blueprint checked them against its own schema, so a refusal here is a bug
 * (the two disagree), not a problem of the exam file. Then the warning for
 * every exam (free of errors) built with a format it writes nothing in.
 */
export function deckOptions(params: {
  registry: RendererRegistry;
  formats: readonly string[];
  given: Readonly<Partial<Record<string, unknown>>>;
  options: ResolvedOptions;
  cwd: string;
  decks: readonly LoadedDeck[];
}): DeckOptions {
  const { registry, formats, given, cwd } = params;
  const diagnostics: Diagnostic[] = [];
  const at = (deck: LoadedDeck, ruleId: keyof typeof PIPELINE_RULES, message: string) =>
    diagnostics.push({
      file: deck.file.display,
      line: 1,
      column: 1,
      endLine: null,
      endColumn: null,
      severity: PIPELINE_RULES[ruleId].severity,
      ruleId,
      message,
      source: 'quizmark',
    });
  const options = params.decks.map((deck) => {
    if (!deck.file.exam) return params.options;
    // An exam with errors writes nothing anyway: only its errors are said.
    if (deck.summary !== null)
      for (const format of formats)
        if (!writesFor(deck, format))
          at(
            deck,
            'exam-no-anki',
            `no ${format} output is written for an exam: its questions share their notes with the decks they come from, and importing it would move or merge a learner's notes; import the decks instead`,
          );
    const own = Object.entries(deck.formatOptions).filter(([format]) => formats.includes(format));
    if (own.length === 0) return params.options;
    const merged: Record<string, unknown> = { ...given };
    for (const [format, values] of own)
      merged[format] = {
        ...((given[format] as Record<string, unknown> | undefined) ?? {}),
        ...values,
      };
    try {
      return resolveFormatOptions(registry, formats, merged, cwd);
    } catch (error) {
      if (!(error instanceof OptionsError)) throw error;
      // Not a usage error (exit 2): the exam file was valid.
      throw new Error(
        `${deck.file.display}: the exam's options were refused (${error.message}); this is a bug in quizmark, please report it`,
      );
    }
  });
  return { options, diagnostics };
}
