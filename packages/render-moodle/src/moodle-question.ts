import {
  assertNever,
  type Choice,
  type Deck,
  type DeckInput,
  type Item,
  type Matching,
  machineNumber,
  moodleCorrectGrades,
  moodleWrongGrade,
  type Numeric,
  type Ordering,
  type RichText,
  type ShortAnswer,
  type TrueFalse,
} from '@quizmark/model';
import { clozeQuestionHtml } from './cloze-text.js';
import { generalFeedbackHtml } from './general-feedback.js';
import { matchAnswerText } from './match-answers.js';
import { fieldElement, MoodleField } from './moodle-field.js';
import { moodleTolerance } from './numeric-answer.js';
import { questionIdnumber } from './question-idnumber.js';
import { questionTags } from './question-tags.js';
import { escapeXml } from './xml-text.js';

type Assets = DeckInput['assets'];

/** The Moodle question type each item becomes (Moodle's export names: `cloze`, `matching`). */
export const MOODLE_TYPES = {
  flashcard: 'essay',
  explain: 'essay',
  choice: 'multichoice',
  truefalse: 'truefalse',
  numeric: 'numerical',
  short: 'shortanswer',
  cloze: 'cloze',
  matching: 'matching',
  ordering: 'ordering',
} as const satisfies Record<Item['type'], string>;

const plain = (tag: string, value: string) => `<${tag}>${escapeXml(value)}</${tag}>`;
const textOf = (tag: string, value: string) => `<${tag}><text>${escapeXml(value)}</text></${tag}>`;
/** Lines of XML, nested ones one level deeper (line breaks inside CDATA stay as they are). */
export type XmlLines = ReadonlyArray<string | XmlLines>;

export function writeLines(lines: XmlLines, depth = 0): string[] {
  return lines.flatMap((line) =>
    typeof line === 'string' ? [`${'  '.repeat(depth)}${line}`] : writeLines(line, depth + 1),
  );
}

/** An element on several lines: its children one level deeper. */
const element = (open: string, children: XmlLines, close: string): XmlLines => [
  open,
  children,
  close,
];

/** A field made from rich text, its images inside it. */
function richElement(tag: string, text: RichText | null, assets: Assets, attributes = ''): string {
  const field = new MoodleField(assets);
  return fieldElement(tag, field, text ? field.block(text) : '', attributes);
}

/** One `<question>` of the bank for an item. */
export function questionXml(deck: Deck, item: Item, assets: Assets): string {
  const questionField = new MoodleField(assets);
  const feedbackField = new MoodleField(assets);
  const lines: XmlLines = [
    `<name>${`<text>${escapeXml(item.title)}</text>`}</name>`,
    fieldElement('questiontext', questionField, questionHtml(item, questionField)),
    fieldElement('generalfeedback', feedbackField, generalFeedbackHtml(item, feedbackField)),
    // A cloze's mark is the number of its blanks: Moodle counts them itself.
    ...(item.type === 'cloze' ? [] : [plain('defaultgrade', machineNumber(item.points ?? 1))]),
    plain('penalty', '0.3333333'),
    plain('hidden', '0'),
    plain('idnumber', questionIdnumber(item.id)),
    ...typeLines(item, assets),
    ...(item.hint ? [richElement('hint', item.hint, assets)] : []),
    ...tagLines(deck, item),
  ];
  return writeLines(
    element(`<question type="${MOODLE_TYPES[item.type]}">`, lines, '</question>'),
  ).join('\n');
}

function questionHtml(item: Item, field: MoodleField): string {
  switch (item.type) {
    case 'flashcard':
      return field.block(item.front);
    case 'explain':
      return field.block(item.prompt);
    case 'cloze':
      return clozeQuestionHtml(item, field);
    case 'choice':
    case 'truefalse':
    case 'numeric':
    case 'short':
    case 'matching':
    case 'ordering':
      return field.block(item.stem);
    default:
      return assertNever(item, 'item type');
  }
}

function typeLines(item: Item, assets: Assets): XmlLines {
  switch (item.type) {
    case 'flashcard':
      return essayLines(graderInfo(assets, (field) => field.block(item.back)));
    case 'explain':
      return essayLines(
        graderInfo(assets, (field) => {
          const concepts = item.concepts.map((concept) => `<li>${field.inline(concept)}</li>`);
          return `<p><strong>A good answer names:</strong></p><ul>${concepts.join('')}</ul>`;
        }),
      );
    case 'choice':
      return choiceLines(item, assets);
    case 'truefalse':
      return trueFalseLines(item, assets);
    case 'numeric':
      return numericLines(item);
    case 'short':
      return shortLines(item);
    case 'cloze':
      return [];
    case 'matching':
      return matchingLines(item, assets);
    case 'ordering':
      return orderingLines(item, assets);
    default:
      return assertNever(item, 'item type');
  }
}

function graderInfo(assets: Assets, html: (field: MoodleField) => string): string {
  const field = new MoodleField(assets);
  return fieldElement('graderinfo', field, html(field));
}

/** A written answer the teacher grades, with what to look for as grader information. */
function essayLines(graderinfo: string): XmlLines {
  return [
    plain('responseformat', 'editor'),
    plain('responserequired', '1'),
    plain('responsefieldlines', '10'),
    plain('attachments', '0'),
    plain('attachmentsrequired', '0'),
    graderinfo,
    '<responsetemplate format="html"><text></text></responsetemplate>',
  ];
}

/** Grades per option: single answer 100/0; multiple answer from Moodle's list, wrong ones negative. */
function optionGrades(item: Choice): string[] {
  const correct = item.options.filter((option) => option.correct).length;
  if (!item.multiple) return item.options.map((option) => (option.correct ? '100' : '0'));
  const grades = moodleCorrectGrades(correct);
  const wrong = moodleWrongGrade(item.options.length - correct);
  let next = 0;
  return item.options.map((option) => (option.correct ? grades[next++]! : wrong));
}

function choiceLines(item: Choice, assets: Assets): XmlLines {
  const grades = optionGrades(item);
  // Moodle shuffles all options or none: a pinned option keeps them all in place.
  const shuffle = item.shuffle && !item.options.some((option) => option.pinned);
  return [
    plain('single', String(!item.multiple)),
    plain('shuffleanswers', String(shuffle)),
    plain('answernumbering', 'abc'),
    ...item.options.flatMap((option, index) => {
      const field = new MoodleField(assets);
      const html = field.inline(option.text);
      return element(
        `<answer fraction="${grades[index]}" format="html">`,
        [field.content(html), richElement('feedback', option.feedback, assets)],
        '</answer>',
      );
    }),
  ];
}

function trueFalseLines(item: TrueFalse, assets: Assets): XmlLines {
  const answer = (value: boolean, feedback: RichText | null) =>
    element(
      `<answer fraction="${item.answer === value ? 100 : 0}" format="moodle_auto_format">`,
      [`<text>${value}</text>`, richElement('feedback', feedback, assets)],
      '</answer>',
    );
  return [...answer(true, item.trueFeedback), ...answer(false, item.falseFeedback)];
}

const EMPTY_FEEDBACK = '<feedback format="html"><text></text></feedback>';

function numericLines(item: Numeric): XmlLines {
  const { value, tolerance } = moodleTolerance(item.answer);
  const unit = item.answer.unit;
  return [
    ...element(
      '<answer fraction="100" format="moodle_auto_format">',
      [`<text>${value}</text>`, `<tolerance>${tolerance}</tolerance>`, EMPTY_FEEDBACK],
      '</answer>',
    ),
    // With a unit: typed after the number, optional (a bare number counts), the only unit known.
    ...(unit
      ? [
          `<units><unit><multiplier>1</multiplier>${plain('unit_name', unit)}</unit></units>`,
          plain('unitgradingtype', '0'),
          plain('unitpenalty', '0.1'),
          plain('showunits', '0'),
          plain('unitsleft', '0'),
        ]
      : [plain('unitgradingtype', '0'), plain('showunits', '3')]),
  ];
}

function shortLines(item: ShortAnswer): XmlLines {
  return [
    plain('usecase', item.caseSensitive ? '1' : '0'),
    // `*` is Moodle's wildcard: an author's asterisk is escaped to mean itself.
    ...item.answers.flatMap((answer) =>
      element(
        '<answer fraction="100" format="moodle_auto_format">',
        [`<text>${escapeXml(answer.replace(/\*/g, '\\*'))}</text>`, EMPTY_FEEDBACK],
        '</answer>',
      ),
    ),
  ];
}

function matchingLines(item: Matching, assets: Assets): XmlLines {
  const subquestion = (left: RichText | null, right: RichText) => {
    const field = new MoodleField(assets);
    const html = left ? field.inline(left) : '';
    return element(
      '<subquestion format="html">',
      [field.content(html), textOf('answer', matchAnswerText(right))],
      '</subquestion>',
    );
  };
  return [
    plain('shuffleanswers', 'true'),
    ...item.pairs.flatMap((pair) => subquestion(pair.left, pair.right)),
    // A subquestion without text is Moodle's extra wrong answer.
    ...item.distractors.flatMap((distractor) => subquestion(null, distractor)),
  ];
}

function orderingLines(item: Ordering, assets: Assets): XmlLines {
  return [
    plain('layouttype', 'VERTICAL'),
    plain('selecttype', 'ALL'),
    plain('selectcount', '0'),
    plain('gradingtype', 'ABSOLUTE_POSITION'),
    plain('showgrading', 'SHOW'),
    plain('numberingstyle', 'none'),
    // The fraction of an ordering answer is its place in the correct order.
    ...item.sequence.map((entry, index) => {
      const field = new MoodleField(assets);
      const html = field.inline(entry);
      return `<answer fraction="${index + 1}" format="html">${field.content(html)}</answer>`;
    }),
  ];
}

function tagLines(deck: Deck, item: Item): XmlLines {
  const tags = questionTags(deck, item);
  if (tags.length === 0) return [];
  return element(
    '<tags>',
    tags.map((tag) => textOf('tag', tag)),
    '</tags>',
  );
}
