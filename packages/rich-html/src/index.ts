export type { ClozeHtml } from './cloze-html.js';
export { assetDataUri } from './data-uri.js';
export { type RichHtmlOptions, renderRichHtml, renderRichInlineHtml } from './render-rich-html.js';
export { sanitizeSchema } from './sanitize-schema.js';
