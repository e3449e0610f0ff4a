export { type QtiOptions, QtiOptionsSchema, qtiDescriptor } from './descriptor.js';
export { qtiRenderer } from './qti-renderer.js';
