import temml from 'temml';
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
    temml.renderToString(tex, temmlOptions(display));
    return null;
  } catch (error) {
    return problemOf(error);
  }
}

/** Temml's ParseError carries a message with the TeX underlined and a `position`. */
export function problemOf(error: unknown): MathProblem {
  if (!(error instanceof Error)) return { message: String(error), offset: null };
  const position = (error as { position?: unknown }).position;
  // The message ends with an excerpt of the TeX, underlined with combining marks: keep the words.
  const message = error.message.replace(/\s+at position \d+:[\s\S]*$/, '').trim();
  return {
    message: message || error.name,
    offset: typeof position === 'number' && Number.isInteger(position) ? position : null,
  };
}
