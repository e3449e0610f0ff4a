import type { Renderer } from '@quizmark/model';
import type { QtiOptions } from './descriptor.js';

/** Skeleton: the helper session building this package replaces it. */
export const qtiRenderer: Renderer<QtiOptions> = {
  async render() {
    throw new Error('the qti renderer is not written yet');
  },
};
