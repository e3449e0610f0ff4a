import { asMono, FONT_ASCENT, FONT_DESCENT } from './fonts.js';
import type { InlineBox } from './inline-box.js';
import type { Fragment, RunStyle } from './inline-runs.js';
import { textWidth } from './text-width.js';
import { COLOR, TEXT } from './theme.js';

// The inline HTML a science or language deck writes (H<sub>2</sub>O, x<sup>2</sup>,
// <kbd>Ctrl</kbd>, <mark>, <u>, <br>, <ruby>漢字<rt>かんじ</rt></ruby>) drawn as
// a browser draws it. The parser hands each tag over as a node of its own
// around the text, so tags open and close styles on a stack; a closing tag
// also closes what was opened inside it and left open, a closing tag with
// nothing open is ignored, and whatever is still open when its container
// ends is closed there.

const SCRIPT_SCALE = 0.7;
const RUBY_SCALE = 0.5;
const MARK = '#fff3a3';

type Tag = 'sub' | 'sup' | 'kbd' | 'mark' | 'u' | 'ins' | 'ruby' | 'rt' | 'rp';
const TAGS = new Set<string>(['sub', 'sup', 'kbd', 'mark', 'u', 'ins', 'ruby', 'rt', 'rp']);

/** What one HTML node is: a tag this module draws, a line break, or anything else. */
export type HtmlTag = { open: boolean; tag: Tag } | { open: true; tag: 'br' } | null;

const TAG = /^<\s*(\/?)\s*([a-z]+)(?:\s[^<>]*)?\/?\s*>$/i;

export function htmlTag(html: string): HtmlTag {
  const match = TAG.exec(html.trim());
  if (!match) return null;
  const name = match[2]!.toLowerCase();
  if (name === 'br') return { open: true, tag: 'br' };
  if (!TAGS.has(name)) return null;
  return { open: match[1] !== '/', tag: name as Tag };
}

/** The style text inside `tag` is set in. */
export function tagStyle(tag: Tag, style: RunStyle): RunStyle {
  switch (tag) {
    case 'sub':
      return { ...style, size: style.size * SCRIPT_SCALE, rise: style.rise - 0.2 * style.size };
    case 'sup':
      return { ...style, size: style.size * SCRIPT_SCALE, rise: style.rise + 0.38 * style.size };
    case 'kbd':
      return {
        ...style,
        font: asMono(style.font),
        size: style.size * TEXT.inlineCodeScale,
        background: COLOR.inlineCode,
        boxed: true,
      };
    case 'mark':
      return { ...style, background: MARK };
    case 'u':
    case 'ins':
      return { ...style, underline: true };
    case 'ruby':
      return style;
    case 'rt':
    case 'rp':
      return { ...style, size: style.size * RUBY_SCALE };
  }
}

/** An open tag: the style to go back to, and where its content starts in the output. */
export interface OpenTag {
  tag: Tag;
  outer: RunStyle;
  start: number;
  /** The reading of a ruby, once its <rt> has closed. */
  reading: string;
}

/** The text of fragments (boxes and breaks have none). */
export function fragmentsText(fragments: readonly Fragment[]): string {
  let text = '';
  for (const fragment of fragments) if (fragment.text) text += fragment.text;
  return text;
}

/**
 * A ruby: the base text with its reading centred above it in a small size,
 * set whole in the line like a word. Copying gives the base followed by
 * its reading, as a browser's text of the element does.
 */
export function rubyBox(base: string, reading: string, style: RunStyle): InlineBox {
  const size = style.size * RUBY_SCALE;
  const baseWidth = textWidth(base, style.font, style.size);
  const readingWidth = textWidth(reading, style.font, size);
  const width = Math.max(baseWidth, readingWidth);
  const readingBaseline = FONT_ASCENT * style.size + FONT_DESCENT * size;
  return {
    width,
    ascent: readingBaseline + FONT_ASCENT * size,
    descent: FONT_DESCENT * style.size,
    draw: (x, baseline) => [
      {
        op: 'text',
        x: x + (width - baseWidth) / 2,
        y: baseline - style.rise,
        text: base,
        font: style.font,
        size: style.size,
        color: style.color,
        // Copied as HTML's text reads: the base, then its reading.
        actualText: `${base}${reading}`,
      },
      {
        op: 'text',
        x: x + (width - readingWidth) / 2,
        y: baseline - style.rise - readingBaseline,
        text: reading,
        font: style.font,
        size,
        color: style.color,
        actualText: '',
      },
    ],
  };
}
