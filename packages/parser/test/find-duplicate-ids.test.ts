import { describe, expect, it } from 'vitest';
import { findDuplicateIds, type ParseResult, parseDeck } from '../src/index.js';

const deck = (id: string, body: string) => `---\nid: ${id}\ntitle: ${id}\n---\n\n## S\n\n${body}`;

describe('findDuplicateIds', () => {
  it('should report item and deck ids shared by files of one build, at the later file', () => {
    const results = [
      parseDeck(deck('one', '### A {#shared}\n\nA.\n\n### B {#only-one}\n\nB.'), { file: 'a.md' }),
      parseDeck(deck('two', '### Other\n\nX.\n\n### C {#shared}\n\nC.'), { file: 'b.md' }),
      parseDeck(deck('one', '### D {#only-three}\n\nD.'), { file: 'c.md' }),
    ];
    expect(results.flatMap((result) => result.diagnostics)).toEqual([]);
    expect(findDuplicateIds(results)).toEqual([
      {
        file: 'b.md',
        line: 12,
        column: 1,
        endLine: null,
        endColumn: null,
        severity: 'error',
        ruleId: 'duplicate-id',
        message:
          'expected item ids to be unique in a build, found `shared` again (first used at a.md:8:1)',
        source: 'quizmark',
      },
      {
        file: 'c.md',
        line: 1,
        column: 1,
        endLine: null,
        endColumn: null,
        severity: 'error',
        ruleId: 'duplicate-id',
        message:
          'expected deck ids to be unique in a build, found `one` again (first used at a.md:1:1)',
        source: 'quizmark',
      },
    ]);
  });

  it('should compare ids after case folding and Unicode normalisation', () => {
    const result = (file: string, ids: string[]): ParseResult => ({
      file,
      deck: null,
      diagnostics: [],
      images: [],
      itemPositions: Object.fromEntries(
        ids.map((id, index) => [id, { line: index + 1, column: 1 }]),
      ),
    });
    const diagnostics = findDuplicateIds([
      result('a.md', ['caf\u00e9', 'Mixed-Case']),
      result('b.md', ['cafe\u0301', 'mixed-case', 'unique']),
    ]);
    expect(diagnostics.map((d) => [d.file, d.line, d.message.split(' (')[0]])).toEqual([
      ['b.md', 1, 'expected item ids to be unique in a build, found `cafe\u0301` again'],
      ['b.md', 2, 'expected item ids to be unique in a build, found `mixed-case` again'],
    ]);
  });

  it('should find duplicates in decks that have errors of their own', () => {
    const results = [
      parseDeck(deck('one', '### A {#x}\n\nA.'), { file: 'a.md' }),
      parseDeck(deck('two', '### B {#x level=expert}\n\nB.'), { file: 'b.md' }),
    ];
    expect(results[1]!.deck).toBeNull();
    expect(findDuplicateIds(results).map((d) => [d.file, d.line, d.ruleId])).toEqual([
      ['b.md', 8, 'duplicate-id'],
    ]);
  });

  it('should leave duplicates inside one file to parseDeck', () => {
    const result = parseDeck(deck('one', '### A {#x}\n\nA.\n\n### B {#x}\n\nB.'), { file: 'a.md' });
    expect(result.diagnostics.map((d) => [d.line, d.ruleId])).toEqual([[12, 'duplicate-id']]);
    expect(findDuplicateIds([result])).toEqual([]);
  });
});
