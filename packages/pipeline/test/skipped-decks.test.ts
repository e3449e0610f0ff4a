import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDecks, checkDecks } from '../src/index.js';

const deck = (id: string, tags: string) => `---
id: ${id}
title: ${id}
---

## Questions

### What is ${id}? {tags=${tags}}

An answer.
`;

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'quizmark-skip-'));
  mkdirSync(join(dir, 'decks'));
  writeFileSync(join(dir, 'decks', 'calculus.md'), deck('calculus', 'calc'));
  writeFileSync(join(dir, 'decks', 'algebra.md'), deck('algebra', 'algebra'));
  return dir;
}

const brief = (diagnostics: ReadonlyArray<{ file: string; severity: string; ruleId: string }>) =>
  diagnostics.map((d) => `${d.file} ${d.severity} ${d.ruleId}`);

describe('a PDF selection over a folder of decks', () => {
  it('should skip the decks without a match, with a warning, and build the others', async () => {
    const dir = project();
    const options = {
      inputs: ['decks'],
      outDir: 'out',
      formats: ['pdf', 'json'],
      formatOptions: { pdf: { select: { tags: ['calc'] } } },
      cwd: dir,
      cache: false,
    };
    const result = await buildDecks(options);
    expect(result.ok).toBe(true);
    expect(brief(result.diagnostics)).toEqual(['decks/algebra.md warning pdf-no-match']);
    expect(result.outputs).toEqual([
      'algebra.json',
      'calculus.json',
      'calculus.key.pdf',
      'calculus.quiz.pdf',
    ]);
    expect(
      readdirSync(join(dir, 'out'))
        .filter((file) => file.endsWith('.pdf'))
        .sort(),
    ).toEqual(['calculus.key.pdf', 'calculus.quiz.pdf']);
    const checked = await checkDecks(['decks'], { ...options, cache: false });
    expect(checked.diagnostics).toEqual(result.diagnostics);
  });

  it('should fail, and write nothing, when no deck matches', async () => {
    const dir = project();
    const options = {
      inputs: ['decks'],
      outDir: 'out',
      formats: ['pdf'],
      formatOptions: { pdf: { select: { tags: ['geometry'] } } },
      cwd: dir,
      cache: false,
    };
    const result = await buildDecks(options);
    expect(result.ok).toBe(false);
    expect(brief(result.diagnostics)).toEqual([
      'decks/algebra.md error output-nothing-to-write',
      'decks/algebra.md warning pdf-no-match',
      'decks/calculus.md warning pdf-no-match',
    ]);
    expect(result.diagnostics[0]!.message).toBe(
      'the pdf output has nothing to write: it skipped all 2 decks (see the warnings)',
    );
    const checked = await checkDecks(['decks'], options);
    expect(checked.diagnostics).toEqual(result.diagnostics);
  });
});
