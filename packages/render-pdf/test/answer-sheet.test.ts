import type { Deck, RenderedFile } from '@quizmark/model';
import { choice, deckOf, explain, runTool, shortAnswer, trueFalse } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { type PdfOptions, pdfDescriptor, pdfRenderer, planVersions } from '../src/index.js';
import { layoutSheet, type SheetBubble } from '../src/sheet-layout.js';
import { layoutPages, pageCount } from './exam-pdfs.js';
import { type PlacedWord, pagePixels, pdfWords } from './page-pixels.js';
import { seedDeck } from './parsed-decks.js';
import { withPdfFile } from './pdf-tools.js';

// The answer sheet and the key's marking overlay, read back with poppler:
// pdftotext for the rows and the key's answers, pdftotext -bbox for where
// the letters are, pdftoppm for which bubbles are inked, pdfinfo for pages
// and the structure tree.

/** Choices of 3 to 5 options (some select-all), true/false, and written questions between them. */
function mixedDeck(count = 24): Deck {
  return deckOf({
    Basics: Array.from({ length: count }, (_, index) => {
      if (index % 9 === 4) return explain(`e${index}`);
      if (index % 11 === 6) return shortAnswer(`s${index}`);
      if (index % 7 === 3) return trueFalse(`t${index}`, { answer: index % 2 === 0 });
      const size = 3 + (index % 3);
      return choice(`q${index}`, {
        options: Array.from({ length: size }, (_, option) => `option ${option + 1} of q${index}`),
        correct: index % 5 === 0 ? [0, size - 1] : [index % size],
      });
    }),
  });
}

const choices = (count: number): Deck =>
  deckOf({ Basics: Array.from({ length: count }, (_, index) => choice(`q${index}`)) });

async function render(deck: Deck, options: PdfOptions): Promise<Map<string, RenderedFile>> {
  const files = await pdfRenderer.render({
    decks: [{ deck, name: 'exam', assets: new Map() }],
    options,
    sourceDateEpoch: 0,
  });
  return new Map(files.map((file) => [file.path, file]));
}

const bytesOf = (files: Map<string, RenderedFile>, path: string): Uint8Array => {
  const file = files.get(path);
  if (!file) throw new Error(`not written: ${path} (written: ${[...files.keys()].join(', ')})`);
  return file.bytes;
};

/** pdftotext -raw: text in the order it is drawn, one printed line a line. */
const rawText = (bytes: Uint8Array): string =>
  withPdfFile(bytes, (file) => runTool('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']));

/** The sheet's rows as pdftotext reads them: "6 A B C D" → 6: [A, B, C, D], in reading order. */
function sheetRows(bytes: Uint8Array): Array<[number, string[]]> {
  return rawText(bytes)
    .split('\n')
    .flatMap((line): Array<[number, string[]]> => {
      const match = /^(\d+)((?: [A-Z])+)$/.exec(line.trim());
      return match ? [[Number(match[1]), match[2]!.trim().split(' ')]] : [];
    });
}

/**
 * What the quiz asks, read from its text: per question number the letters
 * of its options ("A." lines), T and F for a true/false (its "True" and
 * "False" lines), nothing for a question written on the paper.
 */
function quizAnswers(bytes: Uint8Array): Map<number, string[]> {
  const questions = new Map<number, string[]>();
  let current: string[] | null = null;
  for (const line of layoutPages(bytes).join('\n').split('\n')) {
    const question = /^(\d+)\.\s/.exec(line);
    if (question) {
      current = [];
      questions.set(Number(question[1]), current);
      continue;
    }
    const option = /^\s+([A-Z])\.\s/.exec(line);
    if (option && current) current.push(option[1]!);
    if (/^\s+(True|False)$/.test(line) && current) current.push(line.trim()[0]!);
  }
  return questions;
}

/** The key's correct letters per question: "Answer: C", "Answers: A, D", "Answer: True" → T. */
function keyAnswers(bytes: Uint8Array): Map<number, string[]> {
  const answers = new Map<number, string[]>();
  const lines = layoutPages(bytes)
    .join('\n')
    .split('\n')
    .filter((line) => line.trim() !== '');
  lines.forEach((line, index) => {
    const question = /^(\d+)\.\s/.exec(line);
    const answer = /^\s+Answers?: (.+)$/.exec(lines[index + 1] ?? '');
    const value = answer?.[1]?.trim() ?? '';
    // Choice letters or true/false; a short answer's "Answer:" is written, not bubbled.
    if (!question || !/^([A-Z](, [A-Z])*|True|False)$/.test(value)) return;
    answers.set(
      Number(question[1]),
      value === 'True' || value === 'False' ? [value[0]!] : value.split(', '),
    );
  });
  return answers;
}

/**
 * Bubbles inked inside, by pixels of the page at 72 dpi: four points
 * between the letter and the outline (4.5 pt from the centre) all dark.
 */
function inkedBubbles(bytes: Uint8Array, page: number, bubbles: readonly SheetBubble[]) {
  const pixels = pagePixels(bytes, page);
  const dark = (x: number, y: number) => Math.max(...pixels.at(x, y)) < 110;
  const white = (x: number, y: number) => Math.min(...pixels.at(x, y)) > 200;
  const probes = (bubble: SheetBubble) =>
    [
      [4.5, 0],
      [-4.5, 0],
      [0, 4.5],
      [0, -4.5],
    ].map(([dx, dy]) => [bubble.x + dx!, bubble.y + dy!] as const);
  return bubbles.flatMap((bubble) => {
    const points = probes(bubble);
    if (points.every(([x, y]) => dark(x, y))) return [`${bubble.number}${bubble.letter}`];
    // Neither inked nor clear would be a bubble drawn somewhere else.
    expect(points.every(([x, y]) => white(x, y))).toBe(true);
    return [];
  });
}

describe('the answer sheet', () => {
  it('should write a labelled sheet per version whose rows are that version’s choice and true/false questions, numbered and lettered as its quiz', async () => {
    const deck = mixedDeck();
    const files = await render(deck, { versions: 3, answerSheet: true });
    const seen = new Set<string>();
    for (const version of ['A', 'B', 'C']) {
      const sheet = files.get(`exam.${version}.sheet.pdf`);
      expect(sheet?.label).toBe(`Answer sheet, version ${version} (PDF)`);
      const quiz = quizAnswers(bytesOf(files, `exam.${version}.quiz.pdf`));
      expect(quiz.size).toBe(24);
      const bubbled = [...quiz].filter(([, letters]) => letters.length > 0);
      // Rows in question order, each with the quiz's letters.
      expect(sheetRows(sheet!.bytes)).toEqual(bubbled);
      seen.add(JSON.stringify(bubbled));
      const written = [...quiz].filter(([, letters]) => letters.length === 0).map(([n]) => n);
      expect(written).toHaveLength(5);
      const text = layoutPages(sheet!.bytes).join('\n').replace(/\s+/g, ' ');
      expect(text).toContain(
        `Questions ${written.slice(0, -1).join(', ')} and ${written.at(-1)} are answered on the quiz paper.`,
      );
      expect(text).toContain(
        "Fill one bubble per question; for 'select all that apply' fill every correct one.",
      );
      expect(text).toContain(`ANSWER SHEET · VERSION ${version}`);
      for (const field of ['Name', 'Date', 'Score']) expect(text).toContain(field);
    }
    // The versions order their questions differently: three different sheets.
    expect(seen.size).toBe(3);
  });

  it('should write exam.sheet.pdf for the shipped deck with one version, and three for three', async () => {
    const one = await render(seedDeck(), { answerSheet: true });
    expect(one.get('exam.sheet.pdf')?.label).toBe('Answer sheet (PDF)');
    expect(sheetRows(bytesOf(one, 'exam.sheet.pdf')).map(([n]) => n)).toEqual([
      6, 7, 8, 9, 10, 13, 14, 15, 16, 17,
    ]);
    const three = await render(seedDeck(), { versions: 3, answerSheet: true });
    expect([...three.keys()].filter((path) => path.endsWith('.sheet.pdf'))).toEqual([
      'exam.A.sheet.pdf',
      'exam.B.sheet.pdf',
      'exam.C.sheet.pdf',
    ]);
    const plain = await render(seedDeck(), {});
    expect([...plain.keys()].some((path) => path.includes('sheet'))).toBe(false);
  });

  it('should fill on the overlay exactly the bubbles of the key’s correct letters, in every version', async () => {
    const deck = mixedDeck();
    const options: PdfOptions = { versions: 3, answerSheet: true };
    const files = await render(deck, options);
    for (const plan of planVersions(deck, options)) {
      const key = bytesOf(files, `exam.${plan.version}.key.pdf`);
      const overlay = layoutSheet(plan, 'overlay', {
        paper: 'a4',
        fields: ['Name', 'Date', 'Score'],
      })!;
      const first = pageCount(key) - overlay.pages.length + 1;
      expect(layoutPages(key)[first - 1]).toContain(
        `Marking overlay · Version ${plan.version} — print on transparency or hold against the sheet`,
      );
      const inked = overlay.pages.flatMap((_, page) =>
        inkedBubbles(
          key,
          first + page,
          overlay.bubbles.filter((bubble) => bubble.page === page + 1),
        ),
      );
      const expected = [...keyAnswers(key)].flatMap(([number, letters]) =>
        letters.map((letter) => `${number}${letter}`),
      );
      expect(expected.length).toBeGreaterThan(20);
      expect(inked.sort()).toEqual(expected.sort());
      // The student's sheet has none inked.
      const sheet = bytesOf(files, `exam.${plan.version}.sheet.pdf`);
      expect(
        inkedBubbles(
          sheet,
          1,
          layoutSheet(plan, 'sheet', { paper: 'a4', fields: ['Name', 'Date', 'Score'] })!.bubbles,
        ),
      ).toEqual([]);
    }
  });

  it('should print every bubble letter of the overlay where the sheet prints it (within 0.1 pt), on its bubble', async () => {
    const deck = mixedDeck(40);
    const options: PdfOptions = { versions: 2, answerSheet: true, paper: 'letter' };
    const files = await render(deck, options);
    for (const plan of planVersions(deck, options)) {
      const fields = { paper: 'letter' as const, fields: ['Name', 'Date', 'Score'] };
      const sheetBubbles = layoutSheet(plan, 'sheet', fields)!.bubbles;
      const overlayBubbles = layoutSheet(plan, 'overlay', fields)!.bubbles;
      expect(overlayBubbles.map(({ correct: _, ...place }) => place)).toEqual(
        sheetBubbles.map(({ correct: _, ...place }) => place),
      );
      const key = bytesOf(files, `exam.${plan.version}.key.pdf`);
      const offset = pageCount(key) - 1;
      // Letters between the first and the last bubble (the header and the footer have their own).
      const top = Math.min(...sheetBubbles.map((bubble) => bubble.y - bubble.radius));
      const bottom = Math.max(...sheetBubbles.map((bubble) => bubble.y + bubble.radius));
      const letters = (bytes: Uint8Array, page: number) =>
        pdfWords(bytes).filter(
          (word) =>
            word.page === page &&
            /^[A-Z]$/.test(word.text) &&
            word.yMax > top &&
            word.yMin < bottom,
        );
      // Compared in page order, top to bottom, left to right.
      const byPlace = <T>(items: T[], x: (item: T) => number, y: (item: T) => number) =>
        items.sort((a, b) => Math.round(y(a) - y(b)) || x(a) - x(b));
      const centreX = (word: PlacedWord) => (word.xMin + word.xMax) / 2;
      const centreY = (word: PlacedWord) => (word.yMin + word.yMax) / 2;
      byPlace(
        sheetBubbles,
        (bubble) => bubble.x,
        (bubble) => bubble.y,
      );
      const onSheet = letters(bytesOf(files, `exam.${plan.version}.sheet.pdf`), 1);
      const onOverlay = letters(key, offset + 1);
      byPlace(onSheet, centreX, centreY);
      byPlace(onOverlay, centreX, centreY);
      expect(onSheet).toHaveLength(sheetBubbles.length);
      expect(onOverlay).toHaveLength(sheetBubbles.length);
      onSheet.forEach((word, index) => {
        const other = onOverlay[index]!;
        expect(other.text).toBe(word.text);
        for (const side of ['xMin', 'yMin', 'xMax', 'yMax'] as const)
          expect(Math.abs(other[side] - word[side])).toBeLessThan(0.1);
        // And each letter sits in the bubble the layout computed for it.
        const bubble = sheetBubbles[index]!;
        expect(bubble.letter).toBe(word.text);
        expect(Math.abs(centreX(word) - bubble.x)).toBeLessThan(1);
        expect(Math.abs(centreY(word) - bubble.y)).toBeLessThan(2);
      });
    }
  });

  it('should fit 60 choice questions on one sheet page, with one overlay page in the key', async () => {
    const withSheet = await render(choices(60), { answerSheet: true });
    const without = await render(choices(60), {});
    const sheet = bytesOf(withSheet, 'exam.sheet.pdf');
    expect(pageCount(sheet)).toBe(1);
    expect(sheetRows(sheet).map(([n]) => n)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(pageCount(bytesOf(withSheet, 'exam.key.pdf'))).toBe(
      pageCount(bytesOf(without, 'exam.key.pdf')) + 1,
    );
    // 200 need two pages (an A4 first page holds 132 four-option rows), and two overlay pages.
    const many = await render(choices(200), { answerSheet: true });
    const long = bytesOf(many, 'exam.sheet.pdf');
    expect(pageCount(long)).toBe(2);
    expect(sheetRows(long).map(([n]) => n)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(layoutPages(long)[1]).toContain('Answer sheet (continued)');
    // The name again, in case the pages come apart.
    expect(layoutPages(long)[1]).toMatch(/^\s*Name\s*$/m);
    const key = bytesOf(many, 'exam.key.pdf');
    const pages = layoutPages(key);
    expect(pages.at(-2)).toContain('Marking overlay — print on transparency');
    expect(pages.at(-1)).toContain('Marking overlay (continued)');
  });

  it('should tag each row as a list item: its number the label, its letters the body', async () => {
    const files = await render(seedDeck(), { answerSheet: true });
    const tree = withPdfFile(bytesOf(files, 'exam.sheet.pdf'), (file) =>
      runTool('pdfinfo', ['-struct-text', file]),
    );
    const items = tree.split('\n    LI').slice(1);
    expect(items).toHaveLength(10);
    expect(items[0]).toMatch(/Lbl \(block\)\s+"6"\s+LBody \(block\)\s+"A"\s+"B"\s+"C"\s+"D"/);
    expect(tree).toMatch(/H1 \(block\)\s+"What is MLOps/);
  });

  it('should write the same bytes twice', async () => {
    const first = await render(mixedDeck(), { versions: 2, answerSheet: true, seed: 's' });
    const second = await render(mixedDeck(), { versions: 2, answerSheet: true, seed: 's' });
    for (const [path, file] of first) expect(second.get(path)?.bytes).toEqual(file.bytes);
  });

  it('should warn and write no sheet nor overlay for a deck without choice or true/false questions', async () => {
    const deck = deckOf({ Written: [explain('e1'), shortAnswer('s1')] });
    const input = { deck, name: 'exam', assets: new Map() };
    const dates = { sourceDateEpoch: 0, lastChange: 0 };
    expect(await pdfDescriptor.check?.(input, { answerSheet: true }, dates)).toEqual([
      {
        ruleId: 'pdf-no-sheet-questions',
        message:
          'Deck "test-deck" has no choice or true/false question to print, so no answer sheet is written for it',
        item: null,
      },
    ]);
    expect(await pdfDescriptor.check?.(input, {}, dates)).toEqual([]);
    // A selection that leaves only written questions warns the same way.
    const mixed = { ...input, deck: mixedDeck() };
    expect(
      await pdfDescriptor.check?.(
        mixed,
        { answerSheet: true, select: { types: ['explain'] } },
        dates,
      ),
    ).toHaveLength(1);
    expect(await pdfDescriptor.check?.(mixed, { answerSheet: true }, dates)).toEqual([]);
    const files = await render(deck, { answerSheet: true });
    expect([...files.keys()]).toEqual(['exam.quiz.pdf', 'exam.key.pdf']);
    expect(layoutPages(bytesOf(files, 'exam.key.pdf')).join('')).not.toContain('Marking overlay');
  });
});
