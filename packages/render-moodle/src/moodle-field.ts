import type { Asset, DeckInput, RichText } from '@quizmark/model';
import { type ClozeHtml, renderRichHtml, renderRichInlineHtml } from '@quizmark/rich-html';
import { cdata, escapeXml } from './xml-text.js';

// A Moodle text field (question text, an answer, a feedback, a hint) holds
// HTML and the files it shows, each a `<file>` inside the field's element:
// Moodle keeps a file area per field, so image names are unique per field.

/** One field being written: its HTML comes from one or more rich texts. */
export class MoodleField {
  private readonly names = new Map<Asset, string>();
  private readonly taken = new Set<string>();

  constructor(private readonly assets: DeckInput['assets']) {}

  /** Rich text as field HTML: sanitised, code styled inline, math in MathJax delimiters. */
  block(text: RichText, cloze?: ClozeHtml): string {
    return renderRichHtml(text, this.options(cloze));
  }

  /** Without the `<p>` of a one-paragraph text (options, list entries). */
  inline(text: RichText): string {
    return renderRichInlineHtml(text, this.options());
  }

  /** `<text>` and the `<file>` elements of the images this field's HTML shows. */
  content(html: string): string {
    const files = [...this.names].map(
      ([asset, name]) =>
        `<file name="${escapeXml(name)}" path="/" encoding="base64">${Buffer.from(asset.bytes).toString('base64')}</file>`,
    );
    return `<text>${cdata(html)}</text>${files.join('')}`;
  }

  private options(cloze?: ClozeHtml) {
    return {
      assets: this.assets,
      imageSource: (asset: Asset) => `@@PLUGINFILE@@/${encodeURIComponent(this.nameOf(asset))}`,
      codeStyle: 'inline' as const,
      math: 'mathjax' as const,
      headingOffset: 3,
      ...(cloze ? { cloze } : {}),
    };
  }

  private nameOf(asset: Asset): string {
    const known = this.names.get(asset);
    if (known) return known;
    const name = freeName(fileName(asset), this.taken);
    this.taken.add(name);
    this.names.set(asset, name);
    return name;
  }
}

/** The image's own file name, cut to what Moodle's PARAM_FILE keeps. */
function fileName(asset: Asset): string {
  const base = asset.path.split('/').pop() ?? 'image';
  const clean = base.normalize('NFC').replace(/[\u0000-\u001f\u007f/\\:*?"<>|&;#%]+/g, '-');
  return clean.replace(/^[.-]+/, '') || 'image';
}

/** `diagram.png`, then `diagram-2.png`, … for two different images of one name in a field. */
function freeName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let index = 2; ; index++) {
    const candidate = `${stem}-${index}${ext}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** A `<tag format="html">` element holding one field. */
export function fieldElement(
  tag: string,
  field: MoodleField,
  html: string,
  attributes = '',
): string {
  return `<${tag} format="html"${attributes}>${field.content(html)}</${tag}>`;
}
