import { describe, expect, it } from 'vitest';
import { parseDeck } from '../src/index.js';
import { INPUT_LIMITS, scanMarkdown } from '../src/input-limits.js';

const deck = (body: string, front = 'id: demo\ntitle: Demo') => `---\n${front}\n---\n\n${body}`;
const item = (body: string) => deck(`## Section\n\n### Question\n\n${body}\n`);
const parse = (source: string | Uint8Array) => parseDeck(source, { file: 'demo.md' });
const rules = (source: string | Uint8Array) =>
  parse(source).diagnostics.map(({ ruleId, line, column }) => ({ ruleId, line, column }));

describe('input limits', () => {
  it('should refuse a file over 2 MiB without reading it, as bytes or as text', () => {
    const big = item('Answer.\n'.repeat(300_000));
    expect(big.length).toBeGreaterThan(INPUT_LIMITS.fileBytes);
    for (const source of [big, new TextEncoder().encode(big)]) {
      const result = parse(source);
      expect(result.deck).toBeNull();
      expect(result.diagnostics).toMatchObject([
        {
          ruleId: 'input-too-large',
          line: 1,
          column: 1,
          severity: 'error',
          message: expect.stringContaining('at most 2.0 MiB, found 2.3 MiB'),
        },
      ]);
    }
  });

  it('should count characters outside ASCII as their UTF-8 bytes', () => {
    const text = item('é'.repeat(1024 * 1024 + 10));
    expect(text.length).toBeLessThan(INPUT_LIMITS.fileBytes);
    expect(rules(text)).toEqual([{ ruleId: 'input-too-large', line: 1, column: 1 }]);
  });

  it('should accept an honest deck of thousands of questions with lists', () => {
    const questions = Array.from(
      { length: 3_800 },
      (_, index) =>
        `### Question ${index}: which *option* is right?\n\n- [x] The \`first\` one\n- [ ] The [second](https://example.com/${index}) one\n`,
    );
    const text = deck(`## Section\n\n${questions.join('\n')}`);
    expect(text.length).toBeGreaterThan(400_000);
    const result = parse(text);
    expect(result.diagnostics).toEqual([]);
    expect(result.deck?.sections[0]?.items).toHaveLength(3_800);
  });

  it('should refuse frontmatter over 64 KiB before YAML reads it', () => {
    const keys = Array.from({ length: 8_000 }, (_, index) => `key${index}: value`).join('\n');
    const result = parse(item('Answer.').replace('title: Demo', `title: Demo\n${keys}`));
    expect(result.diagnostics).toMatchObject([
      { ruleId: 'input-too-large', line: 1, message: expect.stringContaining('frontmatter') },
    ]);
  });

  it('should refuse YAML nested too deep to read', () => {
    const result = parse(
      item('Answer.').replace('title: Demo', `title: Demo\ntags: ${'{'.repeat(30_000)}`),
    );
    expect(result.deck).toBeNull();
    expect(result.diagnostics).toMatchObject([{ ruleId: 'input-too-deep', line: 1, column: 1 }]);
  });

  it('should refuse lists and quotes nested 10,000 deep at their line, quickly and without a stack overflow', () => {
    for (const nested of ['- '.repeat(10_000), '> '.repeat(10_000), '1. '.repeat(10_000)]) {
      expect(rules(item(`Before.\n\n${nested}x`))).toEqual([
        { ruleId: 'input-too-deep', line: 12, column: 1 },
      ]);
    }
    const indented = Array.from({ length: 200 }, (_, depth) => `${'  '.repeat(depth)}- level`);
    expect(rules(item(indented.join('\n')))).toEqual([
      { ruleId: 'input-too-deep', line: 10 + INPUT_LIMITS.nesting, column: 1 },
    ]);
  });

  it('should accept nesting up to the limit', () => {
    const indented = Array.from(
      { length: INPUT_LIMITS.nesting },
      (_, depth) => `${'  '.repeat(depth)}- level ${depth}`,
    );
    expect(rules(item(indented.join('\n')))).toEqual([]);
    expect(rules(item(`${'> '.repeat(INPUT_LIMITS.nesting)}deep quote`))).toEqual([]);
  });

  it('should refuse inline content nested deeper than 256 levels after parsing', () => {
    const words = Array.from({ length: 300 }, (_, index) => `*w${index}`).join(' ');
    const closing = Array.from({ length: 300 }, (_, index) => `v${index}*`).join(' ');
    const result = parse(item(`${words} middle ${closing}`));
    expect(result.diagnostics).toMatchObject([
      { ruleId: 'input-too-deep', line: 10, message: expect.stringContaining('256') },
    ]);
  });

  it('should refuse a paragraph with too many emphasis and link markers, at its first line', () => {
    const paragraph = `Intro line.\n${'*a b_ '.repeat(600)}`;
    expect(rules(item(paragraph))).toEqual([{ ruleId: 'input-too-complex', line: 10, column: 1 }]);
    expect(rules(item(`${'['.repeat(600)}\n${']'.repeat(600)}`))).toEqual([
      { ruleId: 'input-too-complex', line: 10, column: 1 },
    ]);
  });

  it('should not count snake_case underscores, escaped markers or markers split by blank lines', () => {
    const snake = 'a_variable_name '.repeat(2_000);
    const escaped = '\\* \\_ \\['.repeat(1_000);
    const paragraphs = Array.from({ length: 50 }, () => '**bold** and _em_ '.repeat(40)).join(
      '\n\n',
    );
    expect(rules(item(`${snake}\n\n${escaped}\n\n${paragraphs}`))).toEqual([]);
  });

  it('should refuse a deck with more than 262,144 markers in all', () => {
    const paragraphs = Array.from({ length: 263 }, () => '*a* '.repeat(500)).join('\n\n');
    expect(rules(item(paragraphs))).toMatchObject([{ ruleId: 'input-too-complex' }]);
  });

  it('should not count the checkboxes of task lists as link markers', () => {
    const options = Array.from(
      { length: 1_200 },
      (_, index) => `- [${index ? ' ' : 'x'}] option ${index}`,
    );
    expect(rules(item(options.join('\n')))).toEqual([]);
  });

  it('should refuse a deck of 40,000 tiny items at the first item past 5,000, before parsing', () => {
    const items = Array.from({ length: 40_000 }, (_, index) => `### Q${index}\n\nA\n`);
    const text = deck(`## S\n\n${items.join('\n')}`);
    expect(text.length).toBeLessThan(700_000);
    const started = performance.now();
    const result = parse(text);
    expect(performance.now() - started).toBeLessThan(2_000);
    // The first item is on line 8, and each takes 4 lines.
    expect(result.diagnostics).toMatchObject([
      {
        ruleId: 'input-too-long',
        severity: 'error',
        line: 8 + 4 * INPUT_LIMITS.items,
        column: 1,
        message: expect.stringContaining('at most 5,000 `###` items'),
      },
    ]);
    expect(result.deck).toBeNull();
  });

  it('should parse a deck of exactly 5,000 of the smallest items', () => {
    const items = Array.from({ length: INPUT_LIMITS.items }, (_, index) => `### Q${index}\nA\n`);
    const result = parse(deck(`## S\n\n${items.join('')}`));
    expect(result.diagnostics).toEqual([]);
    expect(result.deck?.sections[0]?.items).toHaveLength(INPUT_LIMITS.items);
  });

  it('should refuse a deck of more than 70,000 lines at the first line past the budget', () => {
    // 2 MiB of blank lines would be a million lines: micromark spends about 4 KB on each.
    const result = parse(item('\n'.repeat(1_000_000)));
    expect(result.diagnostics).toMatchObject([
      {
        ruleId: 'input-too-long',
        line: INPUT_LIMITS.lineWeight + 1,
        column: 1,
        message: expect.stringContaining('at most 70,000 lines'),
      },
    ]);
  });

  it('should count list, quote and table lines twice, and nested markers once each', () => {
    const front = item('').split('\n').length - 1;
    const at = (line: string, times: number) =>
      scanMarkdown(item(`${line}\n`.repeat(times)).slice(0, -1));
    const budget = INPUT_LIMITS.lineWeight - front;
    expect(at('A', budget)).toBeNull();
    expect(at('A', budget + 1)).toMatchObject({ ruleId: 'input-too-long' });
    for (const line of ['- [ ] option', '> quoted', '| a | b |', '1. step']) {
      expect(at(line, Math.floor(budget / 2))).toBeNull();
      expect(at(line, Math.floor(budget / 2) + 1)).toMatchObject({ ruleId: 'input-too-long' });
    }
    expect(at('> - x', Math.floor(budget / 3))).toBeNull();
    expect(at('> - x', Math.floor(budget / 3) + 1)).toMatchObject({ ruleId: 'input-too-long' });
  });

  it('should count an honest deck of 5,000 choice questions with hints inside the budget', () => {
    const questions = Array.from(
      { length: INPUT_LIMITS.items },
      (_, index) =>
        `### Question ${index}: which stage runs the check?\n\n- [x] The \`test\` stage, after **build**\n- [ ] The deploy stage\n- [ ] Neither\n\n#### Hint\n\nRead the pipeline file.\n`,
    );
    expect(scanMarkdown(deck(`## Quiz\n\n${questions.join('\n')}`))).toBeNull();
  });

  it('should check Markdown in the frontmatter description too', () => {
    const result = parse(
      item('Answer.').replace('title: Demo', `title: Demo\ndescription: "${'> '.repeat(200)}x"`),
    );
    expect(result.diagnostics).toMatchObject([{ ruleId: 'input-too-deep', line: 4 }]);
  });
});
