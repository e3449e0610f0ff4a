import { type Deck, hasErrors } from '@quizmark/model';
import { seededRandom } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../src/index.js';

const deck = (body: string, front = 'id: demo\ntitle: Demo') => `---\n${front}\n---\n\n${body}`;
const parse = (source: string | Uint8Array, file = 'demo.md') => parseDeck(source, { file });

const sample = deck(`## Quiz {tags=q}

### Which are true? {#which difficulty=easy}

\`\`\`js
const a = 1;
\`\`\`

- [x] One
- [x] Two
- [ ] None of the above {pin}

#### Solution

1. **Read.** Carefully.

#### Hint

Think.
`);

describe('parseDeck', () => {
  it('should throw only on API misuse, never on content', () => {
    // @ts-expect-error: the file name is required
    expect(() => parseDeck('x', {})).toThrow(TypeError);
    // @ts-expect-error: the source must be text or bytes
    expect(() => parseDeck(42, { file: 'a.md' })).toThrow(TypeError);
  });

  it('should never throw on garbage and always report it', () => {
    const next = seededRandom(20240611);
    const alphabet = [
      '#',
      '#',
      ' ',
      '\n',
      '-',
      '[',
      ']',
      'x',
      '{',
      '}',
      '=',
      '`',
      '*',
      '>',
      '|',
      ':',
      'a',
      '\t',
      '1.',
      '---',
      'é',
      '\r',
    ];
    const inputs: Array<string | Uint8Array> = [
      '',
      '\uFEFF',
      '---',
      '---\n',
      '---\n---',
      '---\n: : :\n---\n',
      '{',
      '### {',
      '## {#}\n### {#a #b}\n',
      '>'.repeat(200),
      `${'- '.repeat(100)}x`,
      '\r\r\r',
      'x'.repeat(20_000),
      deck('## A\n### B\n- [x]\n- [x] {pin} {pin}'),
      deck(
        '## A\n### B {type=choice multiple shuffle}\n#### Concepts\n#### Solution\n1.\n2. **.**',
      ),
    ];
    for (let round = 0; round < 120; round++) {
      const length = Math.floor(next() * 400);
      let text = '';
      for (let index = 0; index < length; index++) {
        text += alphabet[Math.floor(next() * alphabet.length)];
      }
      inputs.push(round % 2 === 0 ? deck(text) : text);
    }
    for (let round = 0; round < 30; round++) {
      inputs.push(Uint8Array.from({ length: 300 }, () => Math.floor(next() * 256)));
    }
    for (const input of inputs) {
      const result = parse(input);
      expect(result.diagnostics.map((diagnostic) => diagnostic.ruleId)).not.toContain(
        'internal-error',
      );
      expect(result.deck === null).toBe(hasErrors(result.diagnostics));
      for (const diagnostic of result.diagnostics) {
        expect(diagnostic.line).toBeGreaterThanOrEqual(1);
        expect(diagnostic.column).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('should give the same result for CRLF line endings, a BOM, bytes and a string', () => {
    const expected = parse(sample);
    expect(expected.diagnostics).toEqual([]);
    const crlf = `\uFEFF${sample.replace(/\n/g, '\r\n')}`;
    expect(parse(crlf)).toEqual(expected);
    expect(parse(new TextEncoder().encode(crlf))).toEqual(expected);
    expect(parse(new TextEncoder().encode(sample))).toEqual(expected);
  });

  it('should keep positions right in CRLF files', () => {
    const result = parse(deck('## A\n\n### B {levle=beginner}\n\nBack.\n').replace(/\n/g, '\r\n'));
    expect(result.diagnostics).toMatchObject([
      { line: 8, column: 8, endLine: 8, endColumn: 22, ruleId: 'attribute-unknown' },
    ]);
    expect(result.itemPositions).toEqual({ 'demo-b': { line: 8, column: 1 } });
  });

  it('should produce the same bytes for the same input', () => {
    expect(JSON.stringify(parse(sample))).toBe(JSON.stringify(parse(sample)));
  });

  it('should derive ids from text, never from position', () => {
    const items = ['### First card\n\nA.', '### Second card\n\nB.', '### Third card\n\nC.'];
    const ids = (result: { deck: Deck | null }) =>
      result.deck!.sections[0]!.items.map((item) => item.id).sort();
    const forward = parse(deck(`## S\n\n${items.join('\n\n')}`));
    const backward = parse(
      deck(`## S\n\n${[...items].reverse().join('\n\n')}\n\n## Added\n\n### X\n\nY.`),
    );
    expect(ids(forward)).toEqual(['demo-first-card', 'demo-second-card', 'demo-third-card']);
    expect(ids(backward)).toEqual(ids(forward));
  });

  it('should report a UTF-16 file, a binary file and a bad byte at its line and column', () => {
    const utf16 = Uint8Array.from([0xff, 0xfe, 0x23, 0x00, 0x20, 0x00]);
    expect(parse(utf16).diagnostics).toMatchObject([
      {
        ruleId: 'encoding-not-utf8',
        line: 1,
        column: 1,
        message: expect.stringContaining('UTF-16'),
      },
    ]);
    const binary = new TextEncoder().encode('ab\ncd\u0000ef');
    expect(parse(binary).diagnostics).toMatchObject([
      { ruleId: 'encoding-not-utf8', line: 2, column: 3, message: expect.stringContaining('NUL') },
    ]);
    const latin1 = Uint8Array.from([...new TextEncoder().encode('---\nid: é\n'), 0x41, 0xe9, 0x0a]);
    expect(parse(latin1)).toMatchObject({
      deck: null,
      diagnostics: [{ ruleId: 'encoding-not-utf8', line: 3, column: 2, severity: 'error' }],
      images: [],
      itemPositions: {},
    });
  });

  it('should refuse a YAML alias bomb without expanding it', () => {
    const bomb = [
      'id: bomb',
      'title: Bomb',
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'tags: [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
    ].join('\n');
    const result = parse(deck('## S\n\n### C\n\nB.', bomb));
    expect(result.deck).toBeNull();
    expect(result.diagnostics.filter((d) => d.ruleId === 'yaml-invalid')).toMatchObject([
      { line: 8, column: 7, message: expect.stringContaining('alias') },
    ]);
  });

  it('should name the kind of a YAML value of another type in frontmatter errors', () => {
    const result = parse(
      deck(
        '## S\n\n### C\n\nB.',
        'id: typed\ntitle: !!binary aGVsbG8=\ntopic: !!timestamp 2001-12-14',
      ),
    );
    expect(
      result.diagnostics.map(({ ruleId, line, message }) => ({ ruleId, line, message })),
    ).toEqual([
      { ruleId: 'deck-no-title', line: 1, message: expect.stringContaining('`title`') },
      {
        ruleId: 'frontmatter-invalid',
        line: 3,
        message: 'expected `title` to be text, found binary data',
      },
      {
        ruleId: 'frontmatter-invalid',
        line: 4,
        message: 'expected `topic` to be text, found a date',
      },
    ]);
  });

  it('should not let frontmatter keys pollute objects', () => {
    const result = parse(
      deck(
        '## S\n\n### C\n\nB.',
        'id: safe\ntitle: Safe\n__proto__:\n  polluted: yes\nconstructor: x',
      ),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.deck).not.toBeNull();
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual([
      'frontmatter-unknown-key',
      'frontmatter-unknown-key',
    ]);
  });

  it('should keep item positions of a deck with errors for cross-file checks', () => {
    const result = parse(deck('## S\n\n### Good {#good}\n\nB.\n\n### Bad {level=expert}\n\nB.'));
    expect(result.deck).toBeNull();
    expect(result.itemPositions).toEqual({
      good: { line: 8, column: 1 },
      'demo-bad': { line: 12, column: 1 },
    });
  });

  it('should make the body the front when an Answer part holds the back', () => {
    const result = parse(deck('## S\n\n### Q\n\nContext.\n\n#### Answer\n\nA.'));
    const item = result.deck!.sections[0]!.items[0]!;
    expect(item).toMatchObject({
      type: 'flashcard',
      front: { markdown: 'Q\n\nContext.' },
      back: { markdown: 'A.' },
    });
  });
});
