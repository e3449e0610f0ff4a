import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { type FaceName, FONT_NAMES, fontBytes, SCRIPTS, type Script } from '../src/fonts.js';
import { MONO_COVERAGE, SANS_COVERAGE } from '../src/glyph-coverage.js';
import { SCRIPT_COVERAGE } from '../src/script-coverage.js';

// The coverage tables are generated from the font files; this test checks
// them against the files and, with UPDATE set, writes
// src/script-coverage.ts anew (format it with biome afterwards).

const require = createRequire(import.meta.url);
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as {
  create(bytes: Buffer): { characterSet: number[] };
};

/** Code points every face has (control characters never print), as inclusive ranges. */
function coverage(faces: readonly FaceName[]): number[] {
  const sets = faces.map((face) => new Set(fontkit.create(fontBytes(face)).characterSet));
  const common = [...sets[0]!].filter((code) => code >= 0x20 && sets.every((set) => set.has(code)));
  common.sort((a, b) => a - b);
  const ranges: number[] = [];
  for (const code of common) {
    if (ranges.length > 0 && ranges[ranges.length - 1] === code - 1)
      ranges[ranges.length - 1] = code;
    else ranges.push(code, code);
  }
  return ranges;
}

const scriptFaces = (script: Script): FaceName[] => [script, `${script}-bold`];

describe('glyph coverage', () => {
  it('should list what every DejaVu face of a family has', () => {
    expect(SANS_COVERAGE).toEqual(coverage(FONT_NAMES.filter((name) => name.startsWith('sans'))));
    expect(MONO_COVERAGE).toEqual(coverage(FONT_NAMES.filter((name) => name.startsWith('mono'))));
  });

  it('should list what the regular and bold Noto faces of each script have', () => {
    const generated = Object.fromEntries(
      SCRIPTS.map((script) => [script, coverage(scriptFaces(script))]),
    ) as Record<Script, number[]>;
    if (process.env.UPDATE)
      writeFileSync(new URL('../src/script-coverage.ts', import.meta.url), source(generated));
    for (const script of SCRIPTS) expect(SCRIPT_COVERAGE[script]).toEqual(generated[script]);
  });
});

function source(coverage: Record<Script, number[]>): string {
  const hex = (ranges: number[]) => ranges.map((code) => `0x${code.toString(16)}`).join(', ');
  const entries = SCRIPTS.map(
    (script) => `  ${JSON.stringify(script)}: [${hex(coverage[script])}],`,
  );
  return `import type { Script } from './fonts.js';

// Generated from the Noto fonts the PDF falls back to (test/glyph-coverage.test.ts
// checks it against the font files and writes it anew with UPDATE set): the
// characters both the regular and the bold face of each family have, as
// inclusive code point ranges. Script choice and the descriptor read them
// without opening the (large) font files.

export const SCRIPT_COVERAGE: Readonly<Record<Script, readonly number[]>> = {
${entries.join('\n')}
};
`;
}
