import { temml } from './temml-engine.js';
import { temmlOptions } from './temml-options.js';

/** Why TeX cannot be rendered, in Temml's words. */
export interface MathProblem {
  message: string;
  /** Offset in the TeX where Temml stopped (0-based), or null when it names none. */
  offset: number | null;
}

/** The problem Temml finds in the TeX, or null when it renders. */
export function texProblem(tex: string, display: boolean): MathProblem | null {
  try {
    temml().renderToString(tex, temmlOptions(display));
    return null;
  } catch (error) {
    return problemOf(error);
  }
}

/** Temml's ParseError carries a message with the TeX underlined and a `position`. */
export function problemOf(error: unknown): MathProblem {
  if (!(error instanceof Error)) return { message: String(error), offset: null };
  const position = (error as { position?: unknown }).position;
  return {
    message: authorWords(error),
    offset: typeof position === 'number' && Number.isInteger(position) ? position : null,
  };
}

/** Temml's message in words an author can act on, without the excerpt of the TeX it quotes. */
function authorWords(error: Error): string {
  // Not a ParseError: Temml tripped over a missing argument (`a_`, `x^`) while building the tree.
  if (error.name !== 'ParseError')
    return 'the formula is incomplete: a `^`, `_` or command is missing what follows it';
  const message = error.message
    .replace(/\s+at position \d+:[\s\S]*$/, '')
    .replace(/\s+at end of input:[\s\S]*$/, ' at the end of the formula')
    .trim();
  if (/^Too many expansions/.test(message))
    return 'too many macro expansions: a macro that calls itself never ends';
  return message || error.name;
}
