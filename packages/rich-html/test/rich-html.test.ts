import type { Asset, Block, RichText } from '@quizmark/model';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { assetDataUri, renderRichHtml, renderRichInlineHtml } from '../src/index.js';

const doc = (...children: Block[]): RichText => ({ markdown: '', children });
const para = (value: string): Block => ({ type: 'paragraph', children: [{ type: 'text', value }] });
const html = (value: string): Block => ({ type: 'html', value });

describe('@quizmark/rich-html', () => {
  it('should expose the public api', () => {
    expect(Object.keys(api).sort()).toEqual([
      'assetDataUri',
      'renderRichHtml',
      'renderRichInlineHtml',
      'sanitizeSchema',
    ]);
  });

  it('should render every rich-text construct', () => {
    const out = renderRichHtml(
      doc(
        {
          type: 'paragraph',
          children: [
            { type: 'emphasis', children: [{ type: 'text', value: 'em' }] },
            { type: 'strong', children: [{ type: 'text', value: 'strong' }] },
            { type: 'delete', children: [{ type: 'text', value: 'del' }] },
            { type: 'inlineCode', value: 'a < b' },
            {
              type: 'link',
              url: 'https://example.org',
              title: null,
              children: [{ type: 'text', value: 'link' }],
            },
            { type: 'break' },
          ],
        },
        { type: 'heading', depth: 1, children: [{ type: 'text', value: 'Sub' }] },
        {
          type: 'list',
          ordered: true,
          start: 3,
          children: [{ type: 'listItem', checked: null, children: [para('three')] }],
        },
        {
          type: 'list',
          ordered: false,
          start: null,
          children: [{ type: 'listItem', checked: true, children: [para('done')] }],
        },
        { type: 'blockquote', children: [para('quoted')] },
        { type: 'thematicBreak' },
      ),
    );
    expect(out).toContain(
      '<em>em</em><strong>strong</strong><del>del</del><code>a &#x3C; b</code>',
    );
    expect(out).toContain('<a href="https://example.org" rel="noopener noreferrer">link</a><br>');
    expect(out).toContain('<h4>Sub</h4>');
    expect(out).toContain('<ol start="3"><li>three</li></ol>');
    expect(out).toContain('<li><input type="checkbox" disabled checked> done</li>');
    expect(out).toContain('<blockquote><p>quoted</p></blockquote><hr>');
  });

  it('should highlight code with classes, or with inline styles for Anki', () => {
    const code = doc({ type: 'code', lang: 'python', value: 'def f():\n    return "x"' });
    const classes = renderRichHtml(code);
    expect(classes).toContain('<pre data-lang="python"><code class="hljs language-python">');
    expect(classes).toContain('<span class="hljs-keyword">def</span>');
    const inline = renderRichHtml(code, { codeStyle: 'inline' });
    expect(inline).toMatch(
      /<span class="hljs-keyword" style="color:#[0-9a-f]{6};font-weight:bold">def<\/span>/,
    );
  });

  it.each([
    ['<script>alert(1)</script>', /alert|<script/],
    ['<img src=x onerror="alert(1)">', /onerror|alert/],
    ['<a href="javascript:alert(1)">x</a>', /javascript:/],
    ['<svg><script>alert(1)</script></svg>', /<svg|alert/],
    ['<style>body{display:none}</style>', /display:none|<style/],
    ['<iframe src="https://evil.example"></iframe>', /iframe|evil/],
    ['<a href="data:text/html,<script>alert(1)</script>">x</a>', /data:|alert/],
    ['<div onclick="alert(1)">click</div>', /onclick|alert/],
  ])('should neutralise %s', (payload, forbidden) => {
    const out = renderRichHtml(doc(html(payload)));
    expect(out).not.toMatch(forbidden);
  });

  it('should keep safe inline HTML such as kbd and sup', () => {
    const out = renderRichHtml(
      doc({
        type: 'paragraph',
        children: [
          { type: 'html', value: '<kbd>' },
          { type: 'text', value: 'Ctrl' },
          { type: 'html', value: '</kbd>' },
        ],
      }),
    );
    expect(renderRichHtml(doc(html('<p>x<sup>2</sup> and <kbd>Ctrl</kbd></p>')))).toBe(
      '<p>x<sup>2</sup> and <kbd>Ctrl</kbd></p>',
    );
    expect(out).toBe('<p><kbd>Ctrl</kbd></p>');
  });

  it('should sanitise HTML split across inline nodes as one fragment', () => {
    const out = renderRichHtml(
      doc({
        type: 'paragraph',
        children: [
          { type: 'html', value: '<a href="javascript:alert(1)" onclick="x()">' },
          { type: 'text', value: 'click <me>' },
          { type: 'html', value: '</a>' },
          { type: 'emphasis', children: [{ type: 'text', value: ' & more' }] },
        ],
      }),
    );
    expect(out).toBe('<p><a>click &#x3C;me></a><em> &#x26; more</em></p>');
  });

  it('should inline local images and turn remote ones into links that are never loaded', () => {
    const asset: Asset = {
      url: 'img/a.png',
      path: 'img/a.png',
      mediaType: 'image/png',
      bytes: new Uint8Array([1, 2, 3]),
    };
    const image = (url: string): RichText =>
      doc({ type: 'paragraph', children: [{ type: 'image', url, alt: 'diagram', title: null }] });
    const local = renderRichHtml(image('img/a.png'), {
      assets: new Map([[asset.url, asset]]),
      imageSource: assetDataUri,
    });
    expect(local).toBe('<p><img src="data:image/png;base64,AQID" alt="diagram"></p>');
    const remote = renderRichHtml(image('https://example.org/a.png'));
    expect(remote).not.toContain('<img');
    expect(remote).toContain('href="https://example.org/a.png"');
    expect(renderRichHtml(image('javascript:alert(1)'))).not.toContain('javascript');
  });

  it('should drop the paragraph wrapper for inline places only when there is one paragraph', () => {
    expect(renderRichInlineHtml(doc(para('one')))).toBe('one');
    expect(renderRichInlineHtml(doc(para('one'), para('two')))).toBe('<p>one</p><p>two</p>');
  });
});
