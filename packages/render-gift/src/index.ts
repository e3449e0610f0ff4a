export { type GiftOptions, GiftOptionsSchema, giftDescriptor } from './descriptor.js';
export { giftHolds, giftProblems } from './gift-check.js';
export { escapeGift } from './gift-escape.js';
export { giftFile } from './gift-file.js';
export { giftQuestion, giftTags } from './gift-question.js';
export { giftRenderer } from './gift-renderer.js';
export { GIFT_RULES } from './gift-rules.js';
