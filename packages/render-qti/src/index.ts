export type { TestPlan } from './assessment-test.js';
export { type QtiOptions, QtiOptionsSchema, qtiDescriptor } from './descriptor.js';
export { qtiPackage, qtiPackageEntries } from './qti-package.js';
export { qtiRenderer } from './qti-renderer.js';
