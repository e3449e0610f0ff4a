export { type GiftOptions, GiftOptionsSchema, giftDescriptor } from './descriptor.js';
export { giftRenderer } from './gift-renderer.js';
