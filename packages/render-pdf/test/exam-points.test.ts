import { choice, deck, flashcard, matching, section } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { examDeck, layoutPages, renderPair } from './exam-pdfs.js';
import { pdfWords } from './page-pixels.js';

// Points as a teacher reads them on paper: beside each question, a total
// per section and on the cover, and in the key with the scoring rule.

const QUESTION = /^\s*\d+\.\s+.*?\s{2,}(\d+(?:\.\d+)?) points?\s*$/;
const SECTION_TOTAL = /Section total: (\d+(?:\.\d+)?) points?/;
const COVER_TOTAL = /Total: (\d+(?:\.\d+)?) points?/;

/** Per section, the points printed beside its questions and its printed total. */
function readPoints(pages: readonly string[]) {
  const lines = pages.join('\n').split('\n');
  const cover = lines
    .map((line) => COVER_TOTAL.exec(line.replace(SECTION_TOTAL, '')))
    .find(Boolean);
  const sections: Array<{ total: number; questions: number[] }> = [];
  for (const line of lines) {
    const total = SECTION_TOTAL.exec(line);
    if (total) sections.push({ total: Number(total[1]), questions: [] });
    const question = QUESTION.exec(line);
    if (question) sections[sections.length - 1]!.questions.push(Number(question[1]));
  }
  return { cover: cover ? Number(cover[1]) : null, sections };
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

describe('points in the printed quiz', () => {
  it('should print each question’s points, and section and cover totals that add up', async () => {
    const { quiz } = await renderPair(examDeck());
    const { cover, sections } = readPoints(layoutPages(quiz));
    expect(sections.map((s) => s.questions.length)).toEqual([3, 3, 2]);
    for (const { total, questions } of sections) expect(sum(questions)).toBeCloseTo(total, 9);
    expect(sections.map((s) => s.total)).toEqual([4, 10, 7.5]);
    expect(cover).toBe(21.5);
    expect(sum(sections.flatMap((s) => s.questions))).toBeCloseTo(cover!, 9);
  });

  it('should print decimals as written and one point in the singular', async () => {
    const text = layoutPages((await renderPair(examDeck())).quiz).join('\n');
    expect(text).toMatch(/2\.5 points/);
    expect(text).toMatch(/\s1 point\n/);
  });

  it('should print no points anywhere when no question has any', async () => {
    const plain = deck({ sections: [section('s', 'S', [flashcard('a'), flashcard('b')])] });
    const { quiz, key } = await renderPair(plain);
    for (const bytes of [quiz, key]) expect(layoutPages(bytes).join('\n')).not.toMatch(/point/i);
  });

  it('should total only the questions that have points when some have none', async () => {
    const some = deck({
      sections: [section('s', 'S', [flashcard('a', { points: 3 }), flashcard('b')])],
    });
    const { cover, sections } = readPoints(layoutPages((await renderPair(some)).quiz));
    expect(sections).toEqual([{ total: 3, questions: [3] }]);
    expect(cover).toBe(3);
  });

  it('should take the options’ points for questions that give none', async () => {
    const plain = deck({ sections: [section('s', 'S', [flashcard('a'), flashcard('b')])] });
    const { cover, sections } = readPoints(
      layoutPages((await renderPair(plain, { points: 2 })).quiz),
    );
    expect(sections).toEqual([{ total: 4, questions: [2, 2] }]);
    expect(cover).toBe(4);
  });

  it('should keep the points clear of a long question’s text', async () => {
    const long = `Question ${'that runs on and on '.repeat(12)}end`;
    const { quiz } = await renderPair(
      deck({ sections: [section('s', 'S', [flashcard('a', { front: long, points: 12 })])] }),
    );
    const words = pdfWords(quiz);
    const start = words.find((word) => word.text === 'Question')!;
    const label = words.find((word) => word.text === '12' && word.yMin === start.yMin)!;
    const points = words[words.indexOf(label) + 1]!;
    expect(points.text).toBe('points');
    const text = words.filter((word) => word.text === 'on' || word.text === 'runs');
    expect(text.length).toBeGreaterThan(10);
    // Nothing of the question's text reaches into the label's column.
    for (const word of text) expect(word.xMax).toBeLessThan(label.xMin);
    expect(points.xMax).toBeGreaterThan(500);
  });
});

describe('points and scoring in the key', () => {
  it('should show each question’s points and the scoring rule of multiple-answer questions', async () => {
    const { key } = await renderPair(examDeck());
    const text = layoutPages(key).join('\n');
    expect(readPoints(layoutPages(key)).cover).toBe(21.5);
    expect(text).toMatch(/Which of these are iterable\?\s+2 points\n\s*Scoring: Partial credit/);
    expect(text).toMatch(
      /Match each loop to what it does\.\s+4 points\n\s*Scoring: All or nothing/,
    );
    // A single-answer question has no rule.
    expect(text.match(/Scoring:/g)).toHaveLength(2);
    // The rules are spelled out once, in the header, before the first question.
    const header = text.slice(0, text.indexOf('Warm-up'));
    expect(header).toContain('All or nothing: a question with several parts earns its points');
    expect(header.replace(/\s+/g, ' ')).toContain(
      'each correct box ticked earns the points ÷ the number of correct boxes, each wrong box ticked loses as much, never below 0',
    );
  });

  it('should follow the options’ scoring rule where the deck gives none', async () => {
    const parts = deck({
      sections: [
        section('s', 'S', [
          choice('pick', { multiple: true, points: 2 }),
          matching('pairs', { points: 3 }),
        ]),
      ],
    });
    const all = layoutPages((await renderPair(parts)).key).join('\n');
    expect(all.match(/Scoring: All or nothing/g)).toHaveLength(2);
    const partial = layoutPages((await renderPair(parts, { scoring: 'partial' })).key).join('\n');
    expect(partial.match(/Scoring: Partial credit/g)).toHaveLength(2);
    expect(partial).not.toContain('All or nothing');
    expect(partial.replace(/\s+/g, ' ')).toContain(
      'Partial credit, matching, ordering and cloze: each part (a match, a position, a blank) earns an equal share',
    );
  });
});
