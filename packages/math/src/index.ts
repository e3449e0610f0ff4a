// TeX math for every output, with one engine deciding what is valid TeX:
// Temml (a KaTeX descendant written for MathML Core) checks and renders it
// to MathML at build time, so pages show math without a script. Print gets
// SVG paths from MathJax through the `./svg` entry, which only the PDF loads.

export { type MathProblem, texProblem } from './tex-problem.js';
export { type MathmlResult, texToMathml } from './tex-to-mathml.js';
