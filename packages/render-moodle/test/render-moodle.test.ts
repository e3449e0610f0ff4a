import type { DeckInput, Inline } from '@quizmark/model';
import {
  blank,
  choice,
  cloze,
  code,
  deckInput,
  deckOf,
  everyTypeDeck,
  explain,
  flashcard,
  hostileDeck,
  imageAsset,
  matching,
  numeric,
  numericAnswer,
  para,
  png,
  rich,
  shortAnswer,
  systemTool,
  text,
  xmlWellFormedErrors,
} from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { moodleRenderer, moodleXml, questionIdnumber } from '../src/index.js';
import { checkBank } from './deck-checks.js';
import { child, childrenNamed, embeddedAnswers, readXml, textIn } from './moodle-reader.js';

const render = async (input: DeckInput) => {
  const files = await moodleRenderer.render({ decks: [input], options: {}, sourceDateEpoch: 0 });
  expect(files.length).toBe(1);
  return new TextDecoder().decode(files[0]!.bytes);
};

const wellFormed = (xml: string) => {
  if (systemTool('xmllint', 'libxml2-utils')) expect(xmlWellFormedErrors(xml)).toBeNull();
  return readXml(xml);
};

const image = (url: string, alt: string): Inline => ({ type: 'image', url, alt, title: null });

/** Every item type, including the two the shared deck leaves out. */
function everyType(): DeckInput {
  const deck = everyTypeDeck();
  deck.tags = ['physics'];
  deck.sections[0]!.items.push(
    flashcard('newton-first', {
      front: 'State Newton’s first law.',
      back: 'A body keeps its velocity unless a net force acts on it.',
      hint: rich('Inertia.'),
      tags: ['laws'],
      level: 'beginner',
      difficulty: 'easy',
    }),
    explain('explain-energy', {
      prompt: 'Explain conservation of energy.',
      concepts: [rich('Energy is neither created nor destroyed'), rich('It changes form')],
      steps: [{ title: 'Name the law', body: rich('The first law of thermodynamics.') }],
      mistakes: [rich('Saying energy is used up.')],
    }),
    choice('select-vectors', {
      stem: 'Select every vector quantity.',
      options: ['Velocity', 'Force', 'Speed', 'Acceleration', 'Mass'],
      correct: [0, 1, 3],
      multiple: true,
    }),
  );
  return deckInput(deck, 'every-type');
}

describe('@quizmark/render-moodle', () => {
  it('should expose the public api', () => {
    expect(Object.keys(api).sort()).toEqual([
      'MOODLE_TYPES',
      'MoodleOptionsSchema',
      'categoryPath',
      'moodleDescriptor',
      'moodleRenderer',
      'moodleXml',
      'questionIdnumber',
      'questionXml',
    ]);
  });

  it('should write every item type as its Moodle question, checked against the deck', async () => {
    const input = everyType();
    const questions = checkBank(input, await render(input));
    expect(questions.size).toBe(11);
    // The multiple-answer grades: a third each, wrong options half off each.
    const fractions = childrenNamed(questions.get('select-vectors')!, 'answer').map(
      (answer) => answer.attributes.fraction,
    );
    expect(fractions).toEqual(['33.33333', '33.33333', '-50', '33.33333', '-50']);
    // A single answer: full marks for the right one, nothing for the others.
    expect(
      childrenNamed(questions.get('vector')!, 'answer').map((answer) => answer.attributes.fraction),
    ).toEqual(['0', '100', '0']);
  });

  it("should write the numeric answer as Moodle's value and absolute tolerance, with its unit", async () => {
    const questions = checkBank(everyType(), await render(everyType()));
    const energy = child(questions.get('kinetic-energy')!, 'answer');
    // 9 J ± 2 %: 8.82 to 9.18.
    expect([textIn(energy), child(energy, 'tolerance').text]).toEqual(['9', '0.18']);
    const range = deckInput(
      deckOf({
        Numbers: [
          numeric('boiling', {
            answer: numericAnswer(100, { kind: 'range', tolerance: 0.5, unit: '°C' }),
          }),
          numeric('tiny', { answer: numericAnswer(1.5e-7, { kind: 'exact' }) }),
          numeric('negative', {
            answer: numericAnswer(-9.81, { kind: 'absolute', tolerance: 0.01 }),
          }),
        ],
      }),
      'numbers',
    );
    const numbers = checkBank(range, await render(range));
    const answerOf = (id: string) => {
      const answer = child(numbers.get(id)!, 'answer');
      return [textIn(answer), child(answer, 'tolerance').text];
    };
    expect(answerOf('boiling')).toEqual(['100', '0.5']);
    expect(answerOf('tiny')).toEqual(['1.5e-7', '0']);
    expect(answerOf('negative')).toEqual(['-9.81', '0.01']);
  });

  it('should keep hints, per-option feedback and general feedback, and leave empty parts empty', async () => {
    const questions = checkBank(everyType(), await render(everyType()));
    const explainQuestion = questions.get('explain-energy')!;
    const feedback = textIn(explainQuestion, 'generalfeedback');
    expect(feedback).toContain('<strong>Solution</strong>');
    expect(feedback).toContain('<strong>Name the law</strong>');
    expect(feedback).toContain('<strong>Common mistakes</strong>');
    expect(childrenNamed(explainQuestion, 'hint')).toEqual([]);
    expect(textIn(questions.get('force-unit')!, 'generalfeedback')).toBe('');
    expect(textIn(child(questions.get('newton-first')!, 'hint'))).toBe('<p>Inertia.</p>');
  });

  it('should write the same bytes for the same input', async () => {
    expect(await render(everyType())).toBe(await render(everyType()));
    expect(await render(deckInput(hostileDeck(), 'hostile'))).toBe(
      await render(deckInput(hostileDeck(), 'hostile')),
    );
  });
});

describe('images', () => {
  const pipeline = imageAsset('images/a/diagram.png', png(4, 2, [9, 105, 218]), {
    path: 'images/a/diagram.png',
  });
  const monitoring = imageAsset('images/b/diagram.png', png(2, 4, [26, 127, 55]), {
    path: 'images/b/diagram.png',
  });
  const withImages = () =>
    deckInput(
      deckOf({
        Pictures: [
          choice('two-diagrams', {
            stem: rich(
              'Which diagram?',
              para(image('images/a/diagram.png', 'Pipeline')),
              para(image('images/b/diagram.png', 'Monitoring')),
              para(image('https://example.com/remote.png', 'Remote')),
            ),
            options: [rich(para(image('images/a/diagram.png', 'Pipeline'))), 'Neither'],
            hint: rich(para('See ', image('images/b/diagram.png', 'Monitoring'))),
          }),
        ],
      }),
      'pictures',
      [pipeline, monitoring],
    );

  it('should embed each local image once per field, names unique there and bytes intact', async () => {
    const xml = await render(withImages());
    const questions = checkBank(withImages(), xml);
    const question = questions.get('two-diagrams')!;
    const stem = child(question, 'questiontext');
    const files = childrenNamed(stem, 'file');
    expect(files.map((file) => file.attributes.name)).toEqual(['diagram.png', 'diagram-2.png']);
    expect(Buffer.from(files[0]!.text, 'base64')).toEqual(Buffer.from(pipeline.bytes));
    expect(Buffer.from(files[1]!.text, 'base64')).toEqual(Buffer.from(monitoring.bytes));
    const html = textIn(stem);
    expect(html).toContain('src="@@PLUGINFILE@@/diagram.png" alt="Pipeline"');
    expect(html).toContain('src="@@PLUGINFILE@@/diagram-2.png" alt="Monitoring"');
    // An option and a hint are fields of their own, with their own files.
    const option = childrenNamed(question, 'answer')[0]!;
    expect(childrenNamed(option, 'file').map((file) => file.attributes.name)).toEqual([
      'diagram.png',
    ]);
    const hint = child(question, 'hint');
    expect(childrenNamed(hint, 'file').map((file) => file.attributes.name)).toEqual([
      'diagram.png',
    ]);
    expect(Buffer.from(child(hint, 'file').text, 'base64')).toEqual(Buffer.from(monitoring.bytes));
  });

  it('should show a remote image as a link, never as a file', async () => {
    const html = textIn(
      child(
        checkBank(withImages(), await render(withImages())).get('two-diagrams')!,
        'questiontext',
      ),
    );
    expect(html).toContain('<a href="https://example.com/remote.png"');
    expect(html).toContain('Image: Remote');
    expect(html).not.toContain('<img src="https://example.com');
  });

  it('should URL-encode a file name in the src, and keep it as is in the file element', async () => {
    const asset = imageAsset('img/ø chart.png', png(1, 1), { path: 'img/ø chart.png' });
    const input = deckInput(
      deckOf({
        Pictures: [
          flashcard('chart', { front: rich('Chart', para(image('img/ø chart.png', 'Chart'))) }),
        ],
      }),
      'chart',
      [asset],
    );
    const text = child(readXml(await render(input)).children.at(-1)!, 'questiontext');
    expect(child(text, 'file').attributes.name).toBe('ø chart.png');
    expect(textIn(text)).toContain('src="@@PLUGINFILE@@/%C3%B8%20chart.png"');
  });
});

describe('math and code', () => {
  it("should leave TeX in MathJax's delimiters and style code inline", async () => {
    const input = deckInput(
      deckOf({
        Maths: [
          flashcard('formula', {
            front: rich(
              para('Kinetic energy ', { type: 'inlineMath', value: 'E_k < \\frac{1}{2}mv^2' }),
            ),
            back: rich({ type: 'math', value: 'E = mc^2' }, code('python', 'print(1 < 2)')),
          }),
        ],
      }),
      'maths',
    );
    const question = checkBank(input, await render(input)).get('formula')!;
    expect(textIn(question, 'questiontext')).toContain('\\(E_k &lt; \\frac{1}{2}mv^2\\)');
    const grader = textIn(question, 'graderinfo');
    expect(grader).toContain('\\[E = mc^2\\]');
    // Moodle has no stylesheet for highlighted code: the colours are style attributes.
    expect(grader).toMatch(
      /<pre[^>]*><code[^>]*>.*<span class="hljs-built_in" style="color:#[0-9a-f]+">print<\/span>/s,
    );
  });
});

describe('hostile text', () => {
  it('should keep the hostile deck well-formed and its HTML sanitised', async () => {
    const input = deckInput(hostileDeck(), 'hostile');
    const xml = await render(input);
    const quiz = wellFormed(xml);
    checkBank(input, xml);
    // Every HTML field (`format="html"`): names and categories are text, not HTML.
    const texts: string[] = [];
    const collect = (element: typeof quiz) => {
      if (element.attributes.format === 'html') texts.push(textIn(element));
      element.children.forEach(collect);
    };
    collect(quiz);
    expect(texts.length).toBeGreaterThan(10);
    for (const html of texts) {
      expect(html).not.toMatch(/<script|onerror=|javascript:|<iframe/i);
    }
    // The category is the title as written: it is a name, not HTML.
    expect(textIn(childrenNamed(quiz, 'question')[0]!, 'category')).toBe(
      `$course$/top/${hostileDeck().title.replaceAll('/', '//')}`,
    );
  });

  it('should split ]]> across CDATA sections and replace characters XML cannot hold', async () => {
    const input = deckInput(
      deckOf({
        'A/B ]]> & <c>': [
          shortAnswer('cdata-end', {
            stem: rich(para('Ends a CDATA section: ]]> and ]]]]>, bell \u0007 & <tag>')),
            answers: ['a]]>b', '5 * 3', 'x & <y>'],
          }),
        ],
      }),
      'hostile-text',
    );
    const xml = await render(input);
    const quiz = wellFormed(xml);
    const questions = checkBank(input, xml);
    const question = questions.get('cdata-end')!;
    expect(textIn(question, 'questiontext')).toBe(
      '<p>Ends a CDATA section: ]]> and ]]]]>, bell \ufffd &#x26; &#x3C;tag></p>',
    );
    // Each `]]>` of the HTML (two in the stem) ends a CDATA section after `]]`
    // and opens the next before `>`; plain answers are escaped instead.
    expect(xml.split(']]]]><![CDATA[>').length).toBe(3);
    expect(xml).toContain('<text>a]]&gt;b</text>');
    expect(childrenNamed(question, 'answer').map((answer) => textIn(answer))).toEqual([
      'a]]>b',
      '5 \\* 3',
      'x & <y>',
    ]);
    // Moodle reads `//` in a category path as a slash inside one level.
    expect(textIn(childrenNamed(quiz, 'question')[1]!, 'category')).toBe(
      '$course$/top/Test deck/A//B ]]> & <c>',
    );
  });

  it("should escape Moodle's embedded-answer characters so each blank reads back as written", async () => {
    const answers = ['a}b', 'c#d', 'e~f', 'g/h', 'i"j', 'k\\l', '5 * 3', 'x & <y>', '{1:SA:=z}'];
    const input = deckInput(
      deckOf({
        Cloze: [
          cloze('special', {
            text: answers.flatMap(
              (answer, index): Array<Inline | string> => [
                `Blank ${index + 1}: `,
                blank(index + 1, answer),
                '. ',
              ],
            ),
          }),
          cloze('braces', {
            text: [
              text('Not a blank: {1:SHORTANSWER:=trap} nor {#1}; this is: '),
              blank(1, 'real'),
            ],
          }),
        ],
      }),
      'cloze',
    );
    const questions = checkBank(input, await render(input));
    expect(
      embeddedAnswers(textIn(questions.get('special')!, 'questiontext')).map((b) => b.answer),
    ).toEqual(answers.map((answer) => answer.replace(/\*/g, '\\*')));
    const braces = textIn(questions.get('braces')!, 'questiontext');
    expect(embeddedAnswers(braces).map((b) => b.answer)).toEqual(['real']);
    // Moodle replaces `{#1}` with the first blank when it shows the question.
    expect(braces).not.toContain('{#1}');
    expect(braces).toContain('&#123;#1}');
  });

  it('should show a blank’s hint beside it, since Moodle has no place for it in the blank', async () => {
    const questions = checkBank(everyType(), await render(everyType()));
    const html = textIn(questions.get('energy-sentence')!, 'questiontext');
    expect(html).toContain('{1:SHORTANSWER:=watts} <em>(named after a Scottish engineer)</em>');
  });

  it('should keep unicode as written: names, tags and answers', async () => {
    const input = deckInput(
      deckOf({
        日本語: [
          shortAnswer('tokyo', {
            stem: '東京はどこ？ 🗼',
            answers: ['日本', 'にほん'],
            tags: ['地理, 首都'],
          }),
          matching('kana', {
            stem: 'Match.',
            pairs: [
              ['あ', 'a'],
              ['い', 'i'],
            ],
          }),
        ],
      }),
      'unicode',
    );
    const questions = checkBank(input, await render(input));
    expect(textIn(questions.get('tokyo')!, 'name')).toBe('東京はどこ？ 🗼');
    expect(textIn(child(child(questions.get('tokyo')!, 'tags'), 'tag'))).toBe('地理 首都');
  });
});

describe('questionIdnumber', () => {
  it('should keep an id Moodle can store, and shorten a longer one to 100 characters, distinctly', () => {
    expect(questionIdnumber('mass-weight')).toBe('mass-weight');
    const long = (end: string) => `${'a-'.repeat(60)}${end}`;
    const [one, two] = [questionIdnumber(long('one')), questionIdnumber(long('two'))];
    expect([one.length, two.length]).toEqual([100, 100]);
    expect(one).not.toBe(two);
    expect(one.startsWith('a-a-a-')).toBe(true);
  });
});

describe('moodleXml', () => {
  it('should start with the XML declaration and hold one quiz', () => {
    const xml = moodleXml(everyType());
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n')).toBe(true);
    expect(xml.endsWith('</quiz>\n')).toBe(true);
  });
});
