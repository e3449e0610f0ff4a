import { clozeBlanks, type Item, toPlainText } from '@quizmark/model';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../src/index.js';

const deck = (body: string) => `---\nid: demo\ntitle: Demo\n---\n\n## Quiz\n\n${body}`;

function items(body: string): Item[] {
  const result = parseDeck(deck(body), { file: 'demo.md' });
  expect(result.diagnostics).toEqual([]);
  return result.deck!.sections[0]!.items;
}

function problems(body: string) {
  return parseDeck(deck(body), { file: 'demo.md' }).diagnostics.map(
    ({ line, column, endColumn, ruleId }) => ({ line, column, endColumn, ruleId }),
  );
}

describe('question types', () => {
  it('should keep `{{…}}` as text in choices and explain prompts', () => {
    const [choice, explain] = items(`### Which prints {{ name }}?

- [x] Jinja
- [ ] Bash

### Explain {{ name }} in Jinja.

#### Concepts

- A placeholder
`);
    expect(choice!.type).toBe('choice');
    expect(explain!.type).toBe('explain');
    expect(choice!.type === 'choice' && toPlainText(choice!.stem)).toBe('Which prints {{ name }}?');
  });

  it('should number shorthand blanks after the explicit ones, in reading order, heading first', () => {
    const cloze = items(
      '### {{alpha}} and {{c1::beta}}\n\n{{gamma}}, {{c4::delta}}, {{epsilon}}\n',
    )[0]!;
    if (cloze.type !== 'cloze') throw new Error(`expected a cloze, got ${cloze.type}`);
    expect(clozeBlanks(cloze.text).map((blank) => [blank.answer, blank.number])).toEqual([
      ['alpha', 2],
      ['beta', 1],
      ['gamma', 3],
      ['delta', 4],
      ['epsilon', 5],
    ]);
    expect(cloze.title).toBe('[…] and […]');
  });

  it('should leave an option text and its Markdown alone when it has feedback', () => {
    const plain = items('### Pick\n\n- [x] **Velocity** {pin}\n- [ ] Speed\n')[0]!;
    const withFeedback = items(
      '### Pick\n\n- [x] **Velocity** {pin}\n  > Right.\n- [ ] Speed\n  > No direction.\n',
    )[0]!;
    if (plain.type !== 'choice' || withFeedback.type !== 'choice') throw new Error('not a choice');
    expect(withFeedback.options.map((option) => option.text)).toEqual(
      plain.options.map((option) => option.text),
    );
    expect(withFeedback.options[0]!.pinned).toBe(true);
    expect(withFeedback.options.map((option) => option.feedback?.markdown)).toEqual([
      'Right.',
      'No direction.',
    ]);
  });

  it('should hand `case` and `type` down from a section to its items', () => {
    const result = parseDeck(
      `---\nid: demo\ntitle: Demo\n---\n\n## Units {type=short case=sensitive}\n\n### Symbol of sodium?\n\n#### Answer\n\nNa\n\n### Symbol of potassium? {case=insensitive}\n\n#### Answer\n\nK\n`,
      { file: 'demo.md' },
    );
    expect(result.diagnostics).toEqual([]);
    expect(
      result.deck!.sections[0]!.items.map((item) => item.type === 'short' && item.caseSensitive),
    ).toEqual([true, false]);
  });

  it('should point a numeric problem at the characters that are wrong', () => {
    expect(problems('### g? {type=numeric}\n\n#### Answer\n\n9.81 ± -0.05 m/s²\n')).toEqual([
      { line: 12, column: 8, endColumn: 13, ruleId: 'numeric-negative-tolerance' },
    ]);
  });

  it('should point a malformed blank at the blank, not at the item', () => {
    expect(problems('### Units\n\nEnergy is in {{c1:joules}}.\n')).toEqual([
      { line: 10, column: 14, endColumn: 27, ruleId: 'cloze-malformed' },
    ]);
  });

  it('should refuse an invalid `case` like other attribute values', () => {
    expect(problems('### Symbol? {type=short case=upper}\n\n#### Answer\n\nNa\n')).toEqual([
      { line: 8, column: 25, endColumn: 35, ruleId: 'attribute-invalid' },
    ]);
  });
});
