import { didYouMean } from '@quizmark/parser/names';
import { type Document, isMap, LineCounter, parseDocument, visit, type YAMLError } from 'yaml';
import type { z } from 'zod';
import { describeValue, type ExamDiagnostics } from './exam-diagnostics.js';
import { EXPECTED, type ExamBlueprint, ExamSchema, KEYS } from './exam-schema.js';
import { type Path, YamlPlaces } from './yaml-places.js';

/** Aliases resolved before YAML refuses the file: far above honest use, far below a bomb. */
const MAX_ALIAS_COUNT = 100;
/**
 * Characters of an exam file: a long exam is a few KB, and YAML checks for
 * duplicate keys in quadratic time, so a huge file is refused unread.
 */
export const MAX_EXAM_LENGTH = 256 * 1024;

export interface ReadExam {
  exam: ExamBlueprint | null;
  places: YamlPlaces;
}

/** The YAML document of an exam file, with line positions; null contents when it has none. */
export function readExamYaml(text: string) {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  return { document, places: new YamlPlaces(document.contents, lines) };
}

const pattern = (path: Path): string =>
  path.map((step) => (typeof step === 'number' ? '*' : step)).join('.');

/** The kind of mapping a path points into, for the keys an unknown one may have meant. */
function keysAt(path: Path): readonly string[] {
  const shape = pattern(path);
  if (shape === '') return KEYS.exam;
  if (shape === 'sections.*') return KEYS.section;
  if (shape === 'sections.*.draw.*') return KEYS.draw;
  if (shape === 'sections.*.draw.*.mix') return KEYS.mix;
  return [];
}

const KIND: Record<string, string> = {
  '': 'an exam',
  'sections.*': 'a section',
  'sections.*.draw.*': 'a draw',
  'sections.*.draw.*.mix': 'a mix',
};

function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const step of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[step];
  }
  return value;
}

function keyName(path: Path): string {
  const last = path[path.length - 1];
  if (typeof last === 'number') {
    const owner = path[path.length - 2];
    return `entry ${last + 1} of \`${String(owner)}\``;
  }
  return `\`${String(last)}\``;
}

/** One positioned diagnostic per zod issue, in the author's words. */
function reportIssue(
  issue: z.core.$ZodIssue,
  data: unknown,
  places: YamlPlaces,
  diagnostics: ExamDiagnostics,
): void {
  const path = issue.path as Path;
  if (issue.code === 'unrecognized_keys') {
    const allowed = keysAt(path);
    for (const key of issue.keys) {
      diagnostics.report(
        'exam-invalid',
        `expected a key of ${KIND[pattern(path)] ?? 'this mapping'} (${allowed.join(', ')}), found \`${key}\`${didYouMean(key, allowed)}`,
        places.key([...path, key]),
      );
    }
    return;
  }
  if (issue.code === 'custom') {
    diagnostics.report('exam-invalid', issue.message, places.value(path));
    return;
  }
  const value = valueAt(data, path);
  const expected = EXPECTED[pattern(path)] ?? 'something else';
  if (value === undefined && path.length > 0) {
    diagnostics.report(
      'exam-invalid',
      `expected ${KIND[pattern(path.slice(0, -1))] ?? 'this mapping'} to have ${keyName(path)}: ${expected}, found none`,
      places.value(path),
    );
    return;
  }
  const hint =
    issue.code === 'invalid_value' && typeof value === 'string'
      ? didYouMean(value, issue.values.map(String))
      : '';
  const subject = path.length === 0 ? 'the exam file' : keyName(path);
  diagnostics.report(
    'exam-invalid',
    `expected ${subject} to be ${expected}, found ${describeValue(value)}${hint}`,
    places.value(path),
  );
}

/**
 * Where a YAML error is, as the author should read it: a quote that never
 * closes is reported where it opens (YAML reports the end of the file).
 */
function placeYamlError(error: YAMLError, document: Document, lines: LineCounter) {
  let start = error.pos[0];
  let end = error.pos[1];
  let message = `expected valid YAML, found an error: ${error.message.split('\n')[0]}`;
  // YAML catches its own stack overflow on `[[[[…]]]]`: say what it means.
  if (/call stack/i.test(error.message)) {
    message =
      'expected an exam file nested a few levels deep, found lists or mappings nested too deeply to read';
  }
  if (error.code === 'MISSING_CHAR' && /closing ["']quote/.test(error.message)) {
    visit(document, {
      Scalar(_, node) {
        const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
        if (!quoted || node.range?.[1] !== error.pos[0]) return;
        start = node.range[0];
        end = start + 1;
        const quote = node.type === 'QUOTE_DOUBLE' ? '"' : "'";
        message = `expected a closing \`${quote}\` for the quote opened here, found none before the end of the file`;
        return visit.BREAK;
      },
    });
  }
  const from = lines.linePos(start);
  const to = lines.linePos(end);
  return {
    message,
    span: { line: from.line, column: from.col, endLine: to.line, endColumn: to.col },
  };
}

/** What zod cannot say in the schema: a draw says how many with exactly one of `count` and `mix`. */
function checkCounts(exam: ExamBlueprint, places: YamlPlaces, diagnostics: ExamDiagnostics): void {
  exam.sections.forEach((section, sectionIndex) => {
    section.draw.forEach((draw, drawIndex) => {
      const path = ['sections', sectionIndex, 'draw', drawIndex];
      if (draw.count !== undefined && draw.mix !== undefined) {
        diagnostics.report(
          'exam-invalid',
          'expected a draw to say how many questions with either `count:` or `mix:`, found both',
          places.key([...path, 'mix']),
        );
      } else if (draw.count === undefined && draw.mix === undefined) {
        diagnostics.report(
          'exam-invalid',
          'expected a draw to say how many questions with `count:` (a number or `all`) or `mix:` (`{ easy: 2, hard: 1 }`), found neither',
          places.key([...path, 'from']),
        );
      } else if (draw.mix && Object.values(draw.mix).every((count) => !count)) {
        diagnostics.report(
          'exam-invalid',
          'expected `mix` to ask for at least one question (`{ easy: 2, hard: 1 }`), found none',
          places.value([...path, 'mix']),
        );
      }
    });
  });
}

/** Reads and checks the exam file's YAML; every problem is positioned in it. */
export function readExam(text: string, diagnostics: ExamDiagnostics): ReadExam {
  if (text.length > MAX_EXAM_LENGTH) {
    diagnostics.report(
      'exam-yaml-invalid',
      `expected an exam file of at most ${MAX_EXAM_LENGTH / 1024} KiB, found ${Math.ceil(text.length / 1024)} KiB: an exam names decks, it does not hold them`,
      { line: 1, column: 1, endLine: null, endColumn: null },
    );
    return { exam: null, places: readExamYaml('').places };
  }
  const { document, places } = readExamYaml(text);
  const lines = places.lines;
  const fail = (): ReadExam => ({ exam: null, places });
  if (document.errors.length > 0) {
    // The first error only: those after it mostly follow from it.
    const { message, span } = placeYamlError(document.errors[0]!, document, lines);
    diagnostics.report('exam-yaml-invalid', message, span);
    return fail();
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    diagnostics.report(
      'exam-yaml-invalid',
      `expected YAML that can be read, found ${error instanceof Error ? error.message : String(error)}`,
      places.value([]),
    );
    return fail();
  }
  if (!isMap(document.contents)) {
    diagnostics.report(
      'exam-invalid',
      `expected the exam file to be ${EXPECTED['']}, found ${describeValue(data)}`,
      places.value([]),
    );
    return fail();
  }
  const parsed = ExamSchema.safeParse(data);
  if (!parsed.success) {
    // One message per place: `versions: 1.5` breaks two checks, the author needs one line.
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const key = `${issue.code === 'unrecognized_keys' ? 'keys' : 'value'} ${issue.path.join('.')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      reportIssue(issue, data, places, diagnostics);
    }
    return fail();
  }
  const before = diagnostics.list.length;
  checkCounts(parsed.data, places, diagnostics);
  return diagnostics.list.length > before ? fail() : { exam: parsed.data, places };
}
