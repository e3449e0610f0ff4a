export { highlightToHast, highlightToLines, resolveLanguage, type Token } from './highlight.js';
export {
  CODE_BACKGROUND,
  CODE_FOREGROUND,
  SCOPE_STYLES,
  type ScopeStyle,
  styleForScope,
} from './palette.js';
