import {
  type Asset,
  htmlToPlainText,
  type Inline,
  type InlineVisitor,
  visitInline,
} from '@quizmark/model';
import { type ClozeGap, clozeGap, GAP_LABEL } from './cloze-gap.js';
import { asMono, type FontName, withBold, withItalic } from './fonts.js';
import type { InlineBox } from './inline-box.js';
import { fragmentsText, htmlTag, type OpenTag, rubyBox, tagStyle } from './inline-html.js';
import { inlineImage } from './inline-image.js';
import { inlineMath } from './layout-math.js';
import { COLOR, TEXT } from './theme.js';

/** How a run of text is set. */
export interface RunStyle {
  font: FontName;
  size: number;
  color: string;
  underline: boolean;
  strike: boolean;
  /** Shading behind the run (inline code). */
  background: string | null;
  /** Target of a clickable link. */
  link: string | null;
  /** Baseline shift in points, up (superscript) or down (subscript, negative). */
  rise: number;
  /** Framed like a key on a keyboard (<kbd>). */
  boxed: boolean;
}

/** Styled text, a hard line break, a cloze gap or an inline box (set in its style, never split). */
export type Fragment =
  | { text: string; style: RunStyle }
  | { text: null }
  | { text: ''; gap: ClozeGap; style: RunStyle }
  | { text: ''; box: InlineBox; style: RunStyle };

/** How cloze blanks print: as gaps (the quiz) or filled with their answers (the key). */
export type BlankMode = 'gaps' | 'answers';

/** What inline content is set with besides its style: how blanks print, the images it shows. */
export interface InlineContext {
  blanks: BlankMode;
  assets: ReadonlyMap<string, Asset>;
}

const LINE_BREAK: Fragment = { text: null };

export function runStyle(font: FontName, size: number, color: string = COLOR.text): RunStyle {
  return {
    font,
    size,
    color,
    underline: false,
    strike: false,
    background: null,
    link: null,
    rise: 0,
    boxed: false,
  };
}

export function sameStyle(a: RunStyle, b: RunStyle): boolean {
  return (
    a.font === b.font &&
    a.size === b.size &&
    a.color === b.color &&
    a.underline === b.underline &&
    a.strike === b.strike &&
    a.background === b.background &&
    a.link === b.link &&
    a.rise === b.rise &&
    a.boxed === b.boxed
  );
}

// Only links a reader could type in are worth printing next to their text.
const PRINTABLE_URL = /^(?:https?:|mailto:)/i;

/** Where a walk puts its fragments, and the style of the node it is in. */
interface FragmentSink {
  out: Fragment[];
  style: RunStyle;
  context: InlineContext;
  /** HTML tags open here, innermost last (inline-html.ts). */
  open: OpenTag[];
}

/** Walks nodes; HTML tags they leave open are closed where they end. */
function walkInlines(nodes: readonly Inline[], sink: FragmentSink): void {
  const depth = sink.open.length;
  for (const node of nodes) visitInline(node, TO_FRAGMENTS, sink);
  if (sink.open.length > depth) closeTag(sink, depth);
}

/** Walks nested nodes in a style of their own, then restores the outer one. */
function walkStyled(nodes: readonly Inline[], sink: FragmentSink, style: RunStyle): void {
  const outer = sink.style;
  sink.style = style;
  walkInlines(nodes, sink);
  sink.style = outer;
}

function openTag(sink: FragmentSink, tag: OpenTag['tag']): void {
  sink.open.push({ tag, outer: sink.style, start: sink.out.length, reading: '' });
  sink.style = tagStyle(tag, sink.style);
}

/** Closes the tags open from `depth` on, innermost first: a ruby becomes one box. */
function closeTag(sink: FragmentSink, depth: number): void {
  while (sink.open.length > depth) {
    const open = sink.open.pop()!;
    sink.style = open.outer;
    if (open.tag === 'rt' || open.tag === 'rp') {
      const inner = sink.out.splice(open.start);
      const ruby = sink.open[sink.open.length - 1];
      // A reading inside its ruby; parentheses for browsers without ruby are not drawn.
      if (ruby?.tag === 'ruby') {
        if (open.tag === 'rt') ruby.reading += fragmentsText(inner);
      } else sink.out.push(...inner);
    } else if (open.tag === 'ruby' && open.reading) {
      const base = fragmentsText(sink.out.splice(open.start));
      sink.out.push({ text: '', box: rubyBox(base, open.reading, open.outer), style: open.outer });
    }
  }
}

/** Closes the innermost open `tag` and what is open inside it; nothing when it is not open. */
function closeNamed(sink: FragmentSink, tag: OpenTag['tag']): void {
  for (let index = sink.open.length - 1; index >= 0; index--)
    if (sink.open[index]!.tag === tag) {
      closeTag(sink, index);
      return;
    }
}

const TO_FRAGMENTS: InlineVisitor<void, FragmentSink> = {
  text: (node, sink) => {
    sink.out.push({ text: node.value, style: sink.style });
  },
  emphasis: (node, sink) => {
    walkStyled(node.children, sink, { ...sink.style, font: withItalic(sink.style.font) });
  },
  strong: (node, sink) => {
    walkStyled(node.children, sink, { ...sink.style, font: withBold(sink.style.font) });
  },
  delete: (node, sink) => {
    walkStyled(node.children, sink, { ...sink.style, strike: true });
  },
  inlineCode: (node, sink) => {
    const current = sink.style;
    sink.out.push({
      text: node.value,
      style: {
        ...current,
        font: asMono(current.font),
        size: current.size * TEXT.inlineCodeScale,
        background: COLOR.inlineCode,
      },
    });
  },
  inlineMath: (node, sink) => {
    sink.out.push(inlineMath(node.value, sink.style));
  },
  link: (node, sink) => {
    const current = sink.style;
    walkStyled(node.children, sink, {
      ...current,
      color: COLOR.link,
      underline: true,
      link: node.url,
    });
    const label = inlinesToText(node.children).trim();
    if (PRINTABLE_URL.test(node.url) && label !== node.url && `mailto:${label}` !== node.url)
      sink.out.push({
        text: ` <${node.url.replace(/^mailto:/i, '')}>`,
        style: { ...current, color: COLOR.muted },
      });
  },
  image: (node, sink) => {
    // Images on their own line are laid out as blocks; one inside a sentence is set in the line.
    sink.out.push(inlineImage(node, sink.context.assets.get(node.url), sink.style));
  },
  break: (_node, sink) => {
    sink.out.push(LINE_BREAK);
  },
  html: (node, sink) => {
    const tag = htmlTag(node.value);
    if (!tag) sink.out.push({ text: htmlToPlainText(node.value), style: sink.style });
    else if (tag.tag === 'br') sink.out.push(LINE_BREAK);
    else if (tag.open) openTag(sink, tag.tag);
    else closeNamed(sink, tag.tag);
  },
  cloze: (node, sink) => {
    const current = sink.style;
    if (sink.context.blanks === 'gaps') {
      sink.out.push({ text: '', gap: clozeGap(node, current.font, current.size), style: current });
      return;
    }
    // The key fills the blank: its number small, the answer bold and underlined.
    sink.out.push(
      // A thin space sets the number apart from the answer, and never breaks from it.
      { text: `${node.number}\u2009`, style: { ...current, ...GAP_LABEL } },
      { text: node.answer, style: { ...current, font: withBold(current.font), underline: true } },
    );
  },
};

/**
 * Model inline nodes to styled fragments. Raw HTML keeps its text only (a
 * PDF cannot run it), but for the tags inline-html.ts draws. Cloze blanks print as gaps unless the key asks for answers.
 */
export function inlinesToFragments(
  nodes: readonly Inline[],
  style: RunStyle,
  context: InlineContext,
): Fragment[] {
  const sink: FragmentSink = { out: [], style, context, open: [] };
  walkInlines(nodes, sink);
  return sink.out;
}

// The text a link label shows, to compare with its URL: formatting and code
// count, images, breaks, math and raw HTML do not.
const LABEL_TEXT: InlineVisitor<string> = {
  text: (node) => node.value,
  inlineCode: (node) => node.value,
  emphasis: (node) => inlinesToText(node.children),
  strong: (node) => inlinesToText(node.children),
  delete: (node) => inlinesToText(node.children),
  link: (node) => inlinesToText(node.children),
  image: () => '',
  break: () => '',
  html: () => '',
  inlineMath: () => '',
  // A blank's answer is never part of a label a quiz prints.
  cloze: () => '',
};

function inlinesToText(nodes: readonly Inline[]): string {
  let text = '';
  for (const node of nodes) text += visitInline(node, LABEL_TEXT, undefined);
  return text;
}
