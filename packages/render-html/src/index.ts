export { htmlDescriptor } from './descriptor.js';
export { htmlRenderer } from './html-renderer.js';
export { type HtmlOptions, HtmlOptionsSchema } from './options.js';
export { type DeckHtmlOptions, renderDeckHtml } from './render-deck-html.js';
export {
  type StudyData,
  type StudyItem,
  type StudyKey,
  studyDataOfPage,
} from './study-data.js';
export { DEFAULT_TEMPLATE_DIR } from './templates.js';
