import { describe, expect, it } from 'vitest';
import { texToSvg } from '../src/tex-to-svg.js';

describe('texToSvg', () => {
  it('should render TeX as SVG paths with its box in ems', () => {
    const { math, problem } = texToSvg('E = mc^2', false);
    expect(problem).toBeNull();
    expect(math?.svg).toMatch(/^<svg [^>]*viewBox="0 -833.9 3845.1 915.9"/);
    expect(math?.svg).toContain('<path');
    // No font and no shared glyph cache: the SVG stands alone.
    expect(math?.svg).not.toMatch(/<use|<text|<defs/);
    expect(math).toMatchObject({ width: 3.8451, height: 0.8339 });
    expect(math?.depth).toBeCloseTo(0.082, 6);
  });

  it('should set display math larger than inline math', () => {
    const inline = texToSvg('\\sum_{i=1}^n i', false).math!;
    const display = texToSvg('\\sum_{i=1}^n i', true).math!;
    expect(display.height + display.depth).toBeGreaterThan(inline.height + inline.depth);
  });

  it('should read the AMS and mhchem packages', () => {
    expect(texToSvg('\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}', true).problem).toBeNull();
    expect(texToSvg('\\ce{H2O + CO2 -> H2CO3}', false).problem).toBeNull();
  });

  it('should give the same SVG for the same TeX', () => {
    expect(texToSvg('\\frac{a}{b}', true)).toEqual(texToSvg('\\frac{a}{b}', true));
  });

  it('should return the problem of invalid TeX, and refuse what untrusted TeX must not do', () => {
    expect(texToSvg('x + \\frac{a', false)).toEqual({
      math: null,
      problem: { message: 'Missing close brace', offset: null },
    });
    expect(texToSvg('\\foo', false).problem?.message).toMatch(/\\foo/);
    // \require would load packages, \href and \class mark up the output: none is defined here.
    expect(texToSvg('\\require{html}', false).problem).not.toBeNull();
    expect(texToSvg('\\href{javascript:alert(1)}{x}', false).problem).not.toBeNull();
    expect(texToSvg('\\def\\a{\\a}\\a', false).problem?.message).toMatch(
      /recursion|maximum|macro/i,
    );
  });
});

describe('texToSvg definitions', () => {
  it('should forget macros an earlier expression defined, as every output reads each alone', () => {
    expect(texToSvg('\\def\\half{\\frac12}\\half', false).problem).toBeNull();
    expect(texToSvg('\\half', false).problem?.message).toMatch(/\\half/);
  });
});
