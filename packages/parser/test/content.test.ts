import { existsSync, readdirSync, readFileSync } from 'node:fs';
import {
  type Block,
  type Choice,
  clozeBlanks,
  clozeNumbers,
  type Deck,
  type Inline,
  itemTexts,
  toPlainText,
} from '@quizmark/model';
import { describe, expect, it } from 'vitest';
import { findDuplicateIds, parseDeck } from '../src/index.js';

const contentDir = new URL('../../../content/', import.meta.url);
const files = readdirSync(contentDir)
  .filter((name) => name.endsWith('.md'))
  .sort();
const results = files.map((name) =>
  parseDeck(readFileSync(new URL(name, contentDir)), { file: `content/${name}` }),
);

function nodeTypes(deck: Deck): Set<string> {
  const types = new Set<string>();
  const visitInline = (node: Inline): void => {
    types.add(node.type);
    if ('children' in node) node.children.forEach(visitInline);
  };
  const visitBlock = (node: Block): void => {
    types.add(node.type);
    if (node.type === 'paragraph' || node.type === 'heading') node.children.forEach(visitInline);
    if (node.type === 'blockquote') node.children.forEach(visitBlock);
    if (node.type === 'list') for (const item of node.children) item.children.forEach(visitBlock);
    if (node.type === 'table') types.add('table');
    if (node.type === 'code') types.add(`code:${node.lang}`);
  };
  const texts = deck.sections.flatMap((section) => [
    ...(section.description ? [section.description] : []),
    ...section.items.flatMap(itemTexts),
  ]);
  for (const text of [...(deck.description ? [deck.description] : []), ...texts]) {
    text.children.forEach(visitBlock);
  }
  return types;
}

describe('content/', () => {
  it('should ship the seed deck, a second deck, a deck of every question type and a Japanese deck', () => {
    expect(files).toEqual(['git-basics.md', 'japanese.md', 'mlops.md', 'physics.md']);
  });

  it('should parse every shipped deck without a diagnostic, and with unique ids', () => {
    for (const result of results) {
      expect(result.diagnostics).toEqual([]);
      expect(result.deck).not.toBeNull();
    }
    expect(findDuplicateIds(results)).toEqual([]);
  });

  it('should ship every local image a deck refers to', () => {
    for (const result of results) {
      for (const image of result.images) {
        expect(existsSync(new URL(image.url, contentDir))).toBe(true);
      }
    }
  });

  it('should use every construct of the format in the second deck', () => {
    const source = readFileSync(new URL('git-basics.md', contentDir), 'utf8');
    const deck = results[0]!.deck!;
    const items = deck.sections.flatMap((section) => section.items);
    const choices = items.filter((item): item is Choice => item.type === 'choice');

    expect(new Set(items.map((item) => item.type))).toEqual(
      new Set(['flashcard', 'choice', 'explain']),
    );
    expect(items.length).toBeGreaterThanOrEqual(10);
    expect(items.length).toBeLessThanOrEqual(15);
    // Title from the H1, description from the paragraphs under it.
    expect(source).not.toMatch(/^title:/m);
    expect(deck.title).toBe('Git Basics — Commits, Branches & Remotes');
    expect(deck.description).not.toBeNull();
    // Multiple answers, single answers forced with multiple=false, pins, fixed order.
    expect(
      choices.some((item) => item.multiple && item.options.filter((o) => o.correct).length > 1),
    ).toBe(true);
    expect(source).toContain('multiple=false');
    expect(choices.filter((item) => !item.multiple).length).toBeGreaterThanOrEqual(2);
    expect(items.some((item) => item.pinned)).toBe(true);
    expect(choices.some((item) => item.options.some((option) => option.pinned))).toBe(true);
    expect(choices.some((item) => !item.shuffle)).toBe(true);
    // Explicit ids everywhere, section defaults, tags.
    for (const item of items) expect(item.id.startsWith(`${deck.id}-`)).toBe(false);
    expect(deck.sections.find((s) => s.title === 'Explain')!.items.map((i) => i.level)).toEqual([
      'intermediate',
      'intermediate',
    ]);
    expect(
      deck.sections.find((s) => s.title === 'Practice')!.items.map((i) => i.difficulty),
    ).toEqual(['medium', 'hard']);
    expect(items.some((item) => item.tags.length > 1)).toBe(true);
    // Every part.
    expect(items.some((item) => item.steps.length > 0 && item.steps.every((s) => s.title))).toBe(
      true,
    );
    for (const part of ['hint', 'quickCheck', 'explanation'] as const) {
      expect(items.some((item) => item[part] !== null)).toBe(true);
    }
    expect(items.some((item) => item.mistakes.length > 0)).toBe(true);
    expect(source).toContain('#### Answer');
    // Rich text: code in several languages, table, image, link, emphasis, inline code.
    const types = nodeTypes(deck);
    for (const type of [
      'code:bash',
      'code:python',
      'code:gitignore',
      'table',
      'image',
      'link',
      'emphasis',
      'strong',
      'inlineCode',
      'html',
    ]) {
      expect(types, type).toContain(type);
    }
    // Non-ASCII text survives.
    const text = items.flatMap(itemTexts).map(toPlainText).join('\n');
    for (const character of ['→', '≥', '⇒', 'naïve']) expect(text).toContain(character);
  });

  it('should use every question type and its forms in the physics deck', () => {
    const source = readFileSync(new URL('physics.md', contentDir), 'utf8');
    const deck = results[files.indexOf('physics.md')]!.deck!;
    const items = deck.sections.flatMap((section) => section.items);
    expect(new Set(items.map((item) => item.type))).toEqual(
      new Set(['choice', 'truefalse', 'numeric', 'short', 'cloze', 'matching', 'ordering']),
    );
    const trueFalse = items.filter((item) => item.type === 'truefalse');
    // Both forms: an `#### Answer`, and True/False options with feedback.
    expect(trueFalse.some((item) => item.trueFeedback === null)).toBe(true);
    expect(trueFalse.some((item) => item.trueFeedback && item.falseFeedback)).toBe(true);
    const kinds = items.flatMap((item) => (item.type === 'numeric' ? [item.answer.kind] : []));
    expect(new Set(kinds)).toEqual(new Set(['exact', 'absolute', 'percent', 'range']));
    expect(items.some((item) => item.type === 'numeric' && item.answer.unit !== null)).toBe(true);
    const shorts = items.filter((item) => item.type === 'short');
    expect(shorts.some((item) => item.answers.length >= 2)).toBe(true);
    expect(shorts.some((item) => item.caseSensitive)).toBe(true);
    const cloze = items.find((item) => item.type === 'cloze')!;
    const blanks = clozeBlanks(cloze.text);
    expect(blanks.some((blank) => blank.hint !== null)).toBe(true);
    expect(blanks.length).toBeGreaterThan(clozeNumbers(cloze.text).length);
    expect(items.some((item) => item.type === 'matching' && item.distractors.length > 0)).toBe(
      true,
    );
    expect(
      items.some(
        (item) => item.type === 'choice' && item.options.every((option) => option.feedback),
      ),
    ).toBe(true);
    const newTypes = items.filter((item) => item.type !== 'choice');
    expect(newTypes.some((item) => item.hint)).toBe(true);
    expect(newTypes.some((item) => item.steps.length > 0)).toBe(true);
    expect(newTypes.some((item) => item.explanation)).toBe(true);
    expect(newTypes.some((item) => item.mistakes.length > 0)).toBe(true);
    for (const item of items) expect(item.level).not.toBeNull();
    for (const item of items) expect(item.difficulty).not.toBeNull();
    expect(source).toMatch(/^tags: /m);
  });
});
