import {
  type Asset,
  type Block,
  type ClozeBlank,
  clozeBlanks,
  type Inline,
  type ListItem,
  type RichText,
} from '@quizmark/model';
import { seededRandom } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { assetDataUri, renderRichHtml, renderRichInlineHtml } from '../src/index.js';
import { sanitizedRichHtml } from '../src/sanitized-html.js';

const doc = (...children: Block[]): RichText => ({ markdown: '', children });
const para = (value: string): Block => ({ type: 'paragraph', children: [{ type: 'text', value }] });
const html = (value: string): Block => ({ type: 'html', value });

describe('@quizmark/rich-html', () => {
  it('should expose the public api', () => {
    expect(Object.keys(api).sort()).toEqual([
      'assetDataUri',
      'hasMath',
      'mathStylesheet',
      'renderRichHtml',
      'renderRichInlineHtml',
      'sanitizeSchema',
      'scriptFontCss',
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
    expect(classes).toContain(
      '<pre data-lang="python" tabindex="0" role="group" aria-label="Code (python)"><code class="hljs language-python">',
    );
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

  it('should parse author HTML as a browser does, so a noscript trick neither runs nor hides the text after it', () => {
    const out = renderRichHtml(
      doc({
        type: 'paragraph',
        children: [
          { type: 'text', value: 'before ' },
          { type: 'html', value: '<noscript>' },
          { type: 'html', value: '<p title="</noscript><img src=x onerror=alert(1)>">' },
          { type: 'html', value: '</noscript>' },
          { type: 'text', value: ' after' },
        ],
      }),
    );
    expect(out).toBe('<p>before <span class="missing-image"></span>"> after</p>');
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

  it('should write typed rich text exactly as the sanitising path does', () => {
    const random = seededRandom(20261127);
    const cloze = (b: ClozeBlank, index: number) =>
      `<input data-n="${b.number}" data-i="${index}">`;
    for (let index = 0; index < 300; index++) {
      const text = doc(...randomBlocks(random, 2));
      for (const options of [{}, { codeStyle: 'inline' as const, headingOffset: 1 }, { cloze }]) {
        expect(renderRichHtml(text, options)).toBe(sanitizedRichHtml(text, options));
      }
    }
  });

  describe('cloze blanks', () => {
    const blank = (number: number, answer: string, hint: string | null = null): ClozeBlank => ({
      type: 'cloze',
      number,
      answer,
      hint,
    });
    // Anki's hook, as the Anki renderer writes it.
    const anki = (b: ClozeBlank) =>
      `{{c${b.number}::${b.answer.replace(/[<&]/g, '')}${b.hint ? `::${b.hint}` : ''}}}`;
    const sentence = doc(
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: 'Energy is in ' },
          blank(1, 'joules'),
          { type: 'text', value: ' and ' },
          { type: 'strong', children: [blank(2, 'watts', 'a Scot')] },
        ],
      },
      {
        type: 'list',
        ordered: false,
        start: null,
        children: [
          {
            type: 'listItem',
            checked: null,
            children: [{ type: 'paragraph', children: [blank(1, 'a < b & c')] }],
          },
        ],
      },
    );
    const withHtml = (text: RichText): RichText => doc(...text.children, html('<p><b>raw</b></p>'));

    it.each([
      ['the typed path', sentence],
      ['the sanitising path', withHtml(sentence)],
    ])('should write the escaped answer in a span without a hook, on %s', (_path, text) => {
      const out = renderRichHtml(text);
      expect(out).toContain(
        '<p>Energy is in <span class="cloze">joules</span> and <strong><span class="cloze">watts</span></strong></p>',
      );
      expect(out).toContain('<li><span class="cloze">a &#x3C; b &#x26; c</span></li>');
    });

    it.each([
      ['the typed path', sentence],
      ['the sanitising path', withHtml(sentence)],
    ])(
      "should give each blank the caller's HTML with its reading-order index, on %s",
      (_path, text) => {
        const seen: Array<[ClozeBlank, number]> = [];
        const out = renderRichHtml(text, {
          cloze: (b, index) => {
            seen.push([b, index]);
            return `<input aria-label="Blank ${index + 1}">${anki(b)}`;
          },
        });
        expect(seen).toEqual(clozeBlanks(text).map((b, index) => [b, index]));
        expect(out).toContain(
          '<p>Energy is in <input aria-label="Blank 1">{{c1::joules}} and <strong><input aria-label="Blank 2">{{c2::watts::a Scot}}</strong></p>',
        );
        expect(out).toContain('<li><input aria-label="Blank 3">{{c1::a  b  c}}</li>');
      },
    );

    it('should keep blanks inside author HTML that encloses them, sanitised around them', () => {
      const out = renderRichHtml(
        doc({
          type: 'paragraph',
          children: [
            { type: 'html', value: '<kbd onclick="x()">' },
            blank(1, 'Ctrl'),
            { type: 'html', value: '</kbd> then ' },
            blank(2, 'C'),
          ],
        }),
        { cloze: (b, index) => `<input data-blank="${index}" value="${b.answer}">` },
      );
      expect(out).toBe(
        '<p><kbd><input data-blank="0" value="Ctrl"></kbd> then <input data-blank="1" value="C"></p>',
      );
    });

    it('should not let author HTML forge a blank, nor carry one into an attribute', () => {
      // What a slot looks like, with the nonce guessed; and the real slot
      // written where author HTML puts it inside an attribute value.
      const forged = '[[qm-cloze:00000000-0000-0000-0000-000000000000:0]] [[qm-cloze:x:0]]';
      const out = renderRichHtml(
        doc(html(`<p>${forged}</p><p title="[[qm-cloze">x</p>`), {
          type: 'paragraph',
          children: [
            { type: 'html', value: '<sup title="' },
            blank(1, 'in attribute'),
            { type: 'html', value: '">t</sup> ' },
            blank(2, 'real'),
          ],
        }),
        { cloze: (b) => `<mark>${b.answer}</mark>` },
      );
      expect(out).toContain(`<p>${forged}</p>`);
      expect(out).toContain('<sup title="">t</sup> <mark>real</mark>');
      expect(out.match(/<mark>/g)).toHaveLength(1);
      expect(out).not.toContain('in attribute');
    });
  });

  it.each([
    ['the typed path', []],
    ['the sanitising path (raw HTML beside them)', [html('<p>raw <b>author</b> HTML</p>')]],
  ] as const)(
    'should align table cells by class and make code blocks focusable and named, on %s',
    (_path, extra) => {
      const cell = (value: string) => ({
        type: 'tableCell' as const,
        children: [{ type: 'text' as const, value }],
      });
      const row = (...values: string[]) => ({
        type: 'tableRow' as const,
        children: values.map(cell),
      });
      const out = renderRichHtml(
        doc(
          ...extra,
          {
            type: 'table',
            align: [null, 'center', 'right'],
            children: [row('a', 'b', 'c'), row('1', '2', '3')],
          },
          { type: 'code', lang: null, value: 'x = 1' },
        ),
      );
      expect(out).not.toMatch(/\salign=/);
      expect(out).toContain(
        '<th>a</th><th class="qm-align-center">b</th><th class="qm-align-right">c</th>',
      );
      expect(out).toContain(
        '<td>1</td><td class="qm-align-center">2</td><td class="qm-align-right">3</td>',
      );
      expect(out).toContain('<pre tabindex="0" role="group" aria-label="Code"><code class="hljs">');
    },
  );

  it('should escape an odd fence language in attributes', () => {
    const out = renderRichHtml(doc({ type: 'code', lang: 'x"onload="y', value: 'a < b' }));
    expect(out).toBe(
      '<pre data-lang="x&#x22;onload=&#x22;y" tabindex="0" role="group" aria-label="Code (x&#x22;onload=&#x22;y)"><code class="hljs language-x&#x22;onload=&#x22;y">a &#x3C; b</code></pre>',
    );
  });

  it('should highlight a repeated snippet the same way, in each code style', () => {
    const code = doc({ type: 'code', lang: 'sql', value: "SELECT * FROM t WHERE a = 'x';" });
    const classes = renderRichHtml(code);
    const inline = renderRichHtml(code, { codeStyle: 'inline' });
    expect(classes).toContain('<span class="hljs-keyword">SELECT</span>');
    expect(inline).toContain('style="color:');
    expect(renderRichHtml(code)).toBe(classes);
    expect(renderRichHtml(code, { codeStyle: 'inline' })).toBe(inline);
  });
});

// A small seeded generator of typed rich text (no raw HTML, links or images):
// every construct, nested, with text that needs escaping.
function randomBlocks(random: () => number, depth: number): Block[] {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const words = ['a', 'b & c', '<tag>', '"q"', "it's", '`x`', 'é ≠ 😀', ' ', '\n'];
  const inlines = (level: number): Inline[] =>
    Array.from({ length: 1 + Math.floor(random() * 4) }, (): Inline => {
      const kind = pick([
        'text',
        'text',
        'emphasis',
        'strong',
        'delete',
        'code',
        'math',
        'br',
        'cloze',
      ]);
      if (level > 0 && (kind === 'emphasis' || kind === 'strong' || kind === 'delete')) {
        return { type: kind, children: inlines(level - 1) };
      }
      if (kind === 'code') return { type: 'inlineCode', value: pick(words) };
      if (kind === 'math') return { type: 'inlineMath', value: pick(words) };
      if (kind === 'br') return { type: 'break' };
      if (kind === 'cloze') {
        const hint = pick([null, 'a "hint"']);
        return { type: 'cloze', number: 1 + Math.floor(random() * 3), answer: pick(words), hint };
      }
      return { type: 'text', value: pick(words) };
    });
  return Array.from({ length: 1 + Math.floor(random() * 3) }, (): Block => {
    const kind = pick(['paragraph', 'heading', 'code', 'list', 'quote', 'hr', 'table', 'math']);
    if (kind === 'math') return { type: 'math', value: pick(['\\frac{a}{b}', 'a < b', '\\frac{']) };
    if (kind === 'heading')
      return { type: 'heading', depth: 1 + Math.floor(random() * 6), children: inlines(2) };
    if (kind === 'code') {
      return {
        type: 'code',
        lang: pick([null, 'python', 'sql', 'typescript', 'bash', 'c++', 'unknown']),
        value: pick([
          'def f(x):\n    return "<x>"  # c',
          "SELECT 'a' FROM t;",
          'echo "$A" && ls',
          'a < b & c',
        ]),
      };
    }
    if (kind === 'list' && depth > 0) {
      const items: ListItem[] = Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({
        type: 'listItem',
        checked: pick([null, true, false]),
        children: randomBlocks(random, depth - 1),
      }));
      return {
        type: 'list',
        ordered: random() < 0.5,
        start: pick([null, 0, 1, 7]),
        children: items,
      };
    }
    if (kind === 'quote' && depth > 0) {
      return { type: 'blockquote', children: randomBlocks(random, depth - 1) };
    }
    if (kind === 'hr') return { type: 'thematicBreak' };
    if (kind === 'table') {
      const row = () => ({
        type: 'tableRow' as const,
        children: Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({
          type: 'tableCell' as const,
          children: inlines(1),
        })),
      });
      return {
        type: 'table',
        align: [pick([null, 'left', 'center', 'right'] as const), null, 'right'],
        children: Array.from({ length: Math.floor(random() * 3) }, row),
      };
    }
    return { type: 'paragraph', children: inlines(2) };
  });
}
