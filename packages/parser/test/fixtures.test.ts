import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDeck, RULES } from '../src/index.js';

// remark-style fixtures: test/fixtures/<case>/input.md -> expected.json.
// Run with UPDATE=1 to regenerate expected.json after a deliberate change,
// then review the diff: it is the test.
const root = new URL('fixtures/', import.meta.url);
const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function run(name: string) {
  const input = readFileSync(new URL(`${name}/input.md`, root));
  const result = parseDeck(input, { file: `${name}/input.md` });
  return {
    diagnostics: result.diagnostics.map(({ file, source, ...rest }) => {
      expect(file).toBe(`${name}/input.md`);
      expect(source).toBe('quizmark');
      return rest;
    }),
    images: result.images,
    itemPositions: result.itemPositions,
    deck: result.deck,
  };
}

describe('fixtures', () => {
  it('should have fixtures to run', () => {
    expect(cases.length).toBeGreaterThan(30);
  });

  for (const name of cases) {
    it(`should parse ${name} as expected`, () => {
      const actual = run(name);
      const expectedUrl = new URL(`${name}/expected.json`, root);
      if (process.env.UPDATE) {
        writeFileSync(expectedUrl, `${JSON.stringify(actual, null, 2)}\n`);
      }
      const expected = JSON.parse(readFileSync(expectedUrl, 'utf8'));
      expect(actual).toEqual(expected);
    });
  }

  it('should cover every rule with a fixture', () => {
    const seen = new Set<string>();
    for (const name of cases) {
      const expected = JSON.parse(readFileSync(new URL(`${name}/expected.json`, root), 'utf8'));
      for (const diagnostic of expected.diagnostics) seen.add(diagnostic.ruleId);
    }
    // An internal error is a parser bug: no content can trigger it on purpose.
    const rules = Object.keys(RULES).filter((rule) => rule !== 'internal-error');
    expect(rules.filter((rule) => !seen.has(rule))).toEqual([]);
  });

  it('should name every fixture of a diagnostic after a rule it reports', () => {
    for (const name of cases.filter((candidate) => candidate.startsWith('rule-'))) {
      const expected = JSON.parse(readFileSync(new URL(`${name}/expected.json`, root), 'utf8'));
      const rules = expected.diagnostics.map((diagnostic: { ruleId: string }) => diagnostic.ruleId);
      expect(rules).toContain(name.slice('rule-'.length));
      expect(expected.deck === null).toBe(
        rules.some((rule: keyof typeof RULES) => RULES[rule].severity === 'error'),
      );
    }
  });
});
