export type { ClozeHtml } from './cloze-html.js';
export { assetDataUri } from './data-uri.js';
export { hasMath } from './has-math.js';
export type { MathStyle } from './math-html.js';
export { mathStylesheet } from './math-stylesheet.js';
export { type RichHtmlOptions, renderRichHtml, renderRichInlineHtml } from './render-rich-html.js';
export { sanitizeSchema } from './sanitize-schema.js';
export { scriptFontCss } from './script-fonts.js';
