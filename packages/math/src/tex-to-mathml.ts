import { temml } from './temml-engine.js';
import { temmlOptions } from './temml-options.js';
import { type MathProblem, problemOf } from './tex-problem.js';

export type MathmlResult =
  | { mathml: string; problem: null }
  | { mathml: null; problem: MathProblem };

/** TeX as a MathML `<math>` element (Temml's markup, unsanitised), or the problem. */
export function texToMathml(tex: string, display: boolean): MathmlResult {
  try {
    return { mathml: temml().renderToString(tex, temmlOptions(display)), problem: null };
  } catch (error) {
    return { mathml: null, problem: problemOf(error) };
  }
}
