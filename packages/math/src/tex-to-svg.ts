import { createRequire } from 'node:module';
import type { MathProblem } from './tex-problem.js';

// TeX to SVG paths for print, with MathJax 3: base, AMS, newcommand (as
// Temml reads `\def` and `\newcommand`, bounded by MathJax's macro limit) and mhchem, never
// AllPackages (some packages need a DOM, `require` and `html` load or mark
// up what untrusted TeX must not reach). MathJax loads on the first call, so
// only documents with math pay its start-up; glyphs are paths
// (`fontCache: 'none'`), so the SVG needs no font and no `use`.

/** Rendered math: the SVG and its box, in ems of the surrounding text. */
export interface MathSvg {
  svg: string;
  width: number;
  /** Above the baseline. */
  height: number;
  /** Below the baseline. */
  depth: number;
}

export type SvgMathResult = { math: MathSvg; problem: null } | { math: null; problem: MathProblem };

interface Adaptor {
  firstChild(node: unknown): unknown;
  outerHTML(node: unknown): string;
  getAttribute(node: unknown, name: string): string | null;
}

interface Converter {
  convert(tex: string, display: boolean): unknown;
  adaptor: Adaptor;
}

// MathJax's CommonJS modules, required once per process.
interface MathjaxModules {
  mathjax: {
    document(root: string, options: object): { convert(tex: string, options: object): unknown };
  };
  TeX: new (options: object) => object;
  SVG: new (options: object) => object;
  adaptor: Adaptor;
}

let modules: MathjaxModules | null = null;
let converter: Converter | null = null;

function loadModules(): MathjaxModules {
  if (modules) return modules;
  const require = createRequire(import.meta.url);
  const { mathjax } = require('mathjax-full/js/mathjax.js');
  const { TeX } = require('mathjax-full/js/input/tex.js');
  const { SVG } = require('mathjax-full/js/output/svg.js');
  const { liteAdaptor } = require('mathjax-full/js/adaptors/liteAdaptor.js');
  const { RegisterHTMLHandler } = require('mathjax-full/js/handlers/html.js');
  require('mathjax-full/js/input/tex/base/BaseConfiguration.js');
  require('mathjax-full/js/input/tex/ams/AmsConfiguration.js');
  require('mathjax-full/js/input/tex/newcommand/NewcommandConfiguration.js');
  require('mathjax-full/js/input/tex/mhchem/MhchemConfiguration.js');
  const adaptor: Adaptor = liteAdaptor();
  RegisterHTMLHandler(adaptor);
  modules = { mathjax, TeX, SVG, adaptor };
  return modules;
}

/** MathJax's TeX input and SVG output on its light DOM. */
function createConverter(): Converter {
  const { mathjax, TeX, SVG, adaptor } = loadModules();
  const document = mathjax.document('', {
    InputJax: new TeX({
      packages: ['base', 'ams', 'newcommand', 'mhchem'],
      // A TeX error is the caller's to show, not an error box drawn by MathJax.
      formatError: (_jax: unknown, error: unknown) => {
        throw error;
      },
    }),
    OutputJax: new SVG({ fontCache: 'none' }),
  });
  return {
    adaptor,
    convert: (tex, display) =>
      document.convert(tex, { display, em: 16, ex: 8, containerWidth: 1200 }),
  };
}

// MathJax keeps what \def and friends define for the expressions after it;
// Temml (the HTML) reads every expression alone. A fresh input forgets them.
const DEFINES = /\\(?:[gex]?def|let|(?:re)?new(?:command|environment)|DeclareMathOperator)/;

/** MathJax's TexError is not an Error, but carries a message. */
function errorMessage(error: unknown): string {
  const message =
    typeof error === 'object' && error !== null && 'message' in error ? error.message : error;
  return typeof message === 'string' && message ? message : 'TeX error';
}

const NUMBER = /[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g;

/** TeX as MathJax SVG with its width, height and depth in ems, or why it cannot be rendered. */
export function texToSvg(tex: string, display: boolean): SvgMathResult {
  converter ??= createConverter();
  const { adaptor, convert } = converter;
  let container: unknown;
  try {
    container = convert(tex, display);
  } catch (error) {
    return { math: null, problem: { message: errorMessage(error), offset: null } };
  } finally {
    if (DEFINES.test(tex)) converter = null;
  }
  const svg = adaptor.firstChild(container);
  // The viewBox is in thousandths of an em, its top edge above the baseline at -height.
  const [, top = 0, width = 0, extent = 0] = (adaptor.getAttribute(svg, 'viewBox') ?? '')
    .match(NUMBER)
    ?.map(Number) ?? [0, 0, 0, 0];
  return {
    math: {
      svg: adaptor.outerHTML(svg),
      width: width / 1000,
      height: -top / 1000,
      depth: (top + extent) / 1000,
    },
    problem: null,
  };
}
