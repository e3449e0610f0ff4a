export { highlightToHast, highlightToLines, resolveLanguage, type Token } from './highlight.js';
export {
  CODE_BACKGROUND,
  CODE_FOREGROUND,
  PRINT_CODE,
  type PrintStyle,
  printStyleForScope,
  SCOPE_STYLES,
  type ScopeStyle,
  styleForScope,
} from './palette.js';
