import { defineRenderer, IMAGE_MEDIA_TYPES, ITEM_TYPES, RICH_NODE_TYPES } from '@quizmark/model';
import { z } from 'zod';

export const MoodleOptionsSchema = z.strictObject({});

export type MoodleOptions = z.infer<typeof MoodleOptionsSchema>;

/** The `moodle` output: per deck `<name>.moodle.xml`. An LMS format: `--format lms` builds it, `all` does not. */
export const moodleDescriptor = defineRenderer({
  format: 'moodle',
  family: 'lms',
  summary: 'Moodle XML question bank: <deck>.moodle.xml',
  options: MoodleOptionsSchema,
  flags: [],
  carries: {
    itemTypes: ITEM_TYPES,
    nodes: RICH_NODE_TYPES,
    // Images travel inside the XML (base64 `<file>`), and a browser draws them all.
    images: Object.values(IMAGE_MEDIA_TYPES),
    remoteImages: 'link',
    glyphs: null,
  },
  rules: {
    'moodle-choice-grades': {
      severity: 'warning',
      description:
        'A multiple-answer choice with more than 20 correct options: Moodle only accepts grades from its own list (5% is the smallest), and the correct options of a question must add up to 100%, so the options after the 20th earn nothing when ticked.',
      example: 'a `- [x]` list of 21 correct options under one choice heading',
    },
    'moodle-choice-pinned': {
      severity: 'warning',
      description:
        'A shuffled choice with a pinned option (`{pin}`, "All of the above"): Moodle shuffles all the options of a question or none, so the options keep the order you wrote, and learners see them unshuffled.',
      example: '`- [ ] None of the above {pin}` under a choice heading',
    },
    'moodle-matching-plain-answers': {
      severity: 'warning',
      description:
        "A matching item whose right-hand side (or an extra entry) has formatting, math, code or an image: Moodle's matching answers are plain text in a drop-down, so they show only their text. Put the rich part on the left-hand side.",
      example: '`- Energy → $\\mathrm{J}$` in a matching list',
    },
    'moodle-choice-all-or-nothing': {
      severity: 'warning',
      description:
        "A multiple-answer choice marked `scoring=all`: Moodle's multiple-answer questions weight each option, so they give partial credit (each right option earns its share, each wrong one takes some back) and cannot grade all or nothing.",
      example: '### Which are primes? {scoring=all}\n\n- [x] 2\n- [x] 3\n- [ ] 4',
    },
    'moodle-cloze-points': {
      severity: 'warning',
      description:
        'A cloze worth other than one point per blank (`points=`): Moodle marks an embedded-answers question out of its blanks, one mark each, so it is worth as many marks as it has blanks there.',
      example: '### The {{mitochondria}} is the powerhouse of the {{cell}}. {points=5}',
    },
    'moodle-description-image': {
      severity: 'warning',
      description:
        "A local image in the deck description or a section description: Moodle XML gives a category description no files, so the category shows the image's alt text instead.",
      example: '`![diagram](images/diagram.png)` in the text before the first section',
    },
  },
  check: async (input) => (await import('./moodle-problems.js')).moodleProblems(input),
  collection: false,
  load: async () => (await import('./moodle-renderer.js')).moodleRenderer,
});
