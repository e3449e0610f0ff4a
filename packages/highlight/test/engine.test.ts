import { createRequire } from 'node:module';
import type { HLJSApi, LanguageFn } from 'highlight.js';
import { common, createLowlight } from 'lowlight';
import { describe, expect, it } from 'vitest';
import { COMMON_LANGUAGES, EMBEDDED_LANGUAGES, grammarsFor } from '../src/grammars.js';
import { highlightToHast, resolveLanguage } from '../src/index.js';

// lowlight (the engine before) is the reference: the trees must not change.
const lowlight = createLowlight(common);
const require = createRequire(import.meta.url);
const hljs = require('highlight.js/lib/core') as HLJSApi;
const grammar = (name: string) => require(`highlight.js/lib/languages/${name}`) as LanguageFn;

/** Every language a grammar's modes hand code to (`subLanguage`), however deep. */
function subLanguages(name: string): string[] {
  const found = new Set<string>();
  const seen = new Set<object>();
  const walk = (value: unknown) => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    const sub = (value as { subLanguage?: string | string[] }).subLanguage;
    for (const language of [sub ?? []].flat()) found.add(language);
    for (const child of Object.values(value)) walk(child);
  };
  walk(grammar(name)(hljs));
  return [...found].sort();
}

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

  it('should know which common languages each grammar embeds', () => {
    const embedded = Object.fromEntries(
      Object.keys(COMMON_LANGUAGES).flatMap((name) => {
        // A grammar handing code back to itself (XML in XML) needs nothing more.
        const common = subLanguages(name).filter(
          (language) => language in COMMON_LANGUAGES && language !== name,
        );
        return common.length > 0 ? [[name, common]] : [];
      }),
    );
    expect(EMBEDDED_LANGUAGES).toEqual(embedded);
    expect(grammarsFor('html')).toEqual(['css', 'graphql', 'javascript', 'xml']);
    expect(grammarsFor('py')).toEqual(['python']);
    expect(grammarsFor('cobol')).toEqual([]);
  });

  it('should highlight each language with its own grammars as with all of them', () => {
    const all = hljs.newInstance();
    for (const name of Object.keys(COMMON_LANGUAGES)) all.registerLanguage(name, grammar(name));
    for (const name of Object.keys(COMMON_LANGUAGES)) {
      const alone = hljs.newInstance();
      for (const needed of grammarsFor(name)) alone.registerLanguage(needed, grammar(needed));
      const options = { language: name, ignoreIllegals: true };
      expect(alone.highlight(SAMPLE, options).value, name).toBe(
        all.highlight(SAMPLE, options).value,
      );
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
