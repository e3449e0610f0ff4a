import type { Renderer } from '@quizmark/model';
import type { GiftOptions } from './descriptor.js';

/** Skeleton: the helper session building this package replaces it. */
export const giftRenderer: Renderer<GiftOptions> = {
  async render() {
    throw new Error('the gift renderer is not written yet');
  },
};
