export { jsonRenderer, renderDeckJson } from './render-json.js';
