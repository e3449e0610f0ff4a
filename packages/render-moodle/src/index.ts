export { type MoodleOptions, MoodleOptionsSchema, moodleDescriptor } from './descriptor.js';
export { moodleRenderer } from './moodle-renderer.js';
