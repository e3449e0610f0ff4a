import { createHash } from 'node:crypto';
import type { DeckInput } from '@quizmark/model';
import { deck, deckInput, flashcard, section } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { renderDeckHtml } from '../src/index.js';
import { seedDeckInput } from './content-decks.js';

// Which pages carry the math stylesheet (and the font-src it needs), and the
// page's language and direction, from the deck's `language`.

const withText = (language: string, back: string): DeckInput =>
  deckInput(
    deck({
      language,
      sections: [section('s', 'S', [flashcard('one', { front: 'Front', back })])],
    }),
    'deck',
  );

const mathDeck = (): DeckInput => {
  const input = withText('en', 'Back');
  const item = input.deck.sections[0]!.items[0]!;
  if (item.type !== 'flashcard') throw new Error('a flashcard');
  item.back = {
    markdown: '$x^2$',
    children: [{ type: 'paragraph', children: [{ type: 'inlineMath', value: 'x^2' }] }],
  };
  return input;
};

const styleOf = (html: string) => /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
const policyOf = (html: string) =>
  /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/
    .exec(html)![1]!
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, '=');
const hash = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

describe('@quizmark/render-html math and scripts', () => {
  it.each(['study', 'answers'] as const)(
    'should carry the math stylesheet and allow data: fonts only on a page with math (%s)',
    (view) => {
      const plain = renderDeckHtml(seedDeckInput(), { view });
      const math = renderDeckHtml(mathDeck(), { view });
      expect(styleOf(plain)).not.toContain('@font-face');
      expect(policyOf(plain)).not.toContain('font-src');
      expect(styleOf(math)).toContain("@font-face {\n  font-family: 'Temml';");
      expect(styleOf(math)).toContain('url(data:font/woff2;base64,');
      expect(styleOf(math).startsWith(styleOf(plain).slice(0, 2000))).toBe(true);
      expect(policyOf(math)).toContain("font-src data:; style-src '");
      // The policy names the very stylesheet the page holds.
      expect(policyOf(math)).toContain(`style-src '${hash(styleOf(math))}'`);
      expect(policyOf(plain)).toContain(`style-src '${hash(styleOf(plain))}'`);
      expect(math).toContain('<math><semantics><msup><mi>x</mi>');
    },
  );

  it('should take the page language from the deck, and right to left for Arabic and Hebrew', () => {
    expect(renderDeckHtml(withText('ja', '日本語'))).toContain(
      '<html lang="ja" class="view-study">',
    );
    expect(renderDeckHtml(withText('ar', 'مرحبا'))).toContain(
      '<html lang="ar" dir="rtl" class="view-study">',
    );
    expect(renderDeckHtml(withText('he-IL', 'שלום'))).toContain(
      '<html lang="he-IL" dir="rtl" class="view-study">',
    );
    expect(renderDeckHtml(withText('fa', 'سلام'))).toContain('dir="rtl"');
    expect(renderDeckHtml(withText('zh-Hant', '你好'))).not.toContain('dir=');
  });

  it('should give the page the font stack of its language, system fonts only', () => {
    const css = styleOf(renderDeckHtml(withText('ja', '日本語')));
    expect(css).toMatch(/:where\(:lang\(ja\)\) \{ --font: [^}]*"Hiragino Sans"/);
    expect(css).toContain('body {');
    expect(css).toContain('font: 1rem / 1.55 var(--font);');
    expect(css).not.toMatch(/@import|url\((?!data:)/);
  });
});
