import { readdirSync } from 'node:fs';
import {
  type Block,
  type Inline,
  type Item,
  inlinesToPlainText,
  toPlainText,
} from '@quizmark/model';
import { runTool } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { type PdfOptions, pdfRenderer, planVersions } from '../src/index.js';
import { loadDeck, polyglotAssets, polyglotDeck, seedDeck } from './parsed-decks.js';
import { findInOrder, pdfText, poppler, squash, withPdfFile } from './pdf-tools.js';

// The PDFs read back as text (poppler's pdftotext), white space removed:
// what a student and a teacher would find on the page, in page order.

const CONTENT = new URL('../../../content/', import.meta.url);
const contentDecks = () =>
  readdirSync(CONTENT)
    .filter((name) => name.endsWith('.md'))
    .sort();

async function render(options: PdfOptions, deck = seedDeck(), assets = new Map()) {
  const files = await pdfRenderer.render({
    decks: [{ deck, name: 'deck', assets }],
    options,
    sourceDateEpoch: 1_700_000_000,
  });
  return new Map(files.map((file) => [file.path, squash(pdfText(file.bytes))]));
}

const plain = (text: { children: unknown[] } & Parameters<typeof toPlainText>[0]) =>
  squash(toPlainText(text));

/**
 * The question text block by block: an SVG image's own labels print
 * between its alt text and the next block.
 */
function questionBlocks(item: Item): string[] {
  if (item.type === 'flashcard' || item.type === 'explain' || item.type === 'cloze')
    return [questionText(item)];
  return item.stem.children
    .map((block) => plain({ markdown: '', children: [block] }))
    .filter((text) => text.length > 0);
}

function questionText(item: Item): string {
  switch (item.type) {
    case 'flashcard':
      return plain(item.front);
    case 'explain':
      return plain(item.prompt);
    // A cloze's text prints with gaps for its blanks: the text before the first one.
    case 'cloze':
      return squash(inlinesToPlainText(clozeLead(item.text.children)));
    default:
      return plain(item.stem);
  }
}

/** The inline content of a text up to its first blank. */
function clozeLead(blocks: readonly Block[]): Inline[] {
  const first = blocks[0];
  if (first?.type !== 'paragraph') return [];
  const at = first.children.findIndex((node) => node.type === 'cloze');
  return at < 0 ? first.children : first.children.slice(0, at);
}

/** Everything only the key may show. */
function solutionTexts(item: Item): string[] {
  const texts = [
    ...item.steps.map((step) => plain(step.body)),
    ...item.mistakes.map(plain),
    ...(item.quickCheck ? [plain(item.quickCheck)] : []),
    ...(item.explanation ? [plain(item.explanation)] : []),
  ];
  if (item.type === 'flashcard') texts.push(plain(item.back));
  if (item.type === 'choice')
    for (const option of item.options) if (option.feedback) texts.push(plain(option.feedback));
  if (item.type === 'truefalse')
    for (const feedback of [item.trueFeedback, item.falseFeedback])
      if (feedback) texts.push(plain(feedback));
  if (item.type === 'explain') texts.push(...item.concepts.map(plain));
  else if (item.hint) texts.push(plain(item.hint));
  return texts.filter((text) => text.length > 0);
}

describe.skipIf(!poppler.available)('the PDFs as read by pdftotext', () => {
  for (const file of contentDecks())
    it(`should print every question and option of ${file} in order, with no answer`, async () => {
      const deck = loadDeck(new URL(file, CONTENT));
      // A wrapped code line carries on after a "↪": not part of the code.
      const quiz = (await render({}, deck)).get('deck.quiz.pdf')!.replaceAll('↪', '');
      const needles: string[] = [squash(deck.title), 'Name', 'Date', 'Score'];
      let number = 0;
      for (const section of deck.sections) {
        needles.push(squash(section.title));
        for (const item of section.items) {
          const [first = '', ...rest] = questionBlocks(item);
          needles.push(`${++number}.${first}`, ...rest);
          if (item.type === 'choice')
            needles.push(
              ...item.options.map(
                (option, index) => `${String.fromCharCode(65 + index)}.${plain(option.text)}`,
              ),
            );
          if (item.type === 'explain' && item.hint) needles.push(`Hint:${plain(item.hint)}`);
          if (item.type === 'truefalse') needles.push('TrueFalse');
        }
      }
      expect(() => findInOrder(quiz, needles)).not.toThrow();
      const leaks = deck.sections
        .flatMap((section) => section.items)
        .flatMap(solutionTexts)
        .filter((text) => quiz.includes(text));
      expect(leaks).toEqual([]);
      expect(quiz).not.toContain('Answer:');
      expect(quiz).not.toContain('Solution:');
    });

  it('should number the pages of the seed quiz "Page N of M"', async () => {
    const [quiz] = await pdfRenderer.render({
      decks: [{ deck: seedDeck(), name: 'deck', assets: new Map() }],
      options: {},
      sourceDateEpoch: 0,
    });
    const info = withPdfFile(quiz!.bytes, (file) => runTool('pdfinfo', [file]));
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(2);
    const text = squash(pdfText(quiz!.bytes));
    expect(() =>
      findInOrder(
        text,
        Array.from({ length: pages }, (_, index) => `Page${index + 1}of${pages}`),
      ),
    ).not.toThrow();
  });

  it('should hold every answer and solution in the key, in question order', async () => {
    const key = (await render({})).get('deck.key.pdf')!;
    const needles: string[] = [];
    let number = 0;
    for (const item of seedDeck().sections.flatMap((section) => section.items)) {
      needles.push(`${++number}.${squash(item.title)}`);
      if (item.type === 'choice') {
        const index = item.options.findIndex((option) => option.correct);
        const letter = String.fromCharCode(65 + index);
        needles.push(`Answer:${letter}`, `${letter}.${plain(item.options[index]!.text)}`);
      }
      if (item.type === 'flashcard') needles.push(`Answer:${plain(item.back)}`);
      if (item.type === 'explain') needles.push(...item.concepts.map(plain));
      needles.push(...item.steps.map((step) => plain(step.body)));
      if (item.quickCheck) needles.push(`Quickcheck:${plain(item.quickCheck)}`);
      if (item.hint) needles.push(`Hint:${plain(item.hint)}`);
      needles.push(...item.mistakes.map(plain));
    }
    // Letters named in solutions are rewritten only when options move; here they stay.
    expect(() => findInOrder(key, needles)).not.toThrow();
  });

  it('should print versions in different orders, each key matching its own quiz', async () => {
    const files = await render({ versions: 3, seed: 'monday' });
    const items = seedDeck().sections.flatMap((section) => section.items);
    const orders: string[] = [];
    for (const version of ['A', 'B', 'C']) {
      const quiz = files.get(`deck.${version}.quiz.pdf`)!;
      const key = files.get(`deck.${version}.key.pdf`)!;
      expect(quiz).toContain(squash(`Quiz · Version ${version}`).toUpperCase());
      // Printed order of the questions, read from the quiz itself.
      const printed = [...items].sort(
        (a, b) => quiz.indexOf(questionText(a)) - quiz.indexOf(questionText(b)),
      );
      orders.push(printed.map((item) => item.id).join());
      const keyNeedles: string[] = [];
      printed.forEach((item, index) => {
        const number = index + 1;
        expect(quiz).toContain(`${number}.${questionText(item)}`);
        keyNeedles.push(`${number}.${squash(item.title)}`);
        if (item.type !== 'choice') return;
        // The letter the correct option got in this quiz…
        const start = quiz.indexOf(questionText(item));
        const correct = plain(item.options.find((option) => option.correct)!.text);
        const at = quiz.indexOf(`.${correct}`, start);
        const letter = quiz[at - 1]!;
        expect(letter).toMatch(/[A-D]/);
        // …is the letter this version's key gives.
        keyNeedles.push(`Answer:${letter}`, `${letter}.${correct}`);
      });
      expect(() => findInOrder(key, keyNeedles)).not.toThrow();
    }
    expect(new Set(orders).size).toBe(3);
  });

  it('should rewrite option letters named in solutions to the printed letters', async () => {
    const options: PdfOptions = { versions: 2, seed: 'letters' };
    const files = await render(options);
    const plans = planVersions(seedDeck(), options);
    let moved = 0;
    plans.forEach((plan) => {
      const key = files.get(`deck.${plan.version}.key.pdf`)!;
      for (const question of plan.sections.flatMap((section) => section.questions)) {
        const item = question.item;
        if (item.type !== 'choice' || item.steps.length === 0) continue;
        const letter = String.fromCharCode(
          65 + question.options.findIndex((option) => option.correct),
        );
        // The seed's last step ends "→ Option A" (author letter): it follows the answer.
        const last = plain(item.steps[item.steps.length - 1]!.body).replace(
          /OptionA$|OptionB$|OptionC$|OptionD$/,
          '',
        );
        expect(key).toContain(`${last}Option${letter}`);
        if (!item.options[letter.charCodeAt(0) - 65]?.correct) moved++;
      }
    });
    expect(moved).toBeGreaterThan(0);
  });

  it('should print Greek, Cyrillic, accented Latin, symbols and code, and carry long questions on', async () => {
    const files = await render({}, polyglotDeck(), polyglotAssets());
    const quiz = files.get('deck.quiz.pdf')!;
    for (const text of [
      'Ελληνικά,Русский&Français—symbols→≥≠',
      '→≥≤≠±×÷∞√π∑—and“quotes”',
      'Τισημαίνειηλέξη«λόγος»;',
      'Чтоозначаетслово«привет»?',
      'Oùestlabibliothèque?Çadépend…',
      'total_045=compute_step(45,weights[45]*0.5)#step045',
      'Question5(continued)',
      'Selectallthatapply.A.Itdefinesninetytotals',
      'zip(↪weights_for_every_feature_in_the_model,',
      'ShapeColourSidesRectangleblue4Circleorange0',
      'Cover5keypoints.',
    ])
      expect(quiz).toContain(text);
    // The image was placed, so its alt text is not printed in its stead.
    expect(quiz).not.toContain('[image:');
    const key = files.get('deck.key.pdf')!;
    expect(key).toContain('Answer:«Привет»—этонеформальноеприветствие:helloилиhi.');
    expect(key).toContain('Answers:A,B');
    expect(key).toContain('π≈3.14159…,so|π−22/7|>0');
  });
});
