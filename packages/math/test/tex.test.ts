import { describe, expect, it } from 'vitest';
import { texProblem, texToMathml } from '../src/index.js';

describe('texProblem', () => {
  it('should accept valid TeX, inline and display', () => {
    expect(texProblem('E = mc^2', false)).toBeNull();
    expect(texProblem('\\frac{-b \\pm \\sqrt{b^2-4ac}}{2a}', true)).toBeNull();
    expect(texProblem('\\ce{H2O}', false)).toBeNull();
  });

  it("should give Temml's message and the offset where it stopped", () => {
    const problem = texProblem('x + \\frac{a', false);
    expect(problem?.message).toMatch(/expected '\}'/i);
    expect(problem?.message).not.toMatch(/position/);
    expect(texProblem('x + \\foo', false)).toEqual({
      message: expect.stringMatching(/\\foo/),
      offset: 4,
    });
  });

  it('should say what is wrong in words an author can act on, without quoting the TeX again', () => {
    expect(texProblem('a_', false)?.message).toMatch(/incomplete.*`_`/);
    expect(texProblem('\\sqrt', false)?.message).toBe(
      "Expected group as argument to '\\sqrt' at the end of the formula",
    );
    expect(texProblem('\\def\\a{\\a}\\a', false)?.message).not.toMatch(/maxExpand/);
  });

  it('should refuse what untrusted TeX must not do', () => {
    expect(texProblem('\\href{javascript:alert(1)}{x}', false)?.message).toMatch(/\\href/);
    expect(texProblem('\\htmlStyle{color:red}{x}', false)).not.toBeNull();
    expect(texProblem('\\def\\a{\\a}\\a', false)?.message).toMatch(/expansions/i);
  });
});

describe('texToMathml', () => {
  it('should render MathML with the TeX as an annotation', () => {
    const result = texToMathml('x^2', true);
    expect(result.problem).toBeNull();
    expect(result.mathml).toMatch(/^<math display="block"/);
    expect(result.mathml).toContain('<msup><mi>x</mi>');
    expect(result.mathml).toContain('<annotation encoding="application/x-tex">x^2</annotation>');
  });

  it('should escape text in the TeX', () => {
    expect(texToMathml('\\text{<script>}', false).mathml).toContain('&lt;script&gt;');
  });

  it('should return the problem instead of MathML', () => {
    const result = texToMathml('\\frac{a', false);
    expect(result.mathml).toBeNull();
    expect(result.problem?.message).toBeTruthy();
  });
});
