import type { Renderer } from '@quizmark/model';
import type { MoodleOptions } from './descriptor.js';

/** Skeleton: the helper session building this package replaces it. */
export const moodleRenderer: Renderer<MoodleOptions> = {
  async render() {
    throw new Error('the moodle renderer is not written yet');
  },
};
