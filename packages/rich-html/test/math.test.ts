import type { Block, Inline, RichText } from '@quizmark/model';
import { describe, expect, it } from 'vitest';
import { hasMath, mathStylesheet, renderRichHtml, scriptFontCss } from '../src/index.js';
import { sanitizedRichHtml } from '../src/sanitized-html.js';

const doc = (...children: Block[]): RichText => ({ markdown: '', children });
const inline = (value: string): Inline => ({ type: 'inlineMath', value });
const line = (...children: Inline[]): Block => ({ type: 'paragraph', children });

// MathML Core's elements, and the two inert extras Temml's CSS draws with.
const ALLOWED = new Set(
  'math semantics annotation merror mfrac mi mmultiscripts mn mo mover mpadded mphantom mprescripts mroot mrow ms mspace msqrt mstyle msub msubsup msup mtable mtd mtext mtr munder munderover menclose span'.split(
    ' ',
  ),
);

/** TeX for which Temml writes style attributes, classes and MathML 3 elements. */
const STYLED = [
  '\\color{red}{x} + \\textcolor{#0000FF}{y}',
  '\\boxed{x}',
  '\\fcolorbox{red}{blue}{x}',
  '\\colorbox{red}{x}',
  '\\begin{array}{c|c}a&b\\\\ \\hline c&d\\end{array}',
  '\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}',
  '\\sideset{_a}{^b}\\sum',
  '\\cancel{x} \\sout{y} \\phase{z}',
  '\\widehat{abc} \\underbrace{ab}_{c}',
  '\\pmb{x} \\reflectbox{x} \\!x \\raisebox{1em}{x} \\llap{x}',
  "f' \\mathscr{A} \\vec{v}",
];

const tags = (html: string) => [...html.matchAll(/<([a-z][\w-]*)/g)].map((match) => match[1]!);
const classes = (html: string) =>
  [...html.matchAll(/class="([^"]*)"/g)].flatMap((match) => match[1]!.split(' '));

describe('math in rich HTML', () => {
  it('should draw inline math as MathML and display math as a block, with the TeX as annotation', () => {
    const out = renderRichHtml(
      doc(line({ type: 'text', value: 'Einstein: ' }, inline('E = mc^2')), {
        type: 'math',
        value: '\\frac{a}{b}',
      }),
    );
    expect(out).toBe(
      '<p>Einstein: <math><semantics><mrow><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn class="tml-sml-pad">2</mn></msup></mrow><annotation encoding="application/x-tex">E = mc^2</annotation></semantics></math></p>' +
        '<math display="block" class="tml-display"><semantics><mfrac><mi>a</mi><mi>b</mi></mfrac><annotation encoding="application/x-tex">\\frac{a}{b}</annotation></semantics></math>',
    );
  });

  it.each(STYLED)(
    'should keep only MathML Core, classes of the stylesheet and no style attribute for %s',
    (tex) => {
      const out = renderRichHtml(doc(line(inline(tex)), { type: 'math', value: tex }));
      expect(out).toContain('<math');
      expect(out).not.toMatch(/\sstyle=/);
      for (const tag of tags(out)) if (tag !== 'p') expect(ALLOWED, tag).toContain(tag);
      const css = mathStylesheet();
      for (const name of classes(out)) expect(css, name).toMatch(new RegExp(`\\.${name}\\b`));
    },
  );

  it('should move what Temml styles into MathML attributes and classes', () => {
    const html = (tex: string) => renderRichHtml(doc(line(inline(tex))));
    expect(html('\\color{red}{x}')).toContain('<mi mathcolor="#ff0000">x</mi>');
    expect(html('\\boxed{x}')).toContain('class="qm-math-frame"');
    expect(html('\\colorbox{red}{x}')).toContain('mathbackground="#ff0000" class="qm-math-box"');
    expect(html('\\begin{array}{c|c}a&b\\\\ \\hline c&d\\end{array}')).toContain(
      '<mtd class="qm-math-border-bottom-solid qm-math-border-right-solid"><mi>a</mi></mtd>',
    );
    expect(html('\\sideset{_a}{^b}\\sum')).toContain('<mrow class="tml-left"></mrow>');
    expect(html('\\widehat{x}')).toContain('scriptlevel="0"');
    // `\tag`'s classes are not styled: dropped, with no empty attribute left.
    const tagged = renderRichHtml(doc({ type: 'math', value: 'x \\tag{1}' }));
    expect(tagged).toContain('<mtr><mtd class="qm-math-half-width"></mtd>');
    expect(tagged).toContain('<mtext>(1)</mtext>');
    expect(tagged).not.toContain('class=""');
    expect(
      renderRichHtml(doc({ type: 'math', value: '\\begin{equation}a\\end{equation}' })),
    ).toContain('<mtext><span class="tml-eqn"></span></mtext>');
  });

  it('should refuse what untrusted TeX asks for: links, raw HTML, styles', () => {
    for (const tex of [
      '\\href{https://example.org}{x}',
      '\\url{https://example.org}',
      '\\htmlStyle{color:red}{x}',
      '\\class{x}{y}',
      '\\includegraphics{x.png}',
      '\\color{red;background:url(x)}x',
    ]) {
      const out = renderRichHtml(doc(line(inline(tex))));
      expect(out, tex).toMatch(/^<p><code class="qm-math-error" title="[^"]+">/);
      expect(out, tex).not.toContain('<math');
    }
    const text = renderRichHtml(doc(line(inline('\\text{<b onclick="x()">x</b>}'))));
    // The tag is text in an `mtext` (Temml keeps its space as a no-break space).
    expect(text).toMatch(/<mtext>&#x3C;b\u00a0onclick="x\(\)">x&#x3C;\/b><\/mtext>/);
    expect(text).not.toContain('<b');
  });

  it('should show TeX that does not render as its source, marked, with the problem as its title', () => {
    expect(renderRichHtml(doc(line(inline('\\frac{1}{'))))).toBe(
      '<p><code class="qm-math-error" title="Unexpected end of input in a macro argument, expected &#x27;}&#x27; at the end of the formula">\\frac{1}{</code></p>',
    );
    expect(renderRichHtml(doc({ type: 'math', value: 'a < \\frac{b' }))).toMatch(
      /^<p><code class="qm-math-error" title="[^"]+">a &#x3C; \\frac\{b<\/code><\/p>$/,
    );
  });

  it.each([
    ['the typed path', []],
    ['the sanitising path', [{ type: 'html', value: '<p><b>raw</b></p>' } as Block]],
  ] as const)('should write TeX in MathJax delimiters for Anki, on %s', (_path, extra) => {
    const text = doc(
      ...extra,
      line(inline('a < b \\& c > d')),
      { type: 'math', value: '\\frac{1}{\\sqrt{2}}' },
      line(inline('\\frac{1}{')),
    );
    const out = renderRichHtml(text, { math: 'mathjax' });
    expect(out).toContain('<p>\\(a &lt; b \\&amp; c &gt; d\\)</p>');
    // Anki would end a cloze at `}}`: TeX ignores the space between the braces.
    expect(out).toContain('\\[\\frac{1}{\\sqrt{2} }\\]');
    expect(out).toContain('<p><code class="qm-math-error" title="');
    expect(out).not.toContain('<math');
    expect(sanitizedRichHtml(text, { math: 'mathjax' })).toBe(out);
  });

  it('should keep math that author HTML puts in an attribute out of it', () => {
    const out = renderRichHtml(
      doc(
        line(
          { type: 'html', value: '<sup title="' },
          inline('x^2'),
          { type: 'html', value: '">sq</sup> and ' },
          inline('y'),
        ),
      ),
    );
    expect(out).toMatch(/^<p><sup title="">sq<\/sup> and <math><semantics><mi>y<\/mi>/);
    expect(out.match(/<math/g)).toHaveLength(1);
  });

  it('should tell whether rich text has math anywhere in it', () => {
    const nested = doc({
      type: 'list',
      ordered: false,
      start: null,
      children: [
        {
          type: 'listItem',
          checked: null,
          children: [line({ type: 'strong', children: [inline('x')] })],
        },
      ],
    });
    expect(hasMath([nested])).toBe(true);
    expect(hasMath([doc({ type: 'math', value: 'x' })])).toBe(true);
    expect(hasMath([doc(line({ type: 'inlineCode', value: '$x$' }))])).toBe(false);
    expect(hasMath([])).toBe(false);
  });

  it('should ship a stylesheet that loads nothing: its font is a data URI', () => {
    const css = mathStylesheet();
    expect(css).toContain('@font-face');
    expect(css).toMatch(/src: url\(data:font\/woff2;base64,[A-Za-z0-9+/]+=*\) format\('woff2'\)/);
    expect(css.replace(/url\(data:[^)]*\)|url\("data:[^"]*"\)/g, '')).not.toMatch(/url\(/);
    expect(css).toContain('math.tml-display { display: block math;');
    expect(mathStylesheet()).toBe(css);
  });

  it('should give each script its system fonts by language, and emoji fonts everywhere', () => {
    const css = scriptFontCss('--font', ':root');
    expect(css).toContain(':where(:root, [lang]) { --font: system-ui,');
    expect(css).toMatch(/:where\(:lang\(ja\)\) \{ --font: [^}]*"Hiragino Sans"/);
    expect(css).toMatch(/:where\(:lang\(zh-Hant\), :lang\(zh-TW\)[^)]*\)[^}]*"PingFang TC"/);
    expect(css).toMatch(/:where\(:lang\(ko\)\)[^}]*"Malgun Gothic"/);
    expect(css).toMatch(/:where\(:lang\(ar\)[^}]*"Noto Sans Arabic"/);
    expect(css).toMatch(/:where\(:lang\(he\)[^}]*"Noto Sans Hebrew"/);
    expect(css).toMatch(/:where\(:lang\(hi\)[^}]*"Noto Sans Devanagari"/);
    for (const rule of css.trim().split('\n').slice(0, -1)) {
      expect(rule).toContain('"Apple Color Emoji", "Segoe UI Emoji"');
      expect(rule).toContain('"Noto Color Emoji"');
    }
    expect(css).toContain(':where([lang]) { font-family: var(--font); }');
    expect(css).not.toMatch(/url\(|@import/);
  });
});
