import {
  type AnswerSpace,
  DIFFICULTIES,
  type Difficulty,
  LEVELS,
  type Level,
  type RichText,
  type ScoringRule,
} from '@quizmark/model';
import type { Yaml } from 'mdast';
import { isMap, isScalar, parseDocument, type Node as YamlNode } from 'yaml';
import { splitTags } from './attributes.js';
import { replaceControlCharacters } from './control-characters.js';
import type { DiagnosticList } from './diagnostic-list.js';
import { didYouMean } from './did-you-mean.js';
import { checkFrontmatterSize } from './input-limits.js';
import type { LineIndex, Place } from './line-index.js';
import { markdownRichText } from './markdown-text.js';
import type { ImageReference } from './parse-result.js';
import { NO_ANSWER_SPACE } from './print-defaults.js';
import {
  type Read,
  readAnswerStyle,
  readLength,
  readLines,
  readPoints,
  readScoring,
} from './print-values.js';
import { ID_PATTERN } from './slug.js';
import { describeYamlError } from './yaml-errors.js';

export const FRONTMATTER_KEYS = [
  'id',
  'title',
  'topic',
  'category',
  'duration',
  'tags',
  'language',
  'description',
  'level',
  'difficulty',
  'shuffle',
  'author',
  'course',
  'date',
  'version',
  'instructions',
  'fields',
  'points',
  'scoring',
  'lines',
  'space',
  'answer',
] as const;

/** Aliases resolved per document before YAML refuses it: far above honest use, far below a bomb. */
const MAX_ALIAS_COUNT = 100;

export interface Frontmatter {
  /** False when the YAML could not be read: missing keys are then not reported again. */
  readable: boolean;
  id: string | null;
  title: string | null;
  topic: string | null;
  category: string | null;
  duration: string | null;
  tags: string[];
  language: string;
  description: RichText | null;
  level: Level | null;
  difficulty: Difficulty | null;
  shuffle: boolean | null;
  author: string | null;
  course: string | null;
  date: string | null;
  version: string | null;
  instructions: RichText | null;
  fields: string[] | null;
  /** Defaults of the print attributes for every item. */
  points: number | null;
  scoring: ScoringRule | null;
  answerSpace: AnswerSpace;
  /** Where each key's value was written. */
  places: Map<string, Place>;
}

export interface FrontmatterContext {
  source: string;
  lines: LineIndex;
  list: DiagnosticList;
  images: ImageReference[];
}

function emptyFrontmatter(): Frontmatter {
  return {
    readable: true,
    id: null,
    title: null,
    topic: null,
    category: null,
    duration: null,
    tags: [],
    language: 'en',
    description: null,
    level: null,
    difficulty: null,
    shuffle: null,
    author: null,
    course: null,
    date: null,
    version: null,
    instructions: null,
    fields: null,
    points: null,
    scoring: null,
    answerSpace: { ...NO_ANSWER_SPACE },
    places: new Map(),
  };
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'nothing';
  // Values of YAML's other tags (`!!binary`, `!!timestamp`, `!!set`).
  if (value instanceof Uint8Array) return 'binary data';
  if (value instanceof Date) return 'a date';
  if (value instanceof Set) return 'a set';
  if (typeof value === 'object') return 'a mapping';
  return `\`${String(value)}\``;
}

/** Reads and checks the YAML frontmatter; every problem is reported at its line in the file. */
export function readFrontmatter(node: Yaml | null, context: FrontmatterContext): Frontmatter {
  const result = emptyFrontmatter();
  if (!node?.position || node.position.start.offset === undefined) return result;
  const { source, lines, list } = context;
  // The YAML starts on the line after the opening `---`.
  const base = source.indexOf('\n', node.position.start.offset) + 1;
  const placeOf = (range: readonly number[] | null | undefined, fallback: Place): Place =>
    range ? lines.place(base + range[0]!, base + (range[1] ?? range[0]!)) : fallback;
  const whole: Place = node.position;

  const tooLarge = checkFrontmatterSize(node.value);
  if (tooLarge) {
    result.readable = false;
    list.report(tooLarge.ruleId, tooLarge.message, whole);
    return result;
  }
  const document = parseDocument(node.value, { uniqueKeys: true, prettyErrors: false });
  if (document.errors.length > 0) {
    result.readable = false;
    // `yaml` turns a stack overflow on deeply nested YAML into an error of its own.
    if (document.errors.some((error) => /call stack/i.test(error.message))) {
      list.report(
        'input-too-deep',
        'expected YAML frontmatter nested a few levels deep, found it nested too deep to read',
        whole,
      );
      return result;
    }
    for (const error of document.errors) {
      const problem = describeYamlError(error, node.value);
      list.report('yaml-invalid', problem.message, placeOf([problem.start, problem.end], whole));
    }
    return result;
  }
  const contents = document.contents;
  if (contents === null) return result;
  if (!isMap(contents)) {
    result.readable = false;
    list.report(
      'frontmatter-invalid',
      'expected the frontmatter to be a mapping of keys (`id: …`, `title: …`), found a single value or a list',
      placeOf(contents.range, whole),
    );
    return result;
  }

  for (const pair of contents.items) {
    const keyNode = pair.key as YamlNode | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : null;
    const keyPlace = placeOf(keyNode?.range, whole);
    if (key === null) {
      list.report(
        'frontmatter-invalid',
        'expected a plain key such as `title`, found a complex key',
        keyPlace,
      );
      continue;
    }
    if (!(FRONTMATTER_KEYS as readonly string[]).includes(key)) {
      list.report(
        'frontmatter-unknown-key',
        `unknown frontmatter key \`${key}\`${didYouMean(key, FRONTMATTER_KEYS)} (expected one of ${FRONTMATTER_KEYS.join(', ')}); it is ignored`,
        keyPlace,
      );
      continue;
    }
    const valueNode = pair.value as YamlNode | null;
    const place = valueNode?.range ? placeOf(valueNode.range, keyPlace) : keyPlace;
    let value: unknown;
    try {
      value = valueNode ? valueNode.toJS(document, { maxAliasCount: MAX_ALIAS_COUNT }) : null;
    } catch (error) {
      result.readable = false;
      list.report(
        'yaml-invalid',
        `expected plain YAML values, found one that cannot be read: ${(error as Error).message}`,
        place,
      );
      continue;
    }
    result.places.set(key, place);
    // `version: 1.10` and `date: 2024-09-01` mean what is written, not a number.
    if ((key === 'version' || key === 'date') && isScalar(valueNode) && valueNode.source) {
      value = typeof valueNode.value === 'number' ? valueNode.source : value;
    }
    value = withoutControlCharacters(value, place, list);
    readKey(result, key as (typeof FRONTMATTER_KEYS)[number], value, place, context);
  }
  if (result.answerSpace.lines !== null && result.answerSpace.height !== null) {
    list.report(
      'frontmatter-invalid',
      'expected `lines` or `space`, found both: give the room for answers one way',
      result.places.get('space')!,
    );
    result.answerSpace.height = null;
  }
  return result;
}

/** YAML escapes (`"\u001b"`) can spell control characters the file itself does not hold. */
function withoutControlCharacters(value: unknown, place: Place, list: DiagnosticList): unknown {
  let first: string | null = null;
  const clean = (text: string) => {
    const found = replaceControlCharacters(text);
    if (!found) return text;
    first ??= found.name;
    return found.text;
  };
  const cleaned =
    typeof value === 'string'
      ? clean(value)
      : Array.isArray(value)
        ? value.map((entry) => (typeof entry === 'string' ? clean(entry) : entry))
        : value;
  if (first) {
    list.report(
      'control-character',
      `expected text, found the control character ${first} in this value: it is shown as \ufffd; remove it`,
      place,
    );
  }
  return cleaned;
}

function readText(
  key: string,
  value: unknown,
  place: Place,
  list: DiagnosticList,
): string | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  list.report(
    'frontmatter-invalid',
    `expected \`${key}\` to be text, found ${describeValue(value)}`,
    place,
  );
  return undefined;
}

function readKey(
  result: Frontmatter,
  key: (typeof FRONTMATTER_KEYS)[number],
  value: unknown,
  place: Place,
  context: FrontmatterContext,
): void {
  const { list } = context;
  switch (key) {
    case 'id': {
      const id = readText(key, value, place, list);
      if (id === undefined || id === null) return;
      if (ID_PATTERN.test(id)) result.id = id;
      else {
        list.report(
          'id-invalid',
          `expected the deck \`id\` to be lower-case letters, digits and single hyphens (like \`git-basics\`), found \`${id}\``,
          place,
        );
        result.readable = false;
      }
      return;
    }
    case 'title':
    case 'topic':
    case 'category':
    case 'duration':
    case 'author':
    case 'course':
    case 'date':
    case 'version': {
      const text = readText(key, value, place, list);
      if (text !== undefined) result[key] = text;
      return;
    }
    case 'language': {
      const text = readText(key, value, place, list);
      if (text) result.language = text;
      return;
    }
    case 'description':
    case 'instructions': {
      const text = readText(key, value, place, list);
      if (text)
        result[key] = markdownRichText(text, {
          list: context.list,
          images: context.images,
          place,
        });
      return;
    }
    case 'tags': {
      if (value === null) return;
      // Split as `tags="a b"` is in an attribute block, so a tag is the same word everywhere.
      if (typeof value === 'string') {
        result.tags = splitTags(value);
      } else if (
        Array.isArray(value) &&
        value.every((tag) => typeof tag === 'string' || typeof tag === 'number')
      ) {
        result.tags = value.flatMap((tag) => splitTags(String(tag)));
      } else {
        list.report(
          'frontmatter-invalid',
          `expected \`tags\` to be a list (\`[a, b]\`) or comma-separated text, found ${describeValue(value)}`,
          place,
        );
      }
      return;
    }
    case 'level':
    case 'difficulty': {
      const allowed: readonly string[] = key === 'level' ? LEVELS : DIFFICULTIES;
      const text = String(value ?? '').toLowerCase();
      if (allowed.includes(text)) {
        if (key === 'level') result.level = text as Level;
        else result.difficulty = text as Difficulty;
      } else {
        list.report(
          key === 'level' ? 'unknown-level' : 'unknown-difficulty',
          `expected \`${key}\` to be one of ${allowed.join(', ')}, found ${describeValue(value)}${didYouMean(text, allowed)}`,
          place,
        );
      }
      return;
    }
    case 'fields': {
      if (value === null) return;
      if (
        Array.isArray(value) &&
        value.length > 0 &&
        value.every((field) => typeof field === 'string' && field.trim() !== '')
      )
        result.fields = value.map((field: string) => field.trim());
      else
        list.report(
          'frontmatter-invalid',
          `expected \`fields\` to be a list of the cover's fields (\`[Name, Class, Date]\`), found ${describeValue(value)}`,
          place,
        );
      return;
    }
    case 'points':
      result.points = readPrintKey(key, value, place, list, readPoints);
      return;
    case 'scoring':
      result.scoring = readPrintKey(key, value, place, list, readScoring);
      return;
    case 'lines':
      result.answerSpace.lines = readPrintKey(key, value, place, list, readLines);
      return;
    case 'space':
      result.answerSpace.height = readPrintKey(key, value, place, list, readLength);
      return;
    case 'answer':
      result.answerSpace.style = readPrintKey(key, value, place, list, readAnswerStyle);
      return;
    case 'shuffle': {
      if (typeof value === 'boolean') result.shuffle = value;
      else {
        list.report(
          'frontmatter-invalid',
          `expected \`shuffle\` to be true or false, found ${describeValue(value)}`,
          place,
        );
      }
      return;
    }
  }
}

/** A print default (`points: 2`, `space: 4cm`), read as its attribute is. */
function readPrintKey<T>(
  key: string,
  value: unknown,
  place: Place,
  list: DiagnosticList,
  read: (text: string) => Read<T>,
): T | null {
  if (value === null) return null;
  // A list or a mapping reads as nothing: what was expected is said all the same.
  const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
  const found = read(text);
  if ('value' in found) return found.value;
  list.report(
    'frontmatter-invalid',
    `expected \`${key}\` to be ${found.expected}, found ${describeValue(value)}`,
    place,
  );
  return null;
}
