import type { Deck } from '@quizmark/model';
import { deck, flashcard, section } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { examDeck, layoutPages, pageCount, renderPair } from './exam-pdfs.js';

// Sections flow on one page; `break=page` starts a new one. Read back per
// page with pdftotext and pdfinfo.

const NO_SPACE = { lines: 0, height: null, style: null };
const shortSections = (breaks: { section?: number; item?: number } = {}): Deck =>
  deck({
    sections: ['One', 'Two', 'Three', 'Four'].map((title, index) => ({
      ...section(title.toLowerCase(), `Section ${title}`, [
        flashcard(`${index}a`, { answerSpace: NO_SPACE }),
        flashcard(`${index}b`, { answerSpace: NO_SPACE, pageBreak: breaks.item === index }),
      ]),
      pageBreak: breaks.section === index,
    })),
  });

/** The 1-based page each needle is printed on. */
const pageOf = (pages: readonly string[], needle: string) =>
  pages.findIndex((page) => page.includes(needle)) + 1;

describe('sections in print', () => {
  it('should flow several short sections on one page', async () => {
    const { quiz } = await renderPair(shortSections());
    expect(pageCount(quiz)).toBe(1);
    const [page] = layoutPages(quiz);
    for (const title of ['One', 'Two', 'Three', 'Four']) expect(page).toContain(`Section ${title}`);
  });

  it('should start a section marked break=page on a new page, its heading with its first question', async () => {
    const { quiz, key } = await renderPair(shortSections({ section: 2 }));
    for (const bytes of [quiz, key]) {
      const pages = layoutPages(bytes);
      expect(pages).toHaveLength(2);
      expect(pageOf(pages, 'Section Two')).toBe(1);
      expect(pageOf(pages, 'Section Three')).toBe(2);
      expect(pageOf(pages, 'Section Four')).toBe(2);
      expect(pageOf(pages, 'Question 2a')).toBe(2);
    }
  });

  it('should start a question marked break=page on a new page', async () => {
    const pages = layoutPages((await renderPair(shortSections({ item: 1 }))).quiz);
    expect(pageOf(pages, 'Question 1a')).toBe(1);
    expect(pageOf(pages, 'Question 1b')).toBe(2);
    expect(pageOf(pages, 'Section Three')).toBe(2);
  });

  it('should break the exam fixture before its "Writing code" section', async () => {
    const pages = layoutPages((await renderPair(examDeck())).quiz);
    const writing = pageOf(pages, 'Writing code');
    expect(writing).toBeGreaterThan(1);
    expect(pages[writing - 1]!.trimStart().startsWith('Writing code')).toBe(true);
  });
});
