import { expect, it } from 'vitest';
import * as api from '../src/index.js';

it('should expose the public api', () => {
  expect(Object.keys(api).sort()).toEqual([
    'GIFT_RULES',
    'GiftOptionsSchema',
    'correctWeights',
    'escapeGift',
    'giftDescriptor',
    'giftFile',
    'giftHolds',
    'giftNumber',
    'giftProblems',
    'giftQuestion',
    'giftRenderer',
    'giftTags',
    'wrongWeight',
  ]);
});
