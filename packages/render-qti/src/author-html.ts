import { htmlToPlainText } from '@quizmark/model';
import { escapeXml } from './xml-text.js';

// Author HTML is untrusted. QTI 2.1's XHTML holds a few inline elements
// authors use for science and keyboard text (`H<sub>2</sub>O`, `<kbd>`): those
// are kept, always without attributes; a ruby reads as its base then its
// reading in brackets (QTI has no ruby); every other tag is dropped and its
// text kept, which `check` reports as `qti-html-as-text`. Markdown gives an
// inline tag as a node of its own, so one `AuthorHtml` spans a run of inline
// nodes and closes what is still open at its end: the output stays well-formed.

const KEPT = new Set([
  'sub',
  'sup',
  'kbd',
  'b',
  'i',
  'em',
  'strong',
  'code',
  'small',
  'big',
  'var',
  'samp',
  'cite',
  'q',
  'abbr',
  'dfn',
  'tt',
  'span',
]);
const VOID = new Set([
  'br',
  'wbr',
  'img',
  'hr',
  'input',
  'meta',
  'link',
  'source',
  'area',
  'col',
  'embed',
  'param',
  'track',
]);
/** Tags that only carry a reading or grouping: no text of their own to lose. */
const READING = { ruby: ['', ''], rt: ['(', ')'], rp: ['', ''], rb: ['', ''] } as const;

const TAG = /<\s*(\/?)\s*([a-zA-Z][a-zA-Z0-9-]*)[^>]*>|<!--[\s\S]*?(?:-->|$)/g;
const SCRIPT = /<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;

/** Tag names in `html` this output drops (keeping their text), in order of first use. */
export function droppedTags(html: string): string[] {
  const dropped = new Set<string>();
  for (const [, , name] of html.replace(SCRIPT, '<script>').matchAll(TAG)) {
    if (!name) continue;
    const tag = name.toLowerCase();
    if (!KEPT.has(tag) && tag !== 'br' && !(tag in READING)) dropped.add(tag);
  }
  return [...dropped];
}

/** Writes author HTML of one run of inline nodes as QTI markup. */
export class AuthorHtml {
  private readonly open: string[] = [];

  /** One piece of author HTML (a tag, or a block of markup) as QTI markup. */
  write(html: string): string {
    let out = '';
    let last = 0;
    const source = html.replace(SCRIPT, '');
    for (const match of source.matchAll(TAG)) {
      out += escapeXml(htmlToPlainText(source.slice(last, match.index)));
      last = match.index + match[0].length;
      const [, closing, name] = match;
      if (name) out += this.tag(name.toLowerCase(), closing === '/');
    }
    return out + escapeXml(htmlToPlainText(source.slice(last)));
  }

  private tag(name: string, closing: boolean): string {
    if (name === 'br') return closing ? '' : '<br/>';
    if (name in READING) return READING[name as keyof typeof READING][closing ? 1 : 0];
    if (!KEPT.has(name) || VOID.has(name)) return '';
    if (!closing) {
      this.open.push(name);
      return `<${name}>`;
    }
    const at = this.open.lastIndexOf(name);
    if (at < 0) return '';
    // Closing an outer tag closes the ones opened inside it, as browsers do.
    const closed = this.open.splice(at).reverse();
    return closed.map((tag) => `</${tag}>`).join('');
  }

  /** Closes what the author left open. */
  end(): string {
    return this.open
      .splice(0)
      .reverse()
      .map((tag) => `</${tag}>`)
      .join('');
  }
}
