import { createRequire } from 'node:module';
import type { HLJSApi } from 'highlight.js';
import { common, createLowlight } from 'lowlight';
import { describe, expect, it } from 'vitest';
import { COMMON_LANGUAGES } from '../src/grammars.js';
import { highlightToHast, resolveLanguage } from '../src/index.js';

// lowlight (the engine before) is the reference: the trees must not change.
const lowlight = createLowlight(common);
const hljs = createRequire(import.meta.url)('highlight.js/lib/core') as HLJSApi;

const SAMPLE = [
  '<!doctype html><div class="a" data-x=\'1\'>x & y <b>bold</b></div>',
  '<style>p { color: red; }</style><script>const f = (x) => x > 1 && "s";</script>',
  '# comment\n// comment\n/* block */ -- sql comment',
  'def deploy(model: Model) -> str:\n    return f"{model.name!r}"  # ok',
  'fn main() { let v: Vec<u8> = vec![1, 2]; println!("{:?}", v); }',
  "SELECT a, COUNT(*) FROM t WHERE b = 'x' GROUP BY a;",
  '$ echo "$HOME" | grep -v \'x\' && ls -la\n>>> print(1 + 2)\n3',
  'key: [1, 2.5, "three"]\n[section]\nname = "value"',
].join('\n');

describe('the highlight engine', () => {
  it('should know exactly the names and aliases the common grammars register', () => {
    const engine = hljs.newInstance();
    for (const [name, grammar] of Object.entries(common)) engine.registerLanguage(name, grammar);
    const registered = Object.fromEntries(
      engine.listLanguages().map((name) => [name, engine.getLanguage(name)?.aliases ?? []]),
    );
    expect(COMMON_LANGUAGES).toEqual(registered);
    for (const alias of ['py', 'html', 'yml', 'sh', 'ts', 'c++']) {
      expect(lowlight.registered(alias)).toBe(true);
      expect(resolveLanguage(alias)).toBe(alias);
    }
  });

  it('should give the trees lowlight gave, in every common language', () => {
    for (const name of lowlight.listLanguages()) {
      const { data: _data, ...expected } = lowlight.highlight(name, SAMPLE);
      expect(highlightToHast(SAMPLE, name), name).toEqual(expected);
    }
  });

  it('should keep every character of the code, entities included', () => {
    const text = (node: { type: string; value?: string; children?: unknown[] }): string =>
      node.type === 'text'
        ? node.value!
        : (node.children as (typeof node)[]).map((child) => text(child)).join('');
    for (const name of ['xml', 'javascript', 'bash', 'python']) {
      expect(text(highlightToHast(SAMPLE, name))).toBe(SAMPLE);
    }
  });
});
