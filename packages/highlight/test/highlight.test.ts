import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { highlightToHast, highlightToLines, resolveLanguage, styleForScope } from '../src/index.js';

const python = 'def deploy(model):\n    if model.accuracy > 0.8:\n        return "ok"  # deploy';

describe('@quizmark/highlight', () => {
  it('should expose the public api', () => {
    expect(Object.keys(api).sort()).toEqual([
      'CODE_BACKGROUND',
      'CODE_FOREGROUND',
      'PRINT_CODE',
      'SCOPE_STYLES',
      'highlightToHast',
      'highlightToLines',
      'printStyleForScope',
      'resolveLanguage',
      'styleForScope',
    ]);
  });

  it('should resolve languages and aliases, and refuse unknown ones', () => {
    expect(resolveLanguage('Python')).toBe('python');
    expect(resolveLanguage('py')).toBe('py');
    expect(resolveLanguage('klingon')).toBeNull();
    expect(resolveLanguage(null)).toBeNull();
  });

  it('should split highlighted code into lines of scoped tokens that keep every character', () => {
    const lines = highlightToLines(python, 'python');
    expect(lines).toHaveLength(3);
    expect(lines.map((line) => line.map((token) => token.text).join(''))).toEqual(
      python.split('\n'),
    );
    expect(lines[0]).toContainEqual({ text: 'def', scope: 'keyword' });
    expect(lines[2]).toContainEqual({ text: '"ok"', scope: 'string' });
    expect(lines[2]).toContainEqual({ text: '# deploy', scope: 'comment' });
  });

  it('should keep empty lines and leave unknown languages plain', () => {
    const lines = highlightToLines('a\n\nb', 'nope');
    expect(lines).toEqual([[{ text: 'a', scope: null }], [], [{ text: 'b', scope: null }]]);
    expect(highlightToHast('<b>', null)).toEqual({
      type: 'root',
      children: [{ type: 'text', value: '<b>' }],
    });
  });

  it('should style sub-scopes by their parent scope', () => {
    expect(styleForScope('title.function_')?.light).toBe(styleForScope('title')?.light);
    expect(styleForScope('keyword')?.bold).toBe(true);
    expect(styleForScope('unknown-scope')).toBeNull();
  });
});

describe('greyscale print styles', () => {
  const grey = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
    return r === g && g === b;
  };

  it('should give every styled scope a pure grey, and tell keywords and comments apart by weight and slant', () => {
    for (const style of Object.values(api.SCOPE_STYLES)) expect(grey(style.print.color)).toBe(true);
    expect(grey(api.PRINT_CODE.foreground) && grey(api.PRINT_CODE.background)).toBe(true);
    expect(api.printStyleForScope('keyword').bold).toBe(true);
    expect(api.printStyleForScope('comment').italic).toBe(true);
    expect(api.printStyleForScope(null).color).toBe(api.PRINT_CODE.foreground);
  });

  it('should leave the screen colours as they were', () => {
    expect(styleForScope('keyword')?.light).toBe('#a0111f');
    expect(styleForScope('string')?.light).toBe('#0a3069');
  });
});
