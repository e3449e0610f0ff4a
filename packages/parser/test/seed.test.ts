import { readFileSync } from 'node:fs';
import {
  type Choice,
  DIFFICULTIES,
  type Explain,
  type Flashcard,
  type Item,
  LEVELS,
  type RichText,
  toPlainText,
} from '@quizmark/model';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../src/index.js';

// The seed page that started the project (a scraped "quick revision" page),
// kept verbatim. Expectations are read from it, so the test checks the deck
// against the seed's own text rather than against a second copy of it.
const seed = readFileSync(new URL('seed/mlops-seed-page.txt', import.meta.url), 'utf8');
const deckFile = new URL('../../../content/mlops.md', import.meta.url);

// The seed's plain mistakes, fixed in the deck: these steps named the right
// answer among the wrong options.
const SEED_CORRECTIONS: ReadonlyArray<[string, string]> = [
  ['Options A, B, and C describe tasks outside', 'Options B, C, and D describe tasks outside'],
  ['Options B, C, and D describe poor practices', 'Options A, C, and D describe poor practices'],
  ['Options A, C, and D neglect ongoing', 'Options A, B, and D neglect ongoing'],
];
// The seed page does not show which quiz option is right: these are the answers.
const QUIZ_ANSWERS = ['d', 'b', 'a', 'a', 'c'];

/** Seed text as the deck writes it: no "[OK]" badges, "→" for "->", single spaces. */
function normalize(text: string): string {
  return text
    .replace(/\s*\[OK\]/g, '')
    .replace(/->/g, '→')
    .replace(/\s+/g, ' ')
    .trim();
}

const plain = (text: RichText | null): string => (text ? normalize(toPlainText(text)) : '');

interface SeedCard {
  level: string;
  front: string;
  back: string;
}
interface SeedQuestion {
  stem: string;
  options: string[];
}
interface SeedPrompt {
  prompt: string;
  hint: string;
  concepts: number;
}
interface SeedProblem {
  lead: string;
  code: string | null;
  question: string | null;
  difficulty: string;
  options: string[];
  answer: string;
  steps: Array<{ title: string; body: string }>;
  quickCheck: string;
  hint: string;
  mistakes: string[];
}

/** Reads the seed page's layout: recall cards, quiz, explain prompts, practice problems. */
function readSeed(text: string) {
  let corrected = text;
  for (const [wrong, right] of SEED_CORRECTIONS) corrected = corrected.replace(wrong, right);
  const raw = corrected.split('\n');
  const lines = raw.map((line) => line.trim());
  let index = lines.indexOf('Recall & Review') + 1;

  const cards: SeedCard[] = [];
  while ((LEVELS as readonly string[]).includes(lines[index]!)) {
    cards.push({ level: lines[index]!, front: lines[index + 1]!, back: lines[index + 2]! });
    expect(lines[index + 3]).toBe('Click to reveal answer');
    index += 4;
  }

  const quiz: SeedQuestion[] = [];
  while (/^A/.test(lines[index + 1] ?? '') && /^D/.test(lines[index + 4] ?? '')) {
    quiz.push({
      stem: lines[index]!,
      options: lines.slice(index + 1, index + 5).map((line) => line.slice(1)),
    });
    index += 5;
  }

  const prompts: SeedPrompt[] = [];
  while (/^You got \/(\d) concepts\.$/.test(lines[index + 2] ?? '')) {
    prompts.push({
      prompt: lines[index]!,
      hint: lines[index + 1]!,
      concepts: Number(/\/(\d)/.exec(lines[index + 2]!)![1]),
    });
    index += 3;
  }

  const problems: SeedProblem[] = [];
  const starts = lines
    .map((line, at) => (/^[1-5]\. /.test(line) && at > index ? at : -1))
    .filter((at) => at !== -1 && !/^\d\. (Step|Final|Quick)/.test(lines[at]!));
  for (const [number, start] of starts.entries()) {
    const end = starts[number + 1] ?? lines.length;
    const block = lines.slice(start, end);
    const difficultyAt = block.findIndex((line) =>
      (DIFFICULTIES as readonly string[]).includes(line),
    );
    const head = raw.slice(start + 1, start + difficultyAt);
    // Problems with code: the code, a blank line, then the question itself.
    const questionAt = head.findLastIndex((line) => line.trim() !== '');
    const code =
      questionAt === -1
        ? null
        : head
            .slice(0, questionAt)
            .map((line) => line.slice(6))
            .join('\n')
            .trimEnd();
    const after = block.slice(difficultyAt + 1).filter((line) => line !== '');
    const optionsEnd = after.indexOf('Solution');
    const steps: Array<{ title: string; body: string }> = [];
    let at = optionsEnd + 1;
    let quickCheck = '';
    while (/^\d\. /.test(after[at]!)) {
      const title = after[at]!.replace(/^\d\. (Step \d: )?/, '').replace(/:$/, '');
      if (title === 'Quick Check') quickCheck = after[at + 1]!;
      else steps.push({ title, body: after[at + 1]! });
      at += 2;
    }
    const finalAnswer = steps.find((step) => step.title === 'Final Answer')!.body;
    problems.push({
      lead: block[0]!.replace(/^\d\. /, ''),
      code,
      question: questionAt === -1 ? null : head[questionAt]!.trim(),
      difficulty: block[difficultyAt]!,
      options: after.slice(0, optionsEnd).map((line) => line.replace(/^[A-D]\. /, '')),
      answer: /Option ([A-D])$/.exec(finalAnswer)![1]!.toLowerCase(),
      steps,
      quickCheck,
      hint: after[at]!.replace(/^Hint: /, ''),
      mistakes: after.slice(at + 2).map((line) => line.replace(/^• /, '')),
    });
  }
  return { cards, quiz, prompts, problems };
}

const expected = readSeed(seed);
const result = parseDeck(readFileSync(deckFile), { file: 'content/mlops.md' });
const deck = result.deck!;
const section = (title: string): Item[] =>
  deck.sections.find((candidate) => candidate.title === title)!.items;

describe('content/mlops.md against the seed page', () => {
  it('should parse without any diagnostic', () => {
    expect(result.diagnostics).toEqual([]);
    expect(deck).not.toBeNull();
  });

  it('should read the whole seed page', () => {
    expect(expected.cards).toHaveLength(5);
    expect(expected.quiz).toHaveLength(5);
    expect(expected.prompts).toHaveLength(2);
    expect(expected.problems).toHaveLength(5);
  });

  it('should carry the deck metadata of the seed', () => {
    expect(deck).toMatchObject({
      id: 'mlops-basics',
      title: 'What is MLOps - Quick Revision & Key Takeaways',
      topic: 'MLOps',
      category: 'devops',
      duration: '5 min',
      tags: ['mlops', 'devops'],
      language: 'en',
    });
    expect(seed).toContain(deck.title);
    expect(seed).toContain(`${deck.topic}${deck.category}~5 mins`);
    expect(deck.sections.map((candidate) => candidate.title)).toEqual([
      'Recall & Review',
      'Quiz',
      'Explain',
      'Practice',
    ]);
  });

  it('should hold every recall card with its level', () => {
    const items = section('Recall & Review');
    expect(items).toHaveLength(expected.cards.length);
    for (const [index, card] of expected.cards.entries()) {
      const item = items[index] as Flashcard;
      expect(item.type).toBe('flashcard');
      expect(item.title).toBe(card.front);
      expect(plain(item.front)).toBe(card.front);
      expect(plain(item.back)).toBe(normalize(card.back));
      expect(item.level).toBe(card.level);
    }
  });

  it('should hold every quiz question with its options and the right answer', () => {
    const items = section('Quiz');
    expect(items).toHaveLength(expected.quiz.length);
    for (const [index, question] of expected.quiz.entries()) {
      const item = items[index] as Choice;
      expect(item.type).toBe('choice');
      expect(plain(item.stem)).toBe(question.stem);
      expect(item.options.map((option) => plain(option.text))).toEqual(question.options);
      expect(item.options.filter((option) => option.correct).map((option) => option.key)).toEqual([
        QUIZ_ANSWERS[index],
      ]);
      expect(item.multiple).toBe(false);
    }
  });

  it('should hold both explain prompts with their hints and concept counts', () => {
    const items = section('Explain');
    expect(items).toHaveLength(expected.prompts.length);
    expect(expected.prompts.map((prompt) => prompt.concepts)).toEqual([3, 4]);
    for (const [index, prompt] of expected.prompts.entries()) {
      const item = items[index] as Explain;
      expect(item.type).toBe('explain');
      expect(plain(item.prompt)).toBe(prompt.prompt);
      expect(plain(item.hint)).toBe(prompt.hint);
      expect(item.concepts).toHaveLength(prompt.concepts);
      for (const concept of item.concepts) expect(plain(concept)).not.toBe('');
    }
  });

  it('should hold every practice problem: difficulty, code, options, answer, steps, quick check, hint and mistakes', () => {
    const items = section('Practice');
    expect(items).toHaveLength(expected.problems.length);
    for (const [index, problem] of expected.problems.entries()) {
      const item = items[index] as Choice;
      expect(item.type).toBe('choice');
      expect(item.difficulty).toBe(problem.difficulty);
      const stem = plain(item.stem);
      expect(stem).toContain(normalize(problem.lead).replace(/:$/, ''));
      if (problem.question) expect(stem).toContain(problem.question);
      const code = item.stem.children.filter((block) => block.type === 'code');
      if (problem.code === null) expect(code).toEqual([]);
      else expect(code).toEqual([{ type: 'code', lang: 'python', value: problem.code }]);
      expect(item.options.map((option) => plain(option.text))).toEqual(problem.options);
      expect(item.options.filter((option) => option.correct).map((option) => option.key)).toEqual([
        problem.answer,
      ]);
      expect(item.steps.map((step) => step.title)).toEqual(problem.steps.map((step) => step.title));
      expect(item.steps.map((step) => plain(step.body))).toEqual(
        problem.steps.map((step) => normalize(step.body)),
      );
      expect(plain(item.quickCheck)).toBe(normalize(problem.quickCheck));
      expect(plain(item.hint)).toBe(normalize(problem.hint));
      expect(item.mistakes.map(plain)).toEqual(problem.mistakes);
      expect(item.mistakes).toHaveLength(3);
    }
  });

  it('should state the fixed option letters in the solutions', () => {
    const steps = section('Practice').map((item) => plain(item.steps[1]!.body));
    expect(steps[0]).toContain('Options B, C, and D');
    expect(steps[1]).toContain('Options A, C, and D');
    expect(steps[4]).toContain('Options A, B, and D');
  });
});
