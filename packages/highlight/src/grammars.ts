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

const KNOWN = new Set(
  Object.entries(COMMON_LANGUAGES).flatMap(([name, aliases]) => [name, ...aliases]),
);

/** Whether a lower-case name or alias is one of the common languages. */
export const isKnownLanguage = (name: string): boolean => KNOWN.has(name);

let engine: HLJSApi | null = null;

/**
 * highlight.js with every common grammar registered, made on first use. All
 * of them at once: grammars embed each other (HTML holds CSS and JavaScript),
 * so one alone would highlight less than it can.
 */
export function highlighter(): HLJSApi {
  if (engine) return engine;
  const require = createRequire(import.meta.url);
  const hljs = (require('highlight.js/lib/core') as HLJSApi).newInstance();
  for (const name of Object.keys(COMMON_LANGUAGES)) {
    hljs.registerLanguage(name, require(`highlight.js/lib/languages/${name}`) as LanguageFn);
  }
  engine = hljs;
  return hljs;
}
