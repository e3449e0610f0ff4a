import { readFileSync, writeFileSync } from 'node:fs';
import { DEFAULT_REGISTRY, ruleRegistry } from '@quizmark/pipeline';
import { describe, expect, it } from 'vitest';
import { rulesMarkdown } from '../src/commands/rules.js';

const doc = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

describe('the rule registry', () => {
  const rules = ruleRegistry(DEFAULT_REGISTRY);

  it('should give every rule an id, a severity, a description and an example', () => {
    for (const rule of rules) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(['error', 'warning']).toContain(rule.severity);
      expect(rule.description).toMatch(/\.$/);
      expect(rule.example.length).toBeGreaterThan(5);
    }
    expect(rules.map((rule) => rule.owner)).toContain('pdf');
  });

  it('should be docs/rules.md, row for row (UPDATE=1 writes it)', () => {
    const text = doc('docs/rules.md');
    const [head, rest] = text.split('<!-- rules:start -->\n') as [string, string];
    const [table, tail] = rest.split('<!-- rules:end -->') as [string, string];
    if (process.env.UPDATE)
      writeFileSync(
        new URL('../../../docs/rules.md', import.meta.url),
        `${head}<!-- rules:start -->\n${rulesMarkdown(rules)}<!-- rules:end -->${tail}`,
      );
    expect(table).toBe(rulesMarkdown(rules));
  });

  it('should each be explained in the authoring guide', () => {
    const authoring = doc('docs/authoring.md');
    expect(rules.filter((rule) => !authoring.includes(`\`${rule.id}\``)).map((r) => r.id)).toEqual(
      [],
    );
  });
});
