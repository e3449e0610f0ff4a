/**
 * Colours for highlight.js scopes, shared by every renderer so code looks the
 * same in the handout, on the card and on paper. The light palette keeps a
 * contrast of at least 4.5:1 on `CODE_BACKGROUND.light` and differs in
 * lightness, not only hue, so it stays readable when printed in greyscale.
 */
export interface ScopeStyle {
  light: string;
  dark: string;
  italic?: boolean;
  bold?: boolean;
}

export const CODE_BACKGROUND = { light: '#f4f6f8', dark: '#1e2430' } as const;
export const CODE_FOREGROUND = { light: '#1f2328', dark: '#e6edf3' } as const;

const keyword: ScopeStyle = { light: '#a0111f', dark: '#ff7b72', bold: true };
const string: ScopeStyle = { light: '#0a3069', dark: '#a5d6ff' };
const comment: ScopeStyle = { light: '#57606a', dark: '#8b949e', italic: true };
const number: ScopeStyle = { light: '#0550ae', dark: '#79c0ff' };
const title: ScopeStyle = { light: '#6639ba', dark: '#d2a8ff' };
const builtIn: ScopeStyle = { light: '#953800', dark: '#ffa657' };

export const SCOPE_STYLES: Readonly<Record<string, ScopeStyle>> = {
  keyword,
  'meta keyword': keyword,
  doctag: keyword,
  'selector-tag': keyword,
  string,
  regexp: string,
  'meta string': string,
  symbol: number,
  comment,
  quote: comment,
  number,
  literal: number,
  variable: number,
  'template-variable': number,
  attr: number,
  attribute: number,
  title,
  'title.class_': title,
  'title.function_': title,
  section: title,
  name: title,
  built_in: builtIn,
  type: builtIn,
  params: { light: '#1f2328', dark: '#e6edf3' },
  meta: { light: '#57606a', dark: '#8b949e' },
  addition: { light: '#116329', dark: '#aff5b4' },
  deletion: { light: '#82071e', dark: '#ffdcd7' },
};

/** The style of a scope, also for dotted sub-scopes such as `title.function_`. */
export function styleForScope(scope: string | null): ScopeStyle | null {
  if (!scope) return null;
  return SCOPE_STYLES[scope] ?? SCOPE_STYLES[scope.split('.')[0]!] ?? null;
}
