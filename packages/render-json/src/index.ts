export { type JsonOptions, JsonOptionsSchema, jsonDescriptor } from './descriptor.js';
export { jsonRenderer, renderDeckJson } from './render-json.js';
