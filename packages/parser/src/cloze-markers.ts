import type { ClozeBlank } from '@quizmark/model';
import type { Node, Nodes, PhrasingContent, RootContent, Text } from 'mdast';
import type { InlineMath, Math as MathBlock } from 'mdast-util-math';
import type { Place } from './line-index.js';
import type { ParseContext } from './parse-context.js';

/** A cloze blank in the Markdown tree, holding the model's `cloze` node it becomes. */
export interface ClozeMarker extends Node {
  type: 'cloze';
  /** Numbered 0 until the whole item is read, when shorthand blanks get their numbers. */
  blank: ClozeBlank;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    cloze: ClozeMarker;
  }
  interface RootContentMap {
    cloze: ClozeMarker;
  }
}

/** `{{…}}` holding no other `{{`, or an opening `{{` that never closes. */
const MARKER = /\{\{((?:(?!\{\{)[\s\S])*?)\}\}|\{\{/g;
/** What makes an item a cloze without `type=cloze`: a closed marker, or an explicit one cut by formatting. */
const MARKER_SIGN = /\{\{[\s\S]*?\}\}|\{\{c\d/;
const EXPLICIT = /^c(\d+)::([\s\S]*)$/;
const ONE_COLON = /^c\d+:(?!:)/;
const NUMBER_ONLY = /^c\d+$/;
/** An explicit blank written inside TeX (`{{…}}` alone is TeX grouping: `x^{{a}}`). */
const EXPLICIT_IN_TEX = /\{\{c\d+::[\s\S]*?\}\}/;

type MarkerRead =
  | { ok: true; number: number | null; answer: string; hint: string | null }
  | { ok: false; message: string };

const plain = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Reads the inside of one `{{…}}`: `c1::answer`, `c1::answer::hint`, `answer` or `answer::hint`. */
export function readMarker(inner: string): MarkerRead {
  const found = `\`{{${inner}}}\``;
  if (inner.trim() === '') {
    return {
      ok: false,
      message: `expected an answer inside the blank (\`{{c1::answer}}\`), found ${found}`,
    };
  }
  if (ONE_COLON.test(inner) || NUMBER_ONLY.test(inner)) {
    return {
      ok: false,
      message: `expected a blank such as \`{{c1::answer}}\` (two colons after the number), found ${found}`,
    };
  }
  const explicit = EXPLICIT.exec(inner);
  const number = explicit ? Number(explicit[1]) : null;
  if (number !== null && (number < 1 || !Number.isSafeInteger(number))) {
    return {
      ok: false,
      message: `expected blank numbers from 1 (\`{{c1::answer}}\`), found ${found}`,
    };
  }
  const [answer = '', ...rest] = (explicit ? explicit[2]! : inner).split('::');
  const hint = rest.length > 0 ? rest.join('::') : null;
  if (plain(answer) === '') {
    return {
      ok: false,
      message: `expected an answer after \`::\` (\`{{c1::answer}}\`), found ${found}`,
    };
  }
  if (hint !== null && plain(hint) === '') {
    return {
      ok: false,
      message: `expected a hint after the second \`::\` (\`{{c1::answer::hint}}\`), found ${found}: remove the empty \`::\``,
    };
  }
  return { ok: true, number, answer: plain(answer), hint: hint === null ? null : plain(hint) };
}

function isMarkerText(node: Nodes): boolean {
  if (node.type === 'text') return MARKER_SIGN.test(node.value);
  if (!('children' in node)) return false;
  const children: readonly Nodes[] = node.children;
  return children.some(isMarkerText);
}

/** True when text outside code holds a cloze marker (`{{c1::…}}` or `{{…}}`). */
export function hasClozeMarkers(nodes: readonly Nodes[]): boolean {
  return nodes.some((node) => node.type !== 'code' && isMarkerText(node));
}

/**
 * Turns the `{{…}}` markers of one cloze item into blanks. Markers are read
 * in text nodes only, so code spans and code blocks stay literal; a shorthand
 * `{{answer}}` takes, in reading order, the lowest number no explicit marker
 * uses, once the whole item is read (`numberShorthand`).
 */
export class ClozeMarkers {
  readonly #context: ParseContext;
  readonly #shorthand: ClozeBlank[] = [];
  /** Where each explicit number is first used, for the gap warning. */
  readonly #explicit = new Map<number, Place>();
  #count = 0;
  #malformed = 0;

  constructor(context: ParseContext) {
    this.#context = context;
  }

  /** How many blanks were read. */
  get count(): number {
    return this.#count;
  }

  /** How many markers could not be read (and were reported). */
  get malformed(): number {
    return this.#malformed;
  }

  #reportMalformed(message: string, place: Place | null | undefined): void {
    this.#malformed++;
    this.#context.list.report('cloze-malformed', message, place);
  }

  /** Turns the markers of the blocks' text into blanks, in place: the tree is this parse's own. */
  readBlocks(nodes: readonly RootContent[]): void {
    for (const node of nodes) this.#block(node);
  }

  #block(node: RootContent): void {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
        node.children = this.phrasing(node.children);
        break;
      case 'blockquote':
        this.readBlocks(node.children);
        break;
      case 'math':
        this.#checkMath(node);
        break;
      case 'list':
        for (const item of node.children) this.readBlocks(item.children);
        break;
      case 'table':
        for (const row of node.children)
          for (const cell of row.children) cell.children = this.phrasing(cell.children);
        break;
      default:
        break;
    }
  }

  /** Phrasing content with its markers turned into `cloze` nodes. */
  phrasing = (children: readonly PhrasingContent[]): PhrasingContent[] => {
    const out: PhrasingContent[] = [];
    children.forEach((child, index) => {
      if (child.type === 'text') out.push(...this.#text(child, children.slice(index + 1)));
      else if (child.type === 'inlineMath') {
        this.#checkMath(child);
        out.push(child);
      } else {
        if ('children' in child) child.children = this.phrasing(child.children);
        out.push(child);
      }
    });
    return out;
  };

  #text(node: Text, after: readonly PhrasingContent[]): PhrasingContent[] {
    const { value } = node;
    const out: PhrasingContent[] = [];
    let last = 0;
    for (const match of value.matchAll(MARKER)) {
      const place = this.#place(node, match.index, match[0]);
      if (match[1] === undefined) {
        this.#reportUnclosed(node, match.index, after);
        continue;
      }
      const read = readMarker(match[1]);
      if (!read.ok) {
        this.#reportMalformed(read.message, place);
        continue;
      }
      if (match.index > last) out.push({ type: 'text', value: value.slice(last, match.index) });
      const blank: ClozeBlank = {
        type: 'cloze',
        number: read.number ?? 0,
        answer: read.answer,
        hint: read.hint,
      };
      if (read.number === null) this.#shorthand.push(blank);
      else if (!this.#explicit.has(read.number)) this.#explicit.set(read.number, place);
      this.#count++;
      out.push({ type: 'cloze', blank });
      last = match.index + match[0].length;
    }
    if (last === 0) return [node];
    if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
    return out;
  }

  /** TeX is not read for blanks: one written there would be drawn, answer and all, on the card. */
  #checkMath(node: InlineMath | MathBlock): void {
    const blank = EXPLICIT_IN_TEX.exec(node.value)?.[0];
    if (!blank) return;
    this.#reportMalformed(
      `expected blanks outside math, found \`${blank.replace(/\s+/g, ' ')}\` inside TeX, where it is no blank and would show its answer: put the blank beside the math (\`$E =$ {{c1::m}}$c^2$\`)`,
      node.position,
    );
  }

  #reportUnclosed(node: Text, index: number, after: readonly PhrasingContent[]): void {
    const start = this.#offset(node, index, '{{');
    const closing = after.findIndex(
      (sibling) => sibling.type === 'text' && sibling.value.includes('}}'),
    );
    if (closing !== -1) {
      const end = after[closing]!.position?.end.offset ?? start + 2;
      this.#reportMalformed(
        'expected plain text inside a blank, found formatting (emphasis, code, a link…) inside `{{…}}`: formatting inside a blank is not supported; put it around the blank (`**{{c1::answer}}**`) or drop it',
        this.#context.lines.place(start, end),
      );
      return;
    }
    const rest = node.value.slice(index);
    const next = rest.indexOf('{{', 2);
    const text = (next === -1 ? rest : rest.slice(0, next)).split('\n')[0]!.trimEnd();
    this.#reportMalformed(
      `expected \`}}\` to close the blank \`${text}\`, found none: write \`{{c1::answer}}\``,
      this.#context.lines.place(start, start + text.length),
    );
  }

  /** Source offset of `text` found at `index` of a text node (escapes can shift it). */
  #offset(node: Text, index: number, text: string): number {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    const found = this.#context.source.indexOf(text, start + Math.min(index, end - start));
    if (found !== -1 && found + text.length <= end) return found;
    const fromStart = this.#context.source.indexOf(text, start);
    return fromStart !== -1 && fromStart + text.length <= end ? fromStart : start + index;
  }

  #place(node: Text, index: number, text: string): Place {
    const start = this.#offset(node, index, text);
    return this.#context.lines.place(start, start + text.length);
  }

  /** Numbers the shorthand blanks and warns about gaps; call once, after the item's whole text. */
  numberShorthand(): void {
    let next = 1;
    for (const blank of this.#shorthand) {
      while (this.#explicit.has(next)) next++;
      blank.number = next++;
    }
    const numbers = new Set([...this.#explicit.keys(), ...this.#shorthand.map((b) => b.number)]);
    const sorted = [...numbers].sort((a, b) => a - b);
    for (const number of sorted) {
      if (number === 1 || numbers.has(number - 1)) continue;
      this.#context.list.report(
        'cloze-number-gap',
        `expected blank numbers without gaps, found \`c${number}\` but no \`c${number - 1}\`: the blanks still work, but a missing number usually means a renumbered or lost blank`,
        this.#explicit.get(number),
      );
      break;
    }
  }
}
