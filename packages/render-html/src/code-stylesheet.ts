import {
  CODE_BACKGROUND,
  CODE_FOREGROUND,
  SCOPE_STYLES,
  type ScopeStyle,
} from '@quizmark/highlight';

// Code colours come from the shared palette, so a snippet looks the same in
// the handout, in Anki and on paper. Dark colours apply on screen only: a
// printout is always light.

/** `.hljs-*` rules for the light and dark schemes, built from `SCOPE_STYLES`. */
export function codeStylesheet(): string {
  const entries = Object.entries(SCOPE_STYLES);
  const light = entries.map(([scope, style]) => rule(scope, style, style.light));
  const dark = entries.map(([scope, style]) => rule(scope, style, style.dark));
  return [
    `pre, .hljs { background: ${CODE_BACKGROUND.light}; color: ${CODE_FOREGROUND.light}; }`,
    ...light,
    '@media screen and (prefers-color-scheme: dark) {',
    `  pre, .hljs { background: ${CODE_BACKGROUND.dark}; color: ${CODE_FOREGROUND.dark}; }`,
    ...dark.map((line) => `  ${line}`),
    '}',
    '',
  ].join('\n');
}

function rule(scope: string, style: ScopeStyle, color: string): string {
  const font = [style.bold ? 'font-weight: bold;' : '', style.italic ? 'font-style: italic;' : '']
    .filter(Boolean)
    .join(' ');
  return `${selector(scope)} { color: ${color};${font ? ` ${font}` : ''} }`;
}

/**
 * highlight.js scope to selector: `meta keyword` is nested (`.hljs-meta
 * .hljs-keyword`), `title.function_` is one element with two classes
 * (`.hljs-title.function_`).
 */
function selector(scope: string): string {
  return scope
    .split(' ')
    .map((part) => {
      const [head, ...subs] = part.split('.');
      return `.hljs-${head}${subs.map((sub) => `.${sub}`).join('')}`;
    })
    .join(' ');
}
