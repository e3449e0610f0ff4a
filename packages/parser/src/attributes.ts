import {
  type AnswerStyle,
  DIFFICULTIES,
  type Difficulty,
  ITEM_TYPES,
  type ItemType,
  LEVELS,
  type Level,
  type ScoringRule,
} from '@quizmark/model';
import type { DiagnosticList } from './diagnostic-list.js';
import { didYouMean } from './did-you-mean.js';
import type { LineIndex, Place } from './line-index.js';
import {
  type Read,
  readAnswerStyle,
  readBreak,
  readLength,
  readLines,
  readPoints,
  readScoring,
} from './print-values.js';
import { ID_PATTERN } from './slug.js';

export interface RawAttribute {
  name: string;
  /** Null for a bare name (`pin`). */
  value: string | null;
  place: Place;
}

/** A trailing `{#id key=value flag}` block as found in the source. */
export interface AttributeBlock {
  attributes: RawAttribute[];
  /** Source offset of the opening `{`. */
  start: number;
}

export type AttributeContext = 'section' | 'item' | 'option';

/** What a printed exam reads: points, answer space, scoring, page breaks. */
const PRINT_ATTRIBUTES = ['points', 'lines', 'space', 'answer', 'scoring', 'break'] as const;

const ALLOWED: Record<AttributeContext, readonly string[]> = {
  section: [
    'id',
    'type',
    'level',
    'difficulty',
    'tags',
    'multiple',
    'shuffle',
    'case',
    ...PRINT_ATTRIBUTES,
  ],
  item: [
    'id',
    'type',
    'level',
    'difficulty',
    'tags',
    'pin',
    'multiple',
    'shuffle',
    'case',
    ...PRINT_ATTRIBUTES,
  ],
  option: ['pin'],
};

const CONTEXT_NAMES: Record<AttributeContext, string> = {
  section: 'a section heading',
  item: 'an item heading',
  option: 'an option',
};

export interface Attributes {
  id: { value: string; place: Place } | null;
  type: ItemType | null;
  level: Level | null;
  difficulty: Difficulty | null;
  tags: string[] | null;
  pin: boolean;
  multiple: boolean | null;
  shuffle: boolean | null;
  /** `case=sensitive` on a short answer; null when not given. */
  caseSensitive: boolean | null;
  points: number | null;
  scoring: ScoringRule | null;
  /** `lines=N`; null when not given. */
  lines: number | null;
  /** `space=4cm`, in millimetres; null when not given. */
  height: number | null;
  answerStyle: AnswerStyle | null;
  /** `break=page` (true) or `break=auto` (false); null when not given. */
  pageBreak: boolean | null;
  /** Where each given attribute was written, for schema messages. */
  places: Map<string, Place>;
}

// A trailing `{…}` that is not escaped; values never contain braces or backslashes.
const TRAILING_BLOCK = /(?<!\\)\{([^{}\\\n]*)\}[ \t]*$/;
const TOKEN = /#([^\s{}"'=#]+)|([A-Za-z][\w-]*)(?:=(?:"([^"]*)"|'([^']*)'|([^\s"'{}]+)))?/y;
/** Attributes that may be written bare (`{pin}`); any other bare word is text (`{x}`). */
const BARE_FLAGS: readonly string[] = ['pin', 'multiple', 'shuffle'];

/**
 * Finds the attribute block at the end of `source[start, end)`. Only
 * `#id`, `key=value` and the bare flags make a block: other text in braces
 * (`{1, 2}`, `{x}`) stays text; a block that looks like attributes but
 * cannot be read is reported.
 */
export function findAttributeBlock(
  source: string,
  start: number,
  end: number,
  lines: LineIndex,
  list: DiagnosticList,
): AttributeBlock | null {
  const text = source.slice(start, end);
  const match = TRAILING_BLOCK.exec(text);
  if (!match) return null;
  const inner = match[1]!;
  if (inner.trim() === '') return null;
  const blockStart = start + match.index;
  const innerStart = blockStart + 1;
  const attributes: RawAttribute[] = [];
  let position = 0;
  while (position < inner.length) {
    while (position < inner.length && /\s/.test(inner[position]!)) position++;
    if (position >= inner.length) break;
    TOKEN.lastIndex = position;
    const token = TOKEN.exec(inner);
    const after = token ? position + token[0].length : position;
    if (!token || (after < inner.length && !/\s/.test(inner[after]!))) {
      if (!inner.includes('=') && !inner.trimStart().startsWith('#')) return null;
      list.report(
        'attribute-invalid',
        `expected attributes such as \`{#my-id level=beginner tags="a b" pin}\`, found \`{${inner}}\``,
        lines.place(blockStart, blockStart + match[0].trimEnd().length),
      );
      return { attributes: [], start: blockStart };
    }
    const place = lines.place(innerStart + position, innerStart + after);
    if (token[1] !== undefined) attributes.push({ name: 'id', value: token[1], place });
    else {
      const value = token[3] ?? token[4] ?? token[5] ?? null;
      attributes.push({ name: token[2]!, value, place });
    }
    position = after;
  }
  // `### Evaluate {x}`: braces around words only are the author's text.
  const attributeLike = attributes.some(
    (attribute) => attribute.value !== null || BARE_FLAGS.includes(attribute.name),
  );
  if (!attributeLike) return null;
  return { attributes, start: blockStart };
}

function readBoolean(attribute: RawAttribute, list: DiagnosticList): boolean | null {
  if (attribute.value === null) return true;
  const value = attribute.value.toLowerCase();
  if (value === 'true') return true;
  if (value === 'false') return false;
  list.report(
    'attribute-invalid',
    `expected \`${attribute.name}\`, \`${attribute.name}=true\` or \`${attribute.name}=false\`, found \`${attribute.name}=${attribute.value}\``,
    attribute.place,
  );
  return null;
}

function readEnum<T extends string>(
  attribute: RawAttribute,
  allowed: readonly T[],
  ruleId: 'unknown-type' | 'unknown-level' | 'unknown-difficulty',
  list: DiagnosticList,
): T | null {
  const value = (attribute.value ?? '').toLowerCase();
  if ((allowed as readonly string[]).includes(value)) return value as T;
  list.report(
    ruleId,
    `expected \`${attribute.name}\` to be one of ${allowed.join(', ')}, found \`${attribute.value ?? ''}\`${didYouMean(value, allowed)}`,
    attribute.place,
  );
  return null;
}

const CASES = ['sensitive', 'insensitive'] as const;

/** `case=sensitive|insensitive`: whether a short answer's case matters. */
function readCase(attribute: RawAttribute, list: DiagnosticList): boolean | null {
  const value = (attribute.value ?? '').toLowerCase();
  if (value === 'sensitive') return true;
  if (value === 'insensitive') return false;
  list.report(
    'attribute-invalid',
    `expected \`case\` to be one of ${CASES.join(', ')}, found \`${attribute.value ?? ''}\`${didYouMean(value, CASES)}`,
    attribute.place,
  );
  return null;
}

function readPrint<T>(
  attribute: RawAttribute,
  read: (text: string) => Read<T>,
  list: DiagnosticList,
): T | null {
  const found = read(attribute.value!);
  if ('value' in found) return found.value;
  list.report(
    'attribute-invalid',
    `expected \`${attribute.name}\` to be ${found.expected}, found \`${attribute.name}=${attribute.value}\``,
    attribute.place,
  );
  return null;
}

/** Splits `tags="a b"` or `tags="a, b"` into tags, dropping empty ones. */
export function splitTags(value: string): string[] {
  return value.split(/[\s,]+/).filter((tag) => tag !== '');
}

/** Checks and types the attributes of a heading or option. */
export function readAttributes(
  block: AttributeBlock | null,
  context: AttributeContext,
  list: DiagnosticList,
): Attributes {
  const result: Attributes = {
    id: null,
    type: null,
    level: null,
    difficulty: null,
    tags: null,
    pin: false,
    multiple: null,
    shuffle: null,
    caseSensitive: null,
    points: null,
    scoring: null,
    lines: null,
    height: null,
    answerStyle: null,
    pageBreak: null,
    places: new Map(),
  };
  if (!block) return result;
  const allowed = ALLOWED[context];
  for (const attribute of block.attributes) {
    const { name } = attribute;
    if (!allowed.includes(name)) {
      const where = Object.values(ALLOWED).some((names) => names.includes(name))
        ? `\`${name}\` is not allowed on ${CONTEXT_NAMES[context]}`
        : `unknown attribute \`${name}\``;
      list.report(
        'attribute-unknown',
        `${where}${didYouMean(name, allowed)} (expected one of ${allowed.map((n) => (n === 'id' ? '#id' : n)).join(', ')})`,
        attribute.place,
      );
      continue;
    }
    if (result.places.has(name)) {
      list.report(
        'attribute-invalid',
        `expected \`${name === 'id' ? '#id' : name}\` once, found it again`,
        attribute.place,
      );
      continue;
    }
    result.places.set(name, attribute.place);
    if (name !== 'pin' && name !== 'multiple' && name !== 'shuffle' && attribute.value === null) {
      list.report(
        'attribute-invalid',
        `expected a value for \`${name}\` (\`${name}=…\`), found none`,
        attribute.place,
      );
      continue;
    }
    switch (name) {
      case 'id': {
        const value = attribute.value!;
        if (ID_PATTERN.test(value)) result.id = { value, place: attribute.place };
        else {
          list.report(
            'id-invalid',
            `expected an id of lower-case letters, digits and single hyphens (like \`my-question-1\`), found \`${value}\``,
            attribute.place,
          );
        }
        break;
      }
      case 'type':
        result.type = readEnum(attribute, ITEM_TYPES, 'unknown-type', list);
        break;
      case 'level':
        result.level = readEnum(attribute, LEVELS, 'unknown-level', list);
        break;
      case 'difficulty':
        result.difficulty = readEnum(attribute, DIFFICULTIES, 'unknown-difficulty', list);
        break;
      case 'tags':
        result.tags = splitTags(attribute.value!);
        break;
      case 'pin':
        result.pin = readBoolean(attribute, list) ?? false;
        break;
      case 'multiple':
        result.multiple = readBoolean(attribute, list);
        break;
      case 'shuffle':
        result.shuffle = readBoolean(attribute, list);
        break;
      case 'case':
        result.caseSensitive = readCase(attribute, list);
        break;
      case 'points':
        result.points = readPrint(attribute, readPoints, list);
        break;
      case 'scoring':
        result.scoring = readPrint(attribute, readScoring, list);
        break;
      case 'lines':
        result.lines = readPrint(attribute, readLines, list);
        break;
      case 'space':
        result.height = readPrint(attribute, readLength, list);
        break;
      case 'answer':
        result.answerStyle = readPrint(attribute, readAnswerStyle, list);
        break;
      case 'break':
        result.pageBreak = readPrint(attribute, readBreak, list);
        break;
    }
  }
  if (result.lines !== null && result.height !== null) {
    list.report(
      'attribute-invalid',
      'expected `lines=` or `space=`, found both: give the room for the answer one way',
      result.places.get('space')!,
    );
    result.height = null;
  }
  return result;
}
