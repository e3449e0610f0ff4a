import { type DeckInput, toPlainText } from '@quizmark/model';
import { parseDeck } from '@quizmark/parser';
import { deckInput, everyTypeDeck, hostileDeck } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { moodleDescriptor, moodleXml } from '../src/index.js';
import { childrenNamed, readXml, type XmlElement } from './moodle-reader.js';

// What Moodle's importer reads, element by element, as written down from
// moodle/moodle question/format/xml/format.php (import_headers,
// import_answer, import_hint(s), import_question_tags, import_multichoice,
// import_truefalse, import_shortanswer, import_numerical, import_match,
// import_multianswer, import_essay, import_category) and, for ordering,
// question/type/ordering's XML fixtures (tests/fixtures/testexport.moodle.xml).
const HEADERS = [
  'name',
  'questiontext',
  'generalfeedback',
  'defaultgrade',
  'penalty',
  'hidden',
  'idnumber',
  'hint',
  'tags',
];
const READ_BY_TYPE: Record<string, string[]> = {
  category: ['category', 'info', 'idnumber'],
  multichoice: [
    ...HEADERS,
    'single',
    'shuffleanswers',
    'answernumbering',
    'showstandardinstruction',
    'answer',
  ],
  truefalse: [...HEADERS, 'answer'],
  shortanswer: [...HEADERS, 'usecase', 'answer'],
  numerical: [
    ...HEADERS,
    'answer',
    'units',
    'unitgradingtype',
    'unitpenalty',
    'showunits',
    'unitsleft',
    'instructions',
  ],
  matching: [...HEADERS, 'shuffleanswers', 'subquestion'],
  cloze: [
    'name',
    'questiontext',
    'generalfeedback',
    'penalty',
    'hidden',
    'idnumber',
    'hint',
    'tags',
  ],
  essay: [
    ...HEADERS,
    'responseformat',
    'responserequired',
    'responsefieldlines',
    'attachments',
    'attachmentsrequired',
    'graderinfo',
    'responsetemplate',
  ],
  ordering: [
    ...HEADERS,
    'layouttype',
    'selecttype',
    'selectcount',
    'gradingtype',
    'showgrading',
    'numberingstyle',
    'answer',
  ],
};
// Inside those: import_text_with_files (`text`, `file`), import_answer
// (`text`, `feedback`, numerical `tolerance`), import_match (`answer`),
// the units and tags loops.
const READ_INSIDE: Record<string, string[]> = {
  name: ['text'],
  questiontext: ['text', 'file'],
  generalfeedback: ['text', 'file'],
  hint: ['text', 'file'],
  graderinfo: ['text', 'file'],
  responsetemplate: ['text'],
  answer: ['text', 'file', 'feedback', 'tolerance'],
  feedback: ['text', 'file'],
  subquestion: ['text', 'file', 'answer'],
  units: ['unit'],
  unit: ['multiplier', 'unit_name'],
  tags: ['tag'],
  tag: ['text'],
  category: ['text'],
  info: ['text'],
};

function checkElements(element: XmlElement, allowed: readonly string[], where: string) {
  for (const child of element.children) {
    expect(allowed, `<${child.name}> in ${where}`).toContain(child.name);
    checkElements(child, READ_INSIDE[child.name] ?? [], `${where} > ${child.name}`);
  }
}

const decks: Array<[string, DeckInput]> = [
  ['every type', deckInput(everyTypeDeck(), 'every-type')],
  ['hostile', deckInput(hostileDeck(), 'hostile')],
];

describe('elements against what Moodle reads', () => {
  it.each(decks)('should write only elements the importer reads (%s)', (_name, input) => {
    const quiz = readXml(moodleXml(input));
    const questions = childrenNamed(quiz, 'question');
    expect(questions.length).toBeGreaterThan(3);
    for (const question of questions) {
      const type = question.attributes.type!;
      expect(Object.keys(READ_BY_TYPE)).toContain(type);
      checkElements(question, READ_BY_TYPE[type]!, type);
    }
  });

  it('should write HTML fields with format="html" and true/false answers by their text', () => {
    const quiz = readXml(moodleXml(decks[0]![1]));
    const truefalse = childrenNamed(quiz, 'question').find(
      (q) => q.attributes.type === 'truefalse',
    )!;
    expect(
      childrenNamed(truefalse, 'answer').map((answer) => childrenNamed(answer, 'text')[0]!.text),
    ).toEqual(['true', 'false']);
    for (const question of childrenNamed(quiz, 'question')) {
      for (const name of ['questiontext', 'generalfeedback', 'hint', 'info']) {
        for (const field of childrenNamed(question, name))
          expect(field.attributes.format).toBe('html');
      }
    }
  });
});

/** A deck file: frontmatter, then the Markdown given. */
const deckFile = (body: string) => `---\nid: rules\ntitle: Rules\nlanguage: en\n---\n\n${body}`;

const checkOf = async (body: string) => {
  const result = parseDeck(deckFile(body), { file: 'deck.md' });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const input: DeckInput = { deck: result.deck!, name: 'deck', assets: new Map() };
  return {
    input,
    problems: await moodleDescriptor.check!(input, {}, { sourceDateEpoch: 0, lastChange: 0 }),
  };
};

describe('rules', () => {
  it('should register each rule it reports, prefixed moodle-', () => {
    for (const id of Object.keys(moodleDescriptor.rules)) expect(id).toMatch(/^moodle-/);
    expect(moodleDescriptor.carries.remoteImages).toBe('link');
  });

  it('should warn that a pinned option stops Moodle from shuffling, and keep the order', async () => {
    const { input, problems } = await checkOf(
      '## Quiz\n\n### Which is right?\n\n- [x] This\n- [ ] That\n- [ ] None of the above {pin}\n',
    );
    expect(problems.map((p) => [p.ruleId, p.item])).toEqual([
      ['moodle-choice-pinned', 'rules-which-is-right'],
    ]);
    expect(moodleXml(input)).toContain('<shuffleanswers>false</shuffleanswers>');
  });

  it('should warn that rich right-hand sides of a matching item show as plain text', async () => {
    const { input, problems } = await checkOf(
      '## Match\n\n### Match the units {type=matching}\n\n- Energy → $\\mathrm{J}$\n- Power → **watt**\n',
    );
    expect(problems.map((p) => p.ruleId)).toEqual(['moodle-matching-plain-answers']);
    const item = input.deck.sections[0]!.items[0]!;
    expect(item.type).toBe('matching');
    expect(moodleXml(input)).toContain('<answer><text>watt</text></answer>');
    if (item.type === 'matching') expect(toPlainText(item.pairs[0]!.right)).toBe('\\mathrm{J}');
  });

  it('should warn when a multiple-answer choice has more than 20 correct options', async () => {
    const options = Array.from({ length: 21 }, (_, i) => `- [x] Option ${i + 1}`).join('\n');
    const { input, problems } = await checkOf(
      `## Quiz\n\n### Pick all\n\n${options}\n- [ ] Wrong\n`,
    );
    expect(problems.map((p) => p.ruleId)).toEqual(['moodle-choice-grades']);
    const fractions = [...moodleXml(input).matchAll(/<answer fraction="([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(fractions.filter((f) => f === '5').length).toBe(20);
    expect(fractions.slice(20)).toEqual(['0', '-100']);
  });

  it('should warn that a local image in a description shows its alt text', async () => {
    const markdown = '![Map](map.png)\n\n## Quiz\n\n### Q {type=short}\n\n#### Answer\n\nA\n';
    const result = parseDeck(deckFile(markdown), { file: 'deck.md' });
    const input: DeckInput = {
      deck: result.deck!,
      name: 'deck',
      assets: new Map([
        [
          'map.png',
          { url: 'map.png', path: 'map.png', mediaType: 'image/png', bytes: new Uint8Array([1]) },
        ],
      ]),
    };
    const problems = await moodleDescriptor.check!(
      input,
      {},
      { sourceDateEpoch: 0, lastChange: 0 },
    );
    expect(problems.map((p) => [p.ruleId, p.image])).toEqual([
      ['moodle-description-image', 'map.png'],
    ]);
    expect(moodleXml(input)).toMatch(/<info format="html"><text><!\[CDATA\[.*Map/);
  });

  it('should find nothing to warn about in the every-type deck', async () => {
    expect(
      await moodleDescriptor.check!(decks[0]![1], {}, { sourceDateEpoch: 0, lastChange: 0 }),
    ).toEqual([]);
  });
});
