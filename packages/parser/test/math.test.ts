import {
  type Block,
  type Inline,
  type Item,
  itemTexts,
  type RichText,
  toPlainText,
} from '@quizmark/model';
import { seededRandom } from '@quizmark/testing';
import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../src/index.js';
import { markdownTree } from '../src/processor.js';

const deck = (body: string) => `---\nid: demo\ntitle: Demo\n---\n\n## Quiz\n\n${body}`;
/** Lines of `deck('')` before the body. */
const HEAD = 7;

function parse(body: string) {
  return parseDeck(deck(body), { file: 'demo.md' });
}

function items(body: string): Item[] {
  const result = parse(body);
  expect(result.diagnostics).toEqual([]);
  return result.deck!.sections[0]!.items;
}

/** Every math node of rich text, in reading order, as `[type, TeX]`. */
function mathOf(text: RichText): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  const inline = (node: Inline): void => {
    if (node.type === 'inlineMath') found.push([node.type, node.value]);
    if ('children' in node) node.children.forEach(inline);
  };
  const block = (node: Block): void => {
    if (node.type === 'math') found.push([node.type, node.value]);
    if (node.type === 'paragraph' || node.type === 'heading') node.children.forEach(inline);
    if (node.type === 'blockquote') node.children.forEach(block);
    if (node.type === 'list') for (const entry of node.children) entry.children.forEach(block);
    if (node.type === 'table')
      for (const row of node.children)
        for (const cell of row.children) cell.children.forEach(inline);
  };
  text.children.forEach(block);
  return found;
}

/** The inline nodes of a one-paragraph flashcard back. */
function backInlines(markdown: string): Inline[] {
  const card = items(`### Card\n\n${markdown}\n`)[0]!;
  if (card.type !== 'flashcard') throw new Error(`expected a flashcard, got ${card.type}`);
  const [paragraph] = card.back.children;
  if (paragraph?.type !== 'paragraph') throw new Error('expected one paragraph');
  return paragraph.children;
}

function texWarnings(body: string) {
  return parse(body).diagnostics.map(({ line, column, severity, ruleId, message }) => ({
    line: line - HEAD,
    column,
    severity,
    ruleId,
    message,
  }));
}

describe('math', () => {
  it('should read `$…$` and `$$…$$` inside a line as inline math, without the dollars', () => {
    expect(backInlines('Energy $E = mc^2$ and $$\\sum_i F_i$$ too.')).toEqual([
      { type: 'text', value: 'Energy ' },
      { type: 'inlineMath', value: 'E = mc^2' },
      { type: 'text', value: ' and ' },
      { type: 'inlineMath', value: '\\sum_i F_i' },
      { type: 'text', value: ' too.' },
    ]);
  });

  it('should read `$$` fenced on their own lines as display math, in a list item too', () => {
    const card = items(
      '### Card\n\nThe law:\n\n$$\nF = m a\n$$\n\n1. Step:\n\n   $$\n   a = \\frac{F}{m}\n   $$\n',
    )[0]!;
    if (card.type !== 'flashcard') throw new Error(`expected a flashcard, got ${card.type}`);
    expect(mathOf(card.back)).toEqual([
      ['math', 'F = m a'],
      ['math', 'a = \\frac{F}{m}'],
    ]);
    expect(card.back.children[1]).toEqual({ type: 'math', value: 'F = m a' });
  });

  it('should keep prices as text: `$5 and $10` is no math', () => {
    expect(backInlines('Costs $5 and $10 today.')).toEqual([
      { type: 'text', value: 'Costs $5 and $10 today.' },
    ]);
  });

  it('should read formatting between two prices as Markdown', () => {
    expect(backInlines('From $5 *or* $10.')).toEqual([
      { type: 'text', value: 'From $5 ' },
      { type: 'emphasis', children: [{ type: 'text', value: 'or' }] },
      { type: 'text', value: ' $10.' },
    ]);
  });

  it('should apply the dollar rule: no space inside the dollars, no digit after the closing one', () => {
    expect(backInlines('$ a $ and $a $ and $x$5 left')).toEqual([
      { type: 'text', value: '$ a $ and $a $ and $x$5 left' },
    ]);
    // A rejected `$` is text; math can still start at a later one.
    expect(backInlines('$a $b$.')).toEqual([
      { type: 'text', value: '$a ' },
      { type: 'inlineMath', value: 'b' },
      { type: 'text', value: '.' },
    ]);
    // Double dollars follow remark-math as it is.
    expect(backInlines('$$ a $$')).toEqual([{ type: 'inlineMath', value: 'a' }]);
  });

  it('should keep an escaped dollar as a dollar', () => {
    expect(backInlines('Pay \\$5, then $x$.')).toEqual([
      { type: 'text', value: 'Pay $5, then ' },
      { type: 'inlineMath', value: 'x' },
      { type: 'text', value: '.' },
    ]);
  });

  it('should read math right next to a cloze blank', () => {
    const cloze = items(
      // Concatenated so that no literal holds `${`, which reads like a forgotten template.
      '### Mass-energy {type=cloze}\n\n$E=mc^2$' + '{{c1::joules}} and {{c2::c}}$^2$\n',
    )[0]!;
    if (cloze.type !== 'cloze') throw new Error(`expected a cloze, got ${cloze.type}`);
    const [paragraph] = cloze.text.children;
    expect(paragraph).toEqual({
      type: 'paragraph',
      children: [
        { type: 'inlineMath', value: 'E=mc^2' },
        { type: 'cloze', number: 1, answer: 'joules', hint: null },
        { type: 'text', value: ' and ' },
        { type: 'cloze', number: 2, answer: 'c', hint: null },
        { type: 'inlineMath', value: '^2' },
      ],
    });
  });

  it('should read math in the title, the stem, options, feedback and every part', () => {
    const choice = items(`### Which is $F = ma$?

Take $m = 2$.

- [x] $F = 2a$
  > Right: $m = 2$.
- [ ] $F = a/2$

#### Hint

Use $F = ma$.

#### Solution

1. **Substitute.** $F = 2a$.

#### Common mistakes

- Dividing: $a/2$.

#### Explanation

$$
F = m a
$$
`)[0]!;
    if (choice.type !== 'choice') throw new Error(`expected a choice, got ${choice.type}`);
    // The title's plain text keeps the TeX.
    expect(choice.title).toBe('Which is F = ma?');
    expect(choice.id).toBe('demo-which-is-f-ma');
    expect(itemTexts(choice).flatMap(mathOf)).toEqual([
      ['inlineMath', 'F = ma'],
      ['inlineMath', 'm = 2'],
      ['inlineMath', 'F = 2a'],
      ['inlineMath', 'm = 2'],
      ['inlineMath', 'F = a/2'],
      ['inlineMath', 'F = ma'],
      ['inlineMath', 'F = 2a'],
      ['inlineMath', 'a/2'],
      ['math', 'F = m a'],
    ]);
    expect(choice.options.map((option) => option.text.markdown)).toEqual(['$F = 2a$', '$F = a/2$']);
  });

  it('should read math on both sides of a matching pair, an arrow inside TeX being TeX', () => {
    const matching = items(
      '### Match {type=matching}\n\n- $F$ → $\\mathrm{N}$\n- $x -> y$ -> $\\ce{A -> B}$\n',
    )[0]!;
    if (matching.type !== 'matching') throw new Error(`expected matching, got ${matching.type}`);
    expect(matching.pairs.map((pair) => [mathOf(pair.left), mathOf(pair.right)])).toEqual([
      [[['inlineMath', 'F']], [['inlineMath', '\\mathrm{N}']]],
      [[['inlineMath', 'x -> y']], [['inlineMath', '\\ce{A -> B}']]],
    ]);
    expect(matching.pairs[1]!.left.markdown).toBe('$x -> y$');
  });

  it('should read math in ordering entries and in section headings', () => {
    const result = parse('### Order {type=ordering}\n\n1. $x = 1$\n2. $x^2 = 1$\n');
    expect(result.diagnostics).toEqual([]);
    const ordering = result.deck!.sections[0]!.items[0]!;
    if (ordering.type !== 'ordering') throw new Error(`expected ordering, got ${ordering.type}`);
    expect(ordering.sequence.map(toPlainText)).toEqual(['x = 1', 'x^2 = 1']);
    expect(ordering.sequence.flatMap(mathOf)).toEqual([
      ['inlineMath', 'x = 1'],
      ['inlineMath', 'x^2 = 1'],
    ]);
    const section = parseDeck('---\nid: d\ntitle: D\n---\n\n## Units of $g$\n\n### Q\n\nA\n', {
      file: 'd.md',
    }).deck!.sections[0]!;
    expect(section.title).toBe('Units of g');
  });

  it('should read math in Markdown frontmatter strings', () => {
    const result = parseDeck(
      '---\nid: d\ntitle: D\ninstructions: Take $g = 9.81$.\n---\n\n## S\n\n### Q\n\nA\n',
      { file: 'd.md' },
    );
    expect(result.diagnostics).toEqual([]);
    expect(mathOf(result.deck!.instructions!)).toEqual([['inlineMath', 'g = 9.81']]);
  });
});

describe('the dollar rule on random text', () => {
  const pieces = ['$', '$', '$$', ' ', 'a', '5', '\n', '\\', '*', '`', '\t', '\u00a0', '{', '}'];

  function* inlineMath(node: Nodes): Generator<{ start: number; end: number }> {
    const { start, end } = node.position ?? {};
    if (node.type === 'inlineMath' && start?.offset !== undefined && end?.offset !== undefined) {
      yield { start: start.offset, end: end.offset };
    }
    if ('children' in node) for (const child of node.children) yield* inlineMath(child);
  }

  it('should only ever read single-dollar math that Pandoc would', () => {
    const random = seededRandom(12);
    let singles = 0;
    for (let run = 0; run < 3000; run++) {
      let text = '';
      const length = 1 + Math.floor(random() * 24);
      for (let index = 0; index < length; index++)
        text += pieces[Math.floor(random() * pieces.length)];
      for (const { start, end } of inlineMath(markdownTree(text))) {
        const span = text.slice(start, end);
        if (span.startsWith('$$')) continue;
        singles++;
        expect(span, JSON.stringify(text)).toMatch(/^\$\S[\s\S]*\S\$$|^\$\S\$$/);
        expect(text[end] ?? '', JSON.stringify(text)).not.toMatch(/\d/);
      }
    }
    expect(singles).toBeGreaterThan(100);
  });
});

describe('math-tex-error', () => {
  it('should warn at the column inside one-line TeX where Temml stopped', () => {
    // `\frac{1}{2` stops at its end: column of `$` + 1 + 10.
    expect(texWarnings('### Card\n\nHalf: $\\frac{1}{2$ is wrong.\n')).toEqual([
      {
        line: 3,
        column: 18,
        severity: 'warning',
        ruleId: 'math-tex-error',
        message:
          "TeX error: Unexpected end of input in a macro argument, expected '}' at the end of the formula; the outputs show the TeX source instead",
      },
    ]);
    expect(texWarnings('### Card\n\nSee $a + \\foo$.\n')).toEqual([
      {
        line: 3,
        column: 10,
        severity: 'warning',
        ruleId: 'math-tex-error',
        message:
          'TeX error: Unsupported function name: \\foo; the outputs show the TeX source instead',
      },
    ]);
  });

  it('should refuse links in TeX', () => {
    expect(
      texWarnings(
        '### Card\n\n$\\href{https://example.com}{x}$ and $\\url{https://example.com}$\n',
      ).map(({ line, column, message }) => [line, column, message.split(';')[0]]),
    ).toEqual([
      [3, 2, 'TeX error: Unsupported function name: \\href'],
      [3, 38, 'TeX error: Unsupported function name: \\url'],
    ]);
  });

  it('should point into one-line display math, and at the math when the TeX spans lines', () => {
    expect(
      texWarnings('### Card\n\n$$\n  x = \\oops\n$$\n\n$$\na = {\nb\n$$\n\n- $x\n  \\nope$\n').map(
        ({ line, column }) => [line, column],
      ),
    ).toEqual([
      [4, 7],
      [7, 1],
      [12, 3],
    ]);
  });

  it('should warn once per math node, in a title and an option too, and keep the deck', () => {
    // The same TeX twice is two warnings.
    const result = parse('### Is $\\bad$ right?\n\n- [x] $\\worse$\n- [ ] no $\\bad$\n');
    expect(
      result.diagnostics.map(({ line, column, ruleId }) => [line - HEAD, column, ruleId]),
    ).toEqual([
      [1, 9, 'math-tex-error'],
      [3, 8, 'math-tex-error'],
      [4, 11, 'math-tex-error'],
    ]);
    expect(result.deck).not.toBeNull();
  });

  it('should warn at the key for TeX in a frontmatter string', () => {
    const result = parseDeck(
      '---\nid: d\ntitle: D\ninstructions: Take $\\nope$.\n---\n\n## S\n\n### Q\n\nA\n',
      { file: 'd.md' },
    );
    expect(result.diagnostics.map(({ line, ruleId }) => [line, ruleId])).toEqual([
      [4, 'math-tex-error'],
    ]);
  });

  it('should take valid TeX, chemistry included', () => {
    expect(texWarnings('### Card\n\n$\\ce{2H2 + O2 -> 2H2O}$ and $\\frac{a}{b}$\n')).toEqual([]);
  });
});
