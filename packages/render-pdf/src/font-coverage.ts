import { MONO_COVERAGE, SANS_COVERAGE } from './glyph-coverage.js';
import { SCRIPT_COVERAGE } from './script-coverage.js';

/** One list of sorted inclusive ranges holding everything the given lists hold. */
export function unionOfRanges(lists: ReadonlyArray<readonly number[]>): number[] {
  const pairs: Array<[number, number]> = [];
  for (const list of lists)
    for (let index = 0; index < list.length; index += 2)
      pairs.push([list[index]!, list[index + 1]!]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [from, to] of pairs) {
    const last = out.length - 1;
    if (out.length > 0 && from <= out[last]! + 1) out[last] = Math.max(out[last]!, to);
    else out.push(from, to);
  }
  return out;
}

const FALLBACKS = Object.values(SCRIPT_COVERAGE);

let glyphs: { text: readonly number[]; code: readonly number[]; fallback: string } | null = null;

/**
 * What the PDF's fonts draw: running text in DejaVu Sans and every fallback
 * face (script-faces.ts), code in DejaVu Sans Mono and the same fallbacks.
 */
export function pdfGlyphs() {
  glyphs ??= {
    text: unionOfRanges([SANS_COVERAGE, ...FALLBACKS]),
    code: unionOfRanges([MONO_COVERAGE, ...FALLBACKS]),
    fallback: 'an empty box',
  };
  return glyphs;
}
