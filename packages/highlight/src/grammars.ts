import { createRequire } from 'node:module';
import type { HLJSApi, LanguageFn } from 'highlight.js';

// highlight.js's common languages, by the name each registers under, with
// their aliases. The table is here, not read from the grammars, so that
// telling whether a fence names a language costs nothing: the grammars load
// (from highlight.js's CommonJS build, one file each) only when code is
// highlighted. A test keeps the table equal to what the grammars register.
export const COMMON_LANGUAGES: Readonly<Record<string, readonly string[]>> = {
  arduino: ['ino'],
  bash: ['sh', 'zsh'],
  c: ['h'],
  cpp: ['cc', 'c++', 'h++', 'hpp', 'hh', 'hxx', 'cxx'],
  csharp: ['cs', 'c#'],
  css: [],
  diff: ['patch'],
  go: ['golang'],
  graphql: ['gql'],
  ini: ['toml'],
  java: ['jsp'],
  javascript: ['js', 'jsx', 'mjs', 'cjs'],
  json: ['jsonc', 'json5'],
  kotlin: ['kt', 'kts'],
  less: [],
  lua: ['pluto'],
  makefile: ['mk', 'mak', 'make'],
  markdown: ['md', 'mkdown', 'mkd'],
  objectivec: ['mm', 'objc', 'obj-c', 'obj-c++', 'objective-c++'],
  perl: ['pl', 'pm'],
  php: [],
  'php-template': [],
  plaintext: ['text', 'txt'],
  python: ['py', 'gyp', 'ipython'],
  'python-repl': ['pycon'],
  r: [],
  ruby: ['rb', 'gemspec', 'podspec', 'thor', 'irb'],
  rust: ['rs'],
  scss: [],
  shell: ['console', 'shellsession'],
  sql: [],
  swift: [],
  typescript: ['ts', 'tsx', 'mts', 'cts'],
  vbnet: ['vb'],
  wasm: [],
  xml: ['html', 'xhtml', 'rss', 'atom', 'xjb', 'xsd', 'xsl', 'plist', 'wsf', 'svg'],
  yaml: ['yml'],
};

// The common languages each grammar hands parts of its code to (its modes'
// `subLanguage`): HTML's <style> to CSS, a shell session's commands to Bash.
// A grammar is registered with these, and so on down, so that a language
// loaded alone highlights exactly as with every grammar registered. A test
// keeps the table equal to what the grammars name.
export const EMBEDDED_LANGUAGES: Readonly<Record<string, readonly string[]>> = {
  javascript: ['css', 'graphql', 'xml'],
  markdown: ['xml'],
  'php-template': ['php', 'xml'],
  'python-repl': ['python'],
  shell: ['bash'],
  typescript: ['css', 'graphql', 'xml'],
  xml: ['css', 'javascript'],
  yaml: ['ruby'],
};

const NAMES = new Map(
  Object.entries(COMMON_LANGUAGES).flatMap(([name, aliases]) =>
    [name, ...aliases].map((alias) => [alias, name] as const),
  ),
);

/** Whether a lower-case name or alias is one of the common languages. */
export const isKnownLanguage = (name: string): boolean => NAMES.has(name);

/** The grammars highlighting a language (a name or alias) needs: its own and those it embeds. */
export function grammarsFor(language: string): string[] {
  const first = NAMES.get(language);
  if (!first) return [];
  const needed = new Set<string>();
  const pending = [first];
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (needed.has(name)) continue;
    needed.add(name);
    pending.push(...(EMBEDDED_LANGUAGES[name] ?? []));
  }
  return [...needed].sort();
}

let engine: HLJSApi | null = null;
const require = createRequire(import.meta.url);

/**
 * highlight.js with the grammars `language` needs registered. Each grammar
 * is one CommonJS file, read when first needed: a deck with Python code
 * loads one, not all 37.
 */
export function highlighter(language: string): HLJSApi {
  engine ??= (require('highlight.js/lib/core') as HLJSApi).newInstance();
  for (const name of grammarsFor(language))
    if (!engine.getLanguage(name))
      engine.registerLanguage(name, require(`highlight.js/lib/languages/${name}`) as LanguageFn);
  return engine;
}
