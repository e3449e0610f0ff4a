import {
  compareDiagnostics,
  type Deck,
  DeckSchema,
  type Diagnostic,
  hasErrors,
  type Item,
  type RichText,
  SCHEMA_VERSION,
  type Section,
} from '@quizmark/model';
import {
  type ImageReference,
  type ItemPosition,
  parseDeck,
  parseRichText,
  slugify,
} from '@quizmark/parser';
import { type DrawnItem, deckKey, drawQuestions } from './draw-questions.js';
import { ExamDiagnostics } from './exam-diagnostics.js';
import type { ExamBlueprint } from './exam-schema.js';
import { readExam } from './read-exam.js';
import { rebaseImages } from './rebase-images.js';
import { examIdOf } from './slug.js';
import type { Path, YamlPlaces } from './yaml-places.js';

/** A deck file an exam names, as the caller read it. */
export type ExamDeckFile =
  | { file: string; bytes: Uint8Array }
  /** The file cannot be read (missing, a folder, outside the content root): said at the `from:` that names it. */
  | { file: string; error: string };

export interface ExamInput {
  /** Path of the exam file as it should appear in diagnostics (posix separators). */
  file: string;
  text: string;
  /** Reads a deck the exam names, by the path written in `from:` (relative to the exam file). */
  readDeck(path: string): ExamDeckFile;
}

/** A parse result for the exam, as the parser gives one for a deck, plus what outputs it asks for. */
export interface ExamResult {
  file: string;
  /** The exam as one deck: one section per blueprint section, drawn items in draw order; null on any error. */
  deck: Deck | null;
  diagnostics: Diagnostic[];
  /** Images of the drawn items, their URLs rewritten to resolve from the exam file's folder. */
  images: ImageReference[];
  itemPositions: Record<string, ItemPosition>;
  /** Options the exam sets per format (`{ pdf: { versions, seed, answerSheet } }`), over the build's. */
  formatOptions: Record<string, Record<string, unknown>>;
  /** Every deck path the exam named, as written in `from:`, in order: its cache key and watch list. */
  decks: string[];
}

interface DeckRead {
  deck: Deck | null;
  language: string | null;
}

/** Every deck the exam names, each read and parsed once; problems are said at its first `from:`. */
function readDecks(
  exam: ExamBlueprint,
  input: ExamInput,
  places: YamlPlaces,
  diagnostics: ExamDiagnostics,
  deckDiagnostics: Diagnostic[],
): Map<string, DeckRead> {
  const decks = new Map<string, DeckRead>();
  exam.sections.forEach((section, sectionIndex) => {
    section.draw.forEach((draw, drawIndex) => {
      const key = deckKey(draw.from);
      if (decks.has(key)) return;
      const at = places.value(['sections', sectionIndex, 'draw', drawIndex, 'from']);
      const file = input.readDeck(draw.from);
      if ('error' in file) {
        diagnostics.report('exam-deck-unreadable', `cannot read ${draw.from}: ${file.error}`, at);
        decks.set(key, { deck: null, language: null });
        return;
      }
      const parsed = parseDeck(file.bytes, { file: file.file });
      deckDiagnostics.push(...parsed.diagnostics);
      if (!parsed.deck || hasErrors(parsed.diagnostics)) {
        const count = parsed.diagnostics.filter((d) => d.severity === 'error').length;
        diagnostics.report(
          'exam-deck-has-errors',
          `${draw.from} has ${count === 1 ? 'an error' : `${count} errors`} (reported in ${file.file}); fix ${count === 1 ? 'it' : 'them'} first`,
          at,
        );
        decks.set(key, { deck: null, language: null });
        return;
      }
      decks.set(key, { deck: parsed.deck, language: parsed.deck.language });
    });
  });
  return decks;
}

/** Markdown from the exam file, its problems and images at the key's value. */
function examRichText(
  markdown: string | undefined,
  path: Path,
  input: ExamInput,
  places: YamlPlaces,
  sink: { diagnostics: Diagnostic[]; images: ImageReference[] },
): RichText | null {
  if (markdown === undefined) return null;
  const at = places.value(path);
  const result = parseRichText(markdown, { file: input.file, line: at.line, column: at.column });
  sink.diagnostics.push(...result.diagnostics);
  sink.images.push(...result.images);
  return result.text;
}

/** Says, at the first deck in another language, that the exam takes the first deck's. */
function warnOfMixedLanguages(
  exam: ExamBlueprint,
  reads: ReadonlyMap<string, DeckRead>,
  language: string,
  places: YamlPlaces,
  diagnostics: ExamDiagnostics,
): void {
  for (const [sectionIndex, section] of exam.sections.entries()) {
    for (const [drawIndex, draw] of section.draw.entries()) {
      const other = reads.get(deckKey(draw.from))?.language;
      if (!other || other === language) continue;
      diagnostics.report(
        'exam-mixed-languages',
        `expected the decks of an exam without \`language:\` to share one language, found ${draw.from} in \`${other}\` while the exam takes \`${language}\` from its first deck: set \`language:\` in the exam file`,
        places.value(['sections', sectionIndex, 'draw', drawIndex, 'from']),
      );
      return;
    }
  }
}

/** Section ids: `<exam id>-<slug of the title>`, as the parser derives them, made unique. */
function sectionIds(exam: ExamBlueprint, examId: string): string[] {
  const used = new Set<string>();
  return exam.sections.map((section, index) => {
    const base = `${examId}-${slugify(section.title) || `section-${index + 1}`}`;
    let id = base;
    for (let suffix = 2; used.has(id); suffix++) id = `${base}-${suffix}`;
    used.add(id);
    return id;
  });
}

/** Reads the blueprint, parses the decks it names and draws its questions. No IO of its own. */
export function buildExam(input: ExamInput): ExamResult {
  if (typeof input?.file !== 'string' || typeof input.text !== 'string') {
    throw new TypeError('buildExam: expected `file` and `text` to be strings');
  }
  if (typeof input.readDeck !== 'function') {
    throw new TypeError('buildExam: expected `readDeck` to be a function');
  }
  const diagnostics = new ExamDiagnostics(input.file);
  const result: ExamResult = {
    file: input.file,
    deck: null,
    diagnostics: [],
    images: [],
    itemPositions: {},
    formatOptions: {},
    decks: [],
  };
  const finish = (): ExamResult => {
    result.diagnostics = [...result.diagnostics, ...diagnostics.list].sort(compareDiagnostics);
    if (hasErrors(result.diagnostics)) result.deck = null;
    return result;
  };

  const { exam, places } = readExam(input.text, diagnostics);
  if (!exam) return finish();
  const examId = exam.id ?? examIdOf(input.file);
  const seed = exam.seed === undefined ? examId : String(exam.seed);
  const pdf: Record<string, unknown> = { seed };
  if (exam.versions !== undefined) pdf.versions = exam.versions;
  if (exam.answerSheet !== undefined) pdf.answerSheet = exam.answerSheet;
  result.formatOptions = { pdf };
  result.decks = [...new Set(exam.sections.flatMap((section) => section.draw.map((d) => d.from)))];

  const reads = readDecks(exam, input, places, diagnostics, result.diagnostics);
  const decks = new Map(
    exam.sections.flatMap((section) =>
      section.draw.map((draw) => [draw.from, reads.get(deckKey(draw.from))!.deck] as const),
    ),
  );
  const drawn = drawQuestions({ exam, seed, decks, places, diagnostics });

  const instructions = examRichText(exam.instructions, ['instructions'], input, places, result);
  const firstLanguage = [...reads.values()].find((read) => read.language)?.language ?? 'en';
  if (exam.language === undefined)
    warnOfMixedLanguages(exam, reads, firstLanguage, places, diagnostics);
  const ids = sectionIds(exam, examId);
  const firstDraw = new Map<string, DrawnItem>();
  const sections: Section[] = exam.sections.map((section, sectionIndex) => {
    const items: Item[] = [];
    for (const entry of drawn[sectionIndex]!) {
      const from = places.value([...entry.draw, 'from']);
      const earlier = firstDraw.get(entry.item.id);
      if (earlier) {
        const at = places.value([...earlier.draw, 'from']);
        diagnostics.report(
          'exam-duplicate-id',
          `expected questions with distinct ids, found \`${entry.item.id}\` drawn from ${entry.from} and from ${earlier.from} (line ${at.line}): give one of them an explicit \`{#id}\``,
          from,
        );
        continue;
      }
      firstDraw.set(entry.item.id, entry);
      const { item, urls } = rebaseImages(entry.item, entry.from);
      item.points = entry.points ?? item.points ?? exam.points ?? null;
      items.push(item);
      for (const url of urls) result.images.push({ url, line: from.line, column: from.column });
      result.itemPositions[item.id] = { line: from.line, column: from.column };
    }
    return {
      id: ids[sectionIndex]!,
      title: section.title,
      description: examRichText(
        section.description,
        ['sections', sectionIndex, 'description'],
        input,
        places,
        result,
      ),
      pageBreak: section.break === 'page',
      items,
    };
  });

  // The study page tests the exam's own selection: every question, not 10 of them.
  const questions = sections.reduce((sum, section) => sum + section.items.length, 0);
  if (questions > 0) result.formatOptions.html = { testLength: Math.min(questions, 1000) };

  const deck: Deck = {
    schemaVersion: SCHEMA_VERSION,
    id: examId,
    title: exam.title,
    topic: null,
    category: null,
    duration: null,
    tags: [],
    language: exam.language ?? firstLanguage,
    description: null,
    author: null,
    course: null,
    date: null,
    version: null,
    instructions,
    fields: exam.fields ?? null,
    sections,
  };
  const checked = DeckSchema.safeParse(deck);
  if (!checked.success) {
    // Every part was checked on the way in: an issue here is a bug in this package.
    throw new Error(`buildExam produced an invalid deck: ${checked.error.message}`);
  }
  result.deck = checked.data;
  return finish();
}
