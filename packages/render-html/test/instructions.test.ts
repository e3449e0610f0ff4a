import { deck, deckInput, flashcard, rich, section } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { renderDeckHtml } from '../src/index.js';

describe('deck instructions in the HTML pages', () => {
  it('should show the instructions under the title, in both views', () => {
    const input = deckInput(
      deck({
        title: 'Acids',
        instructions: rich('Answer every question.'),
        sections: [section('s', 'S', [flashcard('q1')])],
      }),
      'acids',
    );
    for (const view of ['study', 'answers'] as const) {
      const page = renderDeckHtml(input, { view });
      expect(page).toMatch(
        /<h1>Acids<\/h1>\n<div class="deck-instructions"><p>Answer every question\.<\/p><\/div>/,
      );
    }
  });
});
