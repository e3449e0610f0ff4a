import { htmlToPlainText, type RichText } from '@quizmark/model';
import { deckInput, deckOf, flashcard, imageAsset, para, png, rich, text } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { giftRenderer } from '../src/index.js';
import { readGift } from './read-gift.js';

// Rich text as Moodle gets it: HTML with math for its MathJax filter, code
// that keeps its blank lines, images as their alt text or a link.

async function frontHtml(front: RichText): Promise<string> {
  const asset = imageAsset('images/box.png', png(2, 2));
  const input = deckInput(deckOf({ S: [flashcard('card', { front })] }), 'deck', [asset]);
  const files = await giftRenderer.render({ decks: [input], options: {}, sourceDateEpoch: 0 });
  const [question] = readGift(files[0]!.bytes);
  return question!.stem.text;
}

describe('rich text', () => {
  it('should write math as TeX in MathJax delimiters, braces and backslashes intact', async () => {
    const html = await frontHtml(
      rich(para('Solve ', { type: 'inlineMath', value: 'x^{2} = \\frac{a}{b}' }), {
        type: 'math',
        value: '\\nabla \\cdot E = \\rho',
      }),
    );
    expect(html).toContain('\\(x^{2} = \\frac{a}{b}\\)');
    expect(html).toContain('\\[\\nabla \\cdot E = \\rho\\]');
  });

  it('should keep the blank lines of a code block, coloured inline, inside one question', async () => {
    const html = await frontHtml(
      rich('Read:', { type: 'code', lang: 'python', value: 'x = {1: 2}\n\n\n# done' }),
    );
    expect(html).toMatch(/<pre[^>]*><code[^>]*>/);
    expect(html).toMatch(/style="color:#[0-9a-f]{6}/);
    expect(htmlToPlainText(html)).toContain('x = {1: 2}\n\n\n# done');
  });

  it('should show a local image as its alt text and a remote one as a link, never an img', async () => {
    const html = await frontHtml(
      rich(
        para({ type: 'image', url: 'images/box.png', alt: 'A box', title: null }),
        para({ type: 'image', url: 'https://example.org/a.png', alt: 'Remote', title: null }),
      ),
    );
    expect(html).not.toContain('<img');
    expect(htmlToPlainText(html)).toContain('A box');
    expect(html).toMatch(/<a href="https:\/\/example.org\/a.png"[^>]*>Image: Remote<\/a>/);
  });

  it('should keep emphasis, inline code, links, lists and tables', async () => {
    const html = await frontHtml(
      rich(
        para(
          { type: 'emphasis', children: [text('em')] },
          ' ',
          { type: 'inlineCode', value: 'a<b' },
          ' ',
          {
            type: 'link',
            url: 'https://example.org/?a=1#b',
            title: null,
            children: [text('link')],
          },
        ),
        {
          type: 'list',
          ordered: false,
          start: null,
          children: [{ type: 'listItem', checked: null, children: [para('one')] }],
        },
        {
          type: 'table',
          align: [null],
          children: [
            { type: 'tableRow', children: [{ type: 'tableCell', children: [text('cell')] }] },
          ],
        },
      ),
    );
    expect(html).toContain('<em>em</em>');
    expect(html).toContain('<code>a&#x3C;b</code>');
    expect(html).toContain('href="https://example.org/?a=1#b"');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<th>cell</th>');
  });
});
