import { expect, it } from 'vitest';
import * as api from '../src/index.js';

it('should expose the public api', () => {
  expect(Object.keys(api).sort()).toEqual([
    'GIFT_RULES',
    'GiftOptionsSchema',
    'escapeGift',
    'giftDescriptor',
    'giftFile',
    'giftHolds',
    'giftProblems',
    'giftQuestion',
    'giftRenderer',
    'giftTags',
  ]);
});
