import { describe, expect, it } from 'vitest';
import {
  type ClozeBlank,
  clozeBlanks,
  clozeNumbers,
  formatNumber,
  type Inline,
  ItemSchema,
  itemTexts,
  type NumericAnswer,
  numberStyleOf,
  numericBounds,
  type RichText,
  toPlainText,
} from '../src/index.js';

// Small builders here: @quizmark/testing depends on this package.
const rich = (value: string): RichText => ({
  markdown: value,
  children: [{ type: 'paragraph', children: [{ type: 'text', value }] }],
});
const base = (id: string) => ({
  id,
  title: id,
  tags: [],
  level: null,
  difficulty: null,
  hint: null,
  steps: [],
  quickCheck: null,
  mistakes: [],
  explanation: null,
  pinned: false,
  points: null,
  scoring: null,
  answerSpace: { lines: null, height: null, style: null },
  pageBreak: false,
});
const blank = (number: number, answer: string, hint: string | null = null): ClozeBlank => ({
  type: 'cloze',
  number,
  answer,
  hint,
});
const numericAnswer = (value: number, fields: Partial<NumericAnswer> = {}): NumericAnswer => ({
  text: String(value),
  kind: 'exact',
  value,
  tolerance: 0,
  min: value,
  max: value,
  unit: null,
  ...fields,
});
const trueFalse = (id: string, fields = {}) => ({
  type: 'truefalse',
  ...base(id),
  stem: rich(`Statement ${id}`),
  answer: true,
  trueFeedback: null,
  falseFeedback: null,
  ...fields,
});
const numeric = (id: string, fields = {}) => ({
  type: 'numeric',
  ...base(id),
  stem: rich(id),
  answer: numericAnswer(42),
  ...fields,
});
const shortAnswer = (id: string, fields = {}) => ({
  type: 'short',
  ...base(id),
  stem: rich(id),
  answers: ['one'],
  caseSensitive: false,
  ...fields,
});
const cloze = (
  id: string,
  { text = ['x ', blank(1, 'y')] }: { text?: Array<Inline | string> } = {},
) => ({
  type: 'cloze',
  ...base(id),
  text: {
    markdown: '',
    children: [
      {
        type: 'paragraph',
        children: text.map((part) =>
          typeof part === 'string' ? { type: 'text', value: part } : part,
        ),
      },
    ],
  },
});
const matching = (
  id: string,
  {
    pairs = [
      ['a', '1'],
      ['b', '2'],
    ],
    distractors = [],
  }: { pairs?: string[][]; distractors?: string[] } = {},
) => ({
  type: 'matching',
  ...base(id),
  stem: rich(`Question ${id}`),
  pairs: pairs.map(([left, right]) => ({ left: rich(left!), right: rich(right!) })),
  distractors: distractors.map(rich),
});
const ordering = (id: string, { sequence = ['one', 'two'] }: { sequence?: string[] } = {}) => ({
  type: 'ordering',
  ...base(id),
  stem: rich(id),
  sequence: sequence.map(rich),
});

const issues = (value: unknown) =>
  ItemSchema.safeParse(value).error?.issues.map((issue) => issue.message) ?? [];

describe('question types', () => {
  it('should accept one item of every new type as the testing builders make it', () => {
    for (const item of [
      trueFalse('tf'),
      numeric('n', { answer: numericAnswer(9.81, { kind: 'absolute', tolerance: 0.05 }) }),
      shortAnswer('s', { answers: ['newton', 'N'] }),
      cloze('c'),
      matching('m', { distractors: ['kelvin'] }),
      ordering('o'),
    ]) {
      expect(issues(item), item.type).toEqual([]);
    }
  });

  it('should refuse the shapes each type forbids', () => {
    expect(issues(cloze('c', { text: ['no blanks here'] }))).toContain(
      'a cloze needs at least one blank',
    );
    expect(issues(shortAnswer('s', { answers: [] }))).not.toEqual([]);
    expect(issues(matching('m', { pairs: [['a', 'b']] }))).not.toEqual([]);
    expect(issues(ordering('o', { sequence: ['only'] }))).not.toEqual([]);
    const inverted = numeric('n', { answer: { ...numericAnswer(1), min: 2, max: 1 } });
    expect(issues(inverted)).toContain('a numeric answer needs min <= max');
    const negative = numeric('n', { answer: { ...numericAnswer(1), tolerance: -1 } });
    expect(issues(negative)).not.toEqual([]);
    expect(
      issues(numeric('n', { answer: { ...numericAnswer(1), value: Number.NaN } })),
    ).not.toEqual([]);
  });

  it('should list blanks in reading order and their numbers once each, ascending', () => {
    const item = ItemSchema.parse(
      cloze('c', {
        text: ['A ', blank(2, 'two'), ' B ', blank(1, 'one', 'a hint'), ' C ', blank(2, 'again')],
      }),
    );
    if (item.type !== 'cloze') throw new Error('expected a cloze');
    expect(clozeBlanks(item.text).map((node) => node.answer)).toEqual(['two', 'one', 'again']);
    expect(clozeNumbers(item.text)).toEqual([1, 2]);
    expect(toPlainText(item.text)).toBe('A two B one C again');
  });

  it('should give every text of an item to the checks that scan all of them', () => {
    const item = ItemSchema.parse(
      matching('m', {
        pairs: [
          ['Force', 'newton'],
          ['Energy', 'joule'],
        ],
        distractors: ['kelvin'],
      }),
    );
    expect(itemTexts(item).map(toPlainText)).toEqual([
      'Question m',
      'Force',
      'newton',
      'Energy',
      'joule',
      'kelvin',
    ]);
    const statement = ItemSchema.parse(trueFalse('tf', { trueFeedback: rich('yes') }));
    expect(itemTexts(statement)).toHaveLength(2);
  });
});

describe('numbers of a numeric answer', () => {
  it('should write bounds without float noise, with a true minus, exponents and the author decimal separator', () => {
    expect(formatNumber(9.81 - 0.05)).toBe('9.76');
    expect(formatNumber(-3)).toBe('−3');
    expect(formatNumber(6.02e23)).toBe('6.02\u00a0×\u00a010²³');
    expect(formatNumber(1.5e-7)).toBe('1.5\u00a0×\u00a010⁻⁷');
    const comma = numericAnswer(9.81, {
      text: '9,81 ± 0,05',
      kind: 'absolute',
      tolerance: 0.05,
      min: 9.76,
      max: 9.86,
    });
    expect(numericBounds(comma)).toEqual({ min: '9,76', max: '9,86', value: '9,81' });
    // A thousands-looking comma never appears in a parsed answer; a dot wins when both are there.
    expect(numberStyleOf({ text: '1.5, about' })).toEqual({ decimalComma: false });
  });
});
