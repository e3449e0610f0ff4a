export { type HtmlOptions, htmlRenderer } from './html-renderer.js';
export { type DeckHtmlOptions, renderDeckHtml } from './render-deck-html.js';
export { DEFAULT_TEMPLATE_DIR } from './templates.js';
