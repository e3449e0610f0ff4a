import { htmlToPlainText, type Inline } from '@quizmark/model';
import { asMono, type FontName, withBold, withItalic } from './fonts.js';
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
}

/** Styled text, or a hard line break. */
export type Fragment = { text: string; style: RunStyle } | { text: null };

const LINE_BREAK: Fragment = { text: null };

export function runStyle(font: FontName, size: number, color: string = COLOR.text): RunStyle {
  return { font, size, color, underline: false, strike: false, background: null, link: null };
}

export function sameStyle(a: RunStyle, b: RunStyle): boolean {
  return (
    a.font === b.font &&
    a.size === b.size &&
    a.color === b.color &&
    a.underline === b.underline &&
    a.strike === b.strike &&
    a.background === b.background &&
    a.link === b.link
  );
}

// Only links a reader could type in are worth printing next to their text.
const PRINTABLE_URL = /^(?:https?:|mailto:)/i;

/** Model inline nodes to styled fragments. Raw HTML keeps its text only: a PDF cannot run it. */
export function inlinesToFragments(nodes: readonly Inline[], style: RunStyle): Fragment[] {
  const out: Fragment[] = [];
  const walk = (list: readonly Inline[], current: RunStyle) => {
    for (const node of list) {
      switch (node.type) {
        case 'text':
          out.push({ text: node.value, style: current });
          break;
        case 'emphasis':
          walk(node.children, { ...current, font: withItalic(current.font) });
          break;
        case 'strong':
          walk(node.children, { ...current, font: withBold(current.font) });
          break;
        case 'delete':
          walk(node.children, { ...current, strike: true });
          break;
        case 'inlineCode':
          out.push({
            text: node.value,
            style: {
              ...current,
              font: asMono(current.font),
              size: current.size * TEXT.inlineCodeScale,
              background: COLOR.inlineCode,
            },
          });
          break;
        case 'inlineMath':
          out.push({ text: node.value, style: { ...current, font: withItalic(current.font) } });
          break;
        case 'link': {
          walk(node.children, { ...current, color: COLOR.link, underline: true, link: node.url });
          const label = inlinesToText(node.children).trim();
          if (PRINTABLE_URL.test(node.url) && label !== node.url && `mailto:${label}` !== node.url)
            out.push({
              text: ` <${node.url.replace(/^mailto:/i, '')}>`,
              style: { ...current, color: COLOR.muted },
            });
          break;
        }
        case 'image':
          // Images on their own line are laid out as blocks; one inside a sentence keeps its alt text.
          out.push({
            text: `[image: ${node.alt || node.url}]`,
            style: { ...current, font: withItalic(current.font), color: COLOR.muted },
          });
          break;
        case 'break':
          out.push(LINE_BREAK);
          break;
        case 'html':
          out.push({ text: htmlToPlainText(node.value), style: current });
          break;
      }
    }
  };
  walk(nodes, style);
  return out;
}

function inlinesToText(nodes: readonly Inline[]): string {
  let text = '';
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'inlineCode') text += node.value;
    else if ('children' in node) text += inlinesToText(node.children);
  }
  return text;
}
