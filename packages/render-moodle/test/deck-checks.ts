import {
  clozeBlanks,
  type Deck,
  type DeckInput,
  type Item,
  type RichText,
  toPlainText,
} from '@quizmark/model';
import { expect } from 'vitest';
import {
  child,
  childrenNamed,
  embeddedAnswers,
  idnumberOf,
  questionsOf,
  readXml,
  textIn,
  visibleText,
  type XmlElement,
} from './moodle-reader.js';

// Every question of a bank checked against the deck it came from: type,
// name, category, answers and their grades, feedback, hints and tags.

/** Moodle's grade list (question_bank::fraction_options_full), in percent. */
export const MOODLE_GRADE_LIST = [
  100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571,
  12.5, 11.11111, 10, 5, 0,
];

/** Whether a grade is on the list, as Moodle's match_grade_options compares it. */
export const onGradeList = (percent: number) =>
  MOODLE_GRADE_LIST.some((grade) => Math.abs(Math.abs(percent) - grade) < 0.001);

const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

/** The question type the issue asks for, per item type. */
const EXPECTED_TYPE: Record<Item['type'], string> = {
  flashcard: 'essay',
  explain: 'essay',
  choice: 'multichoice',
  truefalse: 'truefalse',
  numeric: 'numerical',
  short: 'shortanswer',
  cloze: 'cloze',
  matching: 'matching',
  ordering: 'ordering',
};

const words = (text: RichText) => visibleText(toPlainText(text));

/** The visible text of a field's HTML holds the text's words (math stays TeX in delimiters). */
function expectShows(html: string, text: RichText) {
  const plain = words(text);
  // Math is left as TeX between \( \): compare the words around it.
  const shown = visibleText(html).replace(/\s+/g, '');
  for (const part of plain.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 2)) {
    expect(shown).toContain(part);
  }
}

/** Checks one bank against its deck; returns the questions by id for further checks. */
export function checkBank(input: DeckInput, xml: string): Map<string, XmlElement> {
  const quiz = readXml(xml);
  expect(quiz.name).toBe('quiz');
  const questions = questionsOf(quiz);
  // Ids are at most 100 characters in the decks checked here: the ID number is the id.
  const byId = new Map(questions.map((entry) => [idnumberOf(entry.question), entry]));
  const items = input.deck.sections.flatMap((section) => section.items);
  expect(questions.length).toBe(items.length);
  for (const section of input.deck.sections) {
    for (const item of section.items) {
      const entry = byId.get(item.id);
      expect(entry, item.id).toBeDefined();
      const { question, category } = entry!;
      expect(question.attributes.type, item.id).toBe(EXPECTED_TYPE[item.type]);
      // Characters XML cannot hold (control characters) arrive as U+FFFD.
      expect(textIn(question, 'name')).toBe(item.title.replace(NOT_XML, '\ufffd').trim());
      const slash = (title: string) => title.replaceAll('/', '//');
      expect(category).toBe(`$course$/top/${slash(input.deck.title)}/${slash(section.title)}`);
      checkAnswers(item, question);
      checkCommonParts(input.deck, item, question);
    }
  }
  return new Map([...byId].map(([id, entry]) => [id, entry.question]));
}

function checkCommonParts(deck: Deck, item: Item, question: XmlElement) {
  const hints = childrenNamed(question, 'hint');
  expect(hints.length, item.id).toBe(item.hint ? 1 : 0);
  if (item.hint) {
    expect(hints[0]!.attributes.format).toBe('html');
    expectShows(textIn(hints[0]!), item.hint);
  }
  const feedback = textIn(question, 'generalfeedback');
  const parts = [item.explanation, ...item.steps.map((step) => step.body), item.quickCheck];
  for (const part of [...parts, ...item.mistakes]) if (part) expectShows(feedback, part);
  if (parts.every((part) => part === null) && item.mistakes.length === 0) expect(feedback).toBe('');
  const tags = childrenNamed(question, 'tags').flatMap((tags) =>
    childrenNamed(tags, 'tag').map((tag) => textIn(tag)),
  );
  for (const tag of [...deck.tags, ...item.tags]) {
    // Moodle separates tags with commas: a comma inside a tag becomes a space.
    const expected = tag.toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
    expect(tags.map((t) => t.toLowerCase())).toContain(expected);
  }
  if (item.level) expect(tags).toContain(`level-${item.level}`);
  if (item.difficulty) expect(tags).toContain(`difficulty-${item.difficulty}`);
}

const fractionOf = (answer: XmlElement) => Number(answer.attributes.fraction);

function checkAnswers(item: Item, question: XmlElement) {
  const answers = childrenNamed(question, 'answer');
  const questionText = textIn(question, 'questiontext');
  switch (item.type) {
    case 'flashcard':
      expectShows(questionText, item.front);
      expectShows(textIn(question, 'graderinfo'), item.back);
      break;
    case 'explain':
      expectShows(questionText, item.prompt);
      for (const concept of item.concepts) expectShows(textIn(question, 'graderinfo'), concept);
      break;
    case 'choice': {
      expect(child(question, 'single').text).toBe(String(!item.multiple));
      expect(answers.length).toBe(item.options.length);
      item.options.forEach((option, index) => {
        const answer = answers[index]!;
        expect(onGradeList(fractionOf(answer)), answer.attributes.fraction).toBe(true);
        expect(fractionOf(answer) > 0, `${item.id} ${option.key}`).toBe(option.correct);
        expectShows(textIn(answer), option.text);
        const feedback = textIn(answer, 'feedback');
        if (option.feedback) expectShows(feedback, option.feedback);
        else expect(feedback).toBe('');
      });
      const positive = answers.map(fractionOf).filter((fraction) => fraction > 0);
      // Moodle: the positive grades, as fractions rounded to two places, add up to 1.
      const sum = positive.reduce((a, b) => a + b, 0);
      if (item.multiple) expect(Math.round(sum) / 100).toBe(1);
      else expect(Math.max(...positive)).toBe(100);
      if (item.multiple) {
        // Ticking every option scores nothing.
        expect(answers.map(fractionOf).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(0.5);
      }
      break;
    }
    case 'truefalse': {
      const byText = new Map(answers.map((answer) => [textIn(answer), answer]));
      expect([...byText.keys()].sort()).toEqual(['false', 'true']);
      expect(fractionOf(byText.get(String(item.answer))!)).toBe(100);
      expect(fractionOf(byText.get(String(!item.answer))!)).toBe(0);
      if (item.trueFeedback)
        expectShows(textIn(byText.get('true')!, 'feedback'), item.trueFeedback);
      if (item.falseFeedback) {
        expectShows(textIn(byText.get('false')!, 'feedback'), item.falseFeedback);
      }
      break;
    }
    case 'numeric': {
      expect(answers.length).toBe(1);
      const value = Number(textIn(answers[0]!));
      const tolerance = Number(child(answers[0]!, 'tolerance').text);
      expect(value - tolerance).toBeCloseTo(item.answer.min, 9);
      expect(value + tolerance).toBeCloseTo(item.answer.max, 9);
      const units = childrenNamed(question, 'units').flatMap((units) =>
        childrenNamed(units, 'unit'),
      );
      if (item.answer.unit) {
        expect(units.map((unit) => child(unit, 'unit_name').text)).toEqual([item.answer.unit]);
        expect(child(units[0]!, 'multiplier').text).toBe('1');
        // Units optional (qtype_numerical::UNITOPTIONAL), typed in the answer box (UNITINPUT).
        expect(child(question, 'unitgradingtype').text).toBe('0');
        expect(child(question, 'showunits').text).toBe('0');
      } else {
        expect(units).toEqual([]);
        expect(child(question, 'showunits').text).toBe('3');
      }
      break;
    }
    case 'short':
      expect(child(question, 'usecase').text).toBe(item.caseSensitive ? '1' : '0');
      expect(answers.map((answer) => textIn(answer))).toEqual(
        item.answers.map((answer) => answer.replace(/\*/g, '\\*')),
      );
      expect(answers.every((answer) => fractionOf(answer) === 100)).toBe(true);
      break;
    case 'cloze': {
      expect(answers).toEqual([]);
      const blanks = embeddedAnswers(questionText);
      expect(blanks.map((blank) => blank.answer)).toEqual(
        clozeBlanks(item.text).map((blank) => blank.answer.replace(/\*/g, '\\*')),
      );
      expect(blanks.every((blank) => blank.full && blank.weight === '1')).toBe(true);
      break;
    }
    case 'matching': {
      const subquestions = childrenNamed(question, 'subquestion');
      expect(subquestions.length).toBe(item.pairs.length + item.distractors.length);
      item.pairs.forEach((pair, index) => {
        expectShows(textIn(subquestions[index]!), pair.left);
        expect(textIn(subquestions[index]!, 'answer')).toBe(words(pair.right));
      });
      item.distractors.forEach((distractor, index) => {
        const subquestion = subquestions[item.pairs.length + index]!;
        expect(textIn(subquestion)).toBe('');
        expect(textIn(subquestion, 'answer')).toBe(words(distractor));
      });
      break;
    }
    case 'ordering':
      expect(answers.length).toBe(item.sequence.length);
      item.sequence.forEach((entry, index) => {
        expect(fractionOf(answers[index]!)).toBe(index + 1);
        expectShows(textIn(answers[index]!), entry);
      });
      break;
  }
}
