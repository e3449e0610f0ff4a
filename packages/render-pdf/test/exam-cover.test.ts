import { deck, flashcard, section } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { examDeck, layoutPages, renderFiles, renderPair } from './exam-pdfs.js';
import { pdfWords } from './page-pixels.js';
import { findInOrder, squash } from './pdf-tools.js';

// The first page of a printed exam and the footer of every page, read back
// with pdftotext.

const plain = () => deck({ title: 'Acids', sections: [section('s', 'S', [flashcard('q1')])] });

describe('the cover of a printed exam', () => {
  it('should print the options’ instructions, then the deck’s, under one heading', async () => {
    const { quiz } = await renderPair(examDeck(), {
      instructions: 'No phones.\n\nWrite in pen,\nnot pencil.',
    });
    const [first] = layoutPages(quiz);
    findInOrder(first!, [
      'Python loops — end of unit exam',
      'Instructions',
      'No phones.',
      'Write in pen, not pencil.',
      'Answer every question in the space given.',
      'Total: 21.5 points',
    ]);
    expect(first!.match(/Instructions/g)).toHaveLength(1);
    // Two paragraphs, not one: they print on lines of their own.
    expect(first).toMatch(/^\s*No phones\.\s*$/m);
  });

  it('should leave the instructions out of the key', async () => {
    const { key } = await renderPair(examDeck(), { instructions: 'No phones.' });
    const text = layoutPages(key).join('\n');
    expect(text).not.toContain('No phones.');
    expect(text).not.toContain('Instructions');
  });

  it('should print four fields of the deck as labelled lines in two rows', async () => {
    const { quiz } = await renderPair(examDeck());
    const words = pdfWords(quiz).filter((word) => word.page === 1);
    const at = (text: string) => words.find((word) => word.text === text)!;
    const [name, klass, date, student] = ['Name', 'Class', 'Date', 'Student'].map(at);
    expect(name!.yMin).toBe(klass!.yMin);
    expect(date!.yMin).toBe(student!.yMin);
    expect(date!.yMin).toBeGreaterThan(name!.yMin);
    expect(at('number').yMin).toBe(student!.yMin);
  });

  it('should take the options’ fields when the deck names none, and keep Name, Date, Score by default', async () => {
    const fields = pdfWords((await renderPair(plain(), { fields: ['Name', 'Class'] })).quiz);
    expect(fields.some((word) => word.text === 'Class')).toBe(true);
    expect(fields.some((word) => word.text === 'Score')).toBe(false);

    const words = pdfWords((await renderPair(plain())).quiz);
    const labels = ['Name', 'Date', 'Score'].map((text) => words.find((w) => w.text === text)!);
    expect(new Set(labels.map((label) => label.yMin)).size).toBe(1);
    // Today's look: the name's line takes about half the column.
    expect(labels[1]!.xMin - labels[0]!.xMin).toBeGreaterThan(240);
    expect(labels[1]!.xMin - labels[0]!.xMin).toBeLessThan(260);
  });

  it('should put the title and version letter in the footer of every page of every version', async () => {
    const files = await renderFiles(examDeck(), { versions: 3 });
    for (const letter of ['A', 'B', 'C'])
      for (const kind of ['quiz', 'key']) {
        const pages = layoutPages(files.get(`exam.${letter}.${kind}.pdf`)!);
        expect(pages.length).toBeGreaterThan(1);
        const what = kind === 'quiz' ? 'Quiz' : 'Answer key';
        pages.forEach((page, index) => {
          expect(squash(page)).toContain(
            squash(`Python loops — end of unit exam · ${what} · Version ${letter}`),
          );
          expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
        });
      }
  });
});
