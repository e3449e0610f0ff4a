export { type MoodleOptions, MoodleOptionsSchema, moodleDescriptor } from './descriptor.js';
export { MOODLE_TYPES, questionXml } from './moodle-question.js';
export { moodleRenderer } from './moodle-renderer.js';
export { categoryPath, moodleXml } from './moodle-xml.js';
export { questionIdnumber } from './question-idnumber.js';
