/**
 * Colours for highlight.js scopes, shared by every renderer so code looks the
 * same in the handout, on the card and on paper. The light palette keeps a
 * contrast of at least 4.5:1 on `CODE_BACKGROUND.light` and differs in
 * lightness, not only hue, so it stays readable when printed in greyscale.
 * `print` is the style for paper by default: shades of grey told apart by
 * weight and slant as well, so a black-and-white printer loses nothing.
 */
export interface ScopeStyle {
  light: string;
  dark: string;
  italic?: boolean;
  bold?: boolean;
  print: PrintStyle;
}

/** A scope's look in greyscale print: a grey (R = G = B), bold or italic. */
export interface PrintStyle {
  color: string;
  bold?: boolean;
  italic?: boolean;
}

/** Greyscale print: text and box; every grey keeps 4.5:1 on the box. */
export const PRINT_CODE = { foreground: '#1a1a1a', background: '#f2f2f2' } as const;

export const CODE_BACKGROUND = { light: '#f4f6f8', dark: '#1e2430' } as const;
export const CODE_FOREGROUND = { light: '#1f2328', dark: '#e6edf3' } as const;

const keyword: ScopeStyle = {
  light: '#a0111f',
  dark: '#ff7b72',
  bold: true,
  print: { color: '#000000', bold: true },
};
const string: ScopeStyle = { light: '#0a3069', dark: '#a5d6ff', print: { color: '#595959' } };
const comment: ScopeStyle = {
  light: '#57606a',
  dark: '#8b949e',
  italic: true,
  print: { color: '#666666', italic: true },
};
const number: ScopeStyle = { light: '#0550ae', dark: '#79c0ff', print: { color: '#404040' } };
const title: ScopeStyle = {
  light: '#6639ba',
  dark: '#d2a8ff',
  print: { color: '#1a1a1a', bold: true },
};
const builtIn: ScopeStyle = {
  light: '#953800',
  dark: '#ffa657',
  print: { color: '#333333', italic: true },
};

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
  params: { light: '#1f2328', dark: '#e6edf3', print: { color: PRINT_CODE.foreground } },
  meta: { light: '#57606a', dark: '#8b949e', print: { color: '#666666' } },
  addition: { light: '#116329', dark: '#aff5b4', print: { color: '#000000', bold: true } },
  deletion: { light: '#82071e', dark: '#ffdcd7', print: { color: '#595959', italic: true } },
};

/** The style of a scope, also for dotted sub-scopes such as `title.function_`. */
export function styleForScope(scope: string | null): ScopeStyle | null {
  if (!scope) return null;
  return SCOPE_STYLES[scope] ?? SCOPE_STYLES[scope.split('.')[0]!] ?? null;
}

/** A scope's greyscale print style; plain text in the print foreground for unstyled scopes. */
export function printStyleForScope(scope: string | null): PrintStyle {
  return styleForScope(scope)?.print ?? { color: PRINT_CODE.foreground };
}
