import { deck, flashcard, section } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { type DrawOp, layoutQuiz, planVersions } from '../src/index.js';

type TextOp = Extract<DrawOp, { op: 'text' }>;
const headerTexts = (kind: 'quiz' | 'key', instructions: string | null) => {
  const plan = planVersions(
    deck({
      title: 'Acids',
      instructions: instructions
        ? {
            markdown: instructions,
            children: [{ type: 'paragraph', children: [{ type: 'text', value: instructions }] }],
          }
        : null,
      sections: [section('s', 'S', [flashcard('q1')])],
    }),
  )[0]!;
  const header = layoutQuiz(plan, { kind }).groups[0]!;
  return header.rows.flatMap((row) =>
    row.ops.filter((op): op is TextOp => op.op === 'text').map((op) => op.text),
  );
};

describe('deck instructions in the PDF', () => {
  it('should print the instructions under the title of the quiz, below an "Instructions" heading', () => {
    const texts = headerTexts('quiz', 'Calculators allowed.');
    expect(texts.indexOf('Instructions')).toBe(texts.indexOf('Acids') + 1);
    expect(texts.indexOf('Calculators allowed.')).toBe(texts.indexOf('Acids') + 2);
  });

  it('should print no heading when there are no instructions', () => {
    expect(headerTexts('quiz', null)).not.toContain('Instructions');
  });

  it('should leave them out of the answer key', () => {
    expect(headerTexts('key', 'Calculators allowed.')).not.toContain('Calculators allowed.');
  });
});
