import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const authoring = readFileSync(new URL('../../../docs/authoring.md', import.meta.url), 'utf8');

describe('RULES', () => {
  it('should give every rule a severity and a description', () => {
    for (const [id, rule] of Object.entries(RULES)) {
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(['error', 'warning']).toContain(rule.severity);
      expect(rule.description).toMatch(/\.$/);
    }
  });

  it('should be listed exactly in the README rules table', () => {
    const rows = [
      ...readme.matchAll(/^\| `([a-z0-9-]+)` +\| (error|warning) +\| (.+?) +\|$/gm),
    ].map(([, id, severity, description]) => [id, severity, description]);
    expect(rows).toEqual(
      Object.entries(RULES).map(([id, rule]) => [id, rule.severity, rule.description]),
    );
  });

  it('should each be explained in the authoring guide', () => {
    for (const id of Object.keys(RULES)) expect(authoring).toContain(`\`${id}\``);
  });
});
