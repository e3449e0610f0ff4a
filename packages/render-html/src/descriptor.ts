import { defineRenderer, IMAGE_MEDIA_TYPES, ITEM_TYPES, RICH_NODE_TYPES } from '@quizmark/model';
import { HtmlOptionsSchema } from './options.js';

/**
 * The `html` output: per deck a self-contained study page and the teacher's
 * copy, and `index.html` linking every output of every deck of the build.
 * Handlebars and the templates load only when a page is rendered.
 */
export const htmlDescriptor = defineRenderer({
  format: 'html',
  summary: 'self-contained handouts: <deck>.html, <deck>.answers.html, index.html',
  options: HtmlOptionsSchema,
  flags: [
    {
      name: 'view',
      option: 'view',
      kind: 'string',
      value: '<view>',
      help: 'study | answers | both (default: both: <deck>.html and <deck>.answers.html)',
    },
    {
      name: 'no-answers-link',
      option: 'answersLink',
      kind: 'negated',
      help: 'do not link the study page and index.html to the teacher’s copy (for students)',
    },
    {
      name: 'test-length',
      option: 'testLength',
      kind: 'integer',
      value: '<n>',
      help: 'how many questions the study page’s Test mode draws (default: 10)',
    },
    {
      name: 'template',
      option: 'templateDir',
      kind: 'path',
      value: '<dir>',
      help: 'your handlebars templates, overriding the defaults by name',
    },
  ],
  carries: {
    itemTypes: ITEM_TYPES,
    nodes: RICH_NODE_TYPES,
    images: Object.values(IMAGE_MEDIA_TYPES),
    // The page loads nothing from the network (its CSP forbids it): a remote image becomes a link.
    remoteImages: 'link',
    glyphs: null,
  },
  rules: {},
  collection: true,
  inputs: (options) =>
    options.templateDir ? [{ option: 'templateDir', path: options.templateDir }] : [],
  load: async () => (await import('./html-renderer.js')).htmlRenderer,
});
