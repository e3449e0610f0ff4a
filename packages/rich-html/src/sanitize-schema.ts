import { defaultSchema, type Schema } from 'hast-util-sanitize';

/**
 * GitHub's sanitisation rules (what a code host shows for the same Markdown),
 * tightened: `style`, `template`, `noscript` and friends are dropped with
 * their content instead of leaving their text behind, and images may only
 * be relative paths or https URLs.
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  strip: [
    'script',
    'style',
    'template',
    'noscript',
    'textarea',
    'title',
    'xmp',
    'iframe',
    'object',
    'embed',
  ],
  protocols: { ...defaultSchema.protocols, src: ['https'] },
  attributes: {
    ...defaultSchema.attributes,
    code: [['className', /^language-[\w+#.-]+$/]],
  },
};
