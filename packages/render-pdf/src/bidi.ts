import { createRequire } from 'node:module';
import type { Bidi } from 'bidi-js';
import { hasRightToLeft } from './script-faces.js';

// bidi-js is CommonJS typed as an ES module: its factory is `module.exports`
// itself, which an ES default import reaches in Node but not in the types.
const require = createRequire(import.meta.url);
const createBidi: () => Bidi = require('bidi-js');

/** The Unicode Bidirectional Algorithm (UAX #9), one instance per process. */
export const bidi = createBidi();

/** A stretch of text (or of anything standing for it) at one embedding level. */
export interface Leveled {
  level: number;
}

/**
 * Visual order of items given in logical order (UAX #9, rule L2): from the
 * highest level down to the lowest odd one, every stretch at that level or
 * above is reversed.
 */
export function visualOrder<T extends Leveled>(items: readonly T[]): T[] {
  const out = items.slice();
  let highest = 0;
  let lowestOdd = Number.POSITIVE_INFINITY;
  for (const { level } of out) {
    highest = Math.max(highest, level);
    if (level % 2 === 1) lowestOdd = Math.min(lowestOdd, level);
  }
  for (let level = highest; level >= lowestOdd; level--) {
    for (let start = 0; start < out.length; start++) {
      if (out[start]!.level < level) continue;
      let end = start;
      while (end + 1 < out.length && out[end + 1]!.level >= level) end++;
      const reversed = out.slice(start, end + 1).reverse();
      out.splice(start, reversed.length, ...reversed);
      start = end;
    }
  }
  return out;
}

/** Direction of a paragraph from its first strong letter (as HTML's dir="auto"). */
export function paragraphDirection(text: string): 'ltr' | 'rtl' {
  if (!hasRightToLeft(text)) return 'ltr';
  return bidi.getEmbeddingLevels(text, 'auto').paragraphs[0]?.level === 1 ? 'rtl' : 'ltr';
}

/** `text` cut where its embedding level changes, in logical order. */
export function levelRuns(
  text: string,
  direction: 'ltr' | 'rtl' | 'auto',
): Array<{ text: string; level: number }> {
  const { levels } = bidi.getEmbeddingLevels(text, direction);
  const runs: Array<{ text: string; level: number }> = [];
  for (let index = 0; index < text.length; index++) {
    const level = levels[index]!;
    const last = runs[runs.length - 1];
    if (last && last.level === level) last.text += text[index];
    else runs.push({ text: text[index]!, level });
  }
  return runs;
}
