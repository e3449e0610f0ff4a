import { type MathProblem, texProblem } from '@quizmark/math';
import type { Block, Inline, RichText } from '@quizmark/model';
import type { Code, Definition, Html, Nodes, PhrasingContent, RootContent } from 'mdast';
import type { InlineMath, Math as MathBlock } from 'mdast-util-math';
import type { DiagnosticList } from './diagnostic-list.js';
import { LineIndex, type Place } from './line-index.js';
import type { ImageReference } from './parse-result.js';
import { sliceSource } from './source-slice.js';

export interface RichTextBuilderOptions {
  /** The text the nodes' offsets point into. */
  source: string;
  list: DiagnosticList;
  images: ImageReference[];
  definitions: ReadonlyMap<string, Definition>;
  /** Report everything here instead of at node positions (Markdown inside a YAML string). */
  fixedPlace?: Place;
}

/** An HTML block that only holds comments: author notes, dropped everywhere. */
export function isHtmlComment(node: Nodes): boolean {
  return node.type === 'html' && /^\s*(?:<!--[\s\S]*?-->\s*)+$/.test(node.value);
}

/** Converts mdast to the model's rich text, keeping the author's Markdown beside it. */
export class RichTextBuilder {
  readonly #options: RichTextBuilderOptions;
  /** Definitions used while converting, per open `withDefinitions` call. */
  readonly #used: Array<Set<Definition>> = [];
  /** Built on the first TeX problem: only a problem needs a column inside the TeX. */
  #lines: LineIndex | null = null;
  /** Temml's verdict per TeX (display first): decks repeat `$m$` and `$F$`, each check costs ~0.1 ms. */
  readonly #texProblems = new Map<string, MathProblem | null>();

  constructor(options: RichTextBuilderOptions) {
    this.#options = options;
  }

  get source(): string {
    return this.#options.source;
  }

  place(node: Nodes): Place | null {
    return this.#options.fixedPlace ?? node.position ?? null;
  }

  /**
   * Rich text of consecutive blocks. `depthBase` is the heading depth of the
   * container (3 inside an item, 4 inside a part), so headings come out
   * relative to it.
   */
  richText(nodes: readonly RootContent[], depthBase: number): RichText {
    const kept = nodes.filter((node) => {
      if (node.type === 'footnoteDefinition') this.unexpected(node);
      return (
        node.type !== 'definition' && node.type !== 'footnoteDefinition' && !isHtmlComment(node)
      );
    });
    const [children, markdown] = this.withDefinitions(this.markdown(kept), () =>
      this.blocks(kept, depthBase),
    );
    return { markdown, children };
  }

  /**
   * Runs a conversion and returns its result with `markdown` completed by
   * the link definitions it used, so the Markdown of a rich text resolves
   * `[text][label]` on its own.
   */
  withDefinitions<T>(markdown: string, convert: () => T): [T, string] {
    const used = new Set<Definition>();
    this.#used.push(used);
    try {
      const result = convert();
      const lines = [...used].flatMap((definition) => {
        const { start, end } = definition.position ?? {};
        if (start?.offset === undefined || end?.offset === undefined) return [];
        return [this.source.slice(start.offset, end.offset).trim()];
      });
      return [result, lines.length === 0 ? markdown : `${markdown}\n\n${lines.join('\n')}`];
    } finally {
      this.#used.pop();
    }
  }

  #definition(identifier: string): Definition | undefined {
    const definition = this.#options.definitions.get(identifier);
    if (definition) for (const used of this.#used) used.add(definition);
    return definition;
  }

  /** The exact source of the blocks, from the first one's start to the last one's end. */
  markdown(nodes: readonly RootContent[]): string {
    const first = nodes[0]?.position;
    const last = nodes[nodes.length - 1]?.position;
    if (!first || !last || first.start.offset === undefined || last.end.offset === undefined) {
      return '';
    }
    return sliceSource(this.source, first.start.offset, last.end.offset, first.start.column);
  }

  blocks(nodes: readonly RootContent[], depthBase: number): Block[] {
    const blocks: Block[] = [];
    for (const node of nodes) {
      const block = this.block(node, depthBase);
      if (block) blocks.push(block);
    }
    return blocks;
  }

  block(node: RootContent, depthBase: number): Block | null {
    switch (node.type) {
      case 'paragraph': {
        const children = this.inlines(node.children);
        return children.length === 0 ? null : { type: 'paragraph', children };
      }
      case 'heading':
        return {
          type: 'heading',
          depth: Math.min(6, Math.max(1, node.depth - depthBase)),
          children: this.inlines(node.children),
        };
      case 'code':
        this.checkFence(node);
        return {
          type: 'code',
          lang: node.lang ? node.lang.toLowerCase() : null,
          value: node.value,
        };
      case 'list':
        return {
          type: 'list',
          ordered: node.ordered === true,
          start: node.ordered ? (node.start ?? 1) : null,
          children: node.children.map((item) => ({
            type: 'listItem',
            checked: item.checked ?? null,
            children: this.blocks(item.children, depthBase),
          })),
        };
      case 'blockquote':
        return { type: 'blockquote', children: this.blocks(node.children, depthBase) };
      case 'thematicBreak':
        return { type: 'thematicBreak' };
      case 'html':
        this.checkHtmlEnd(node);
        return isHtmlComment(node) ? null : { type: 'html', value: node.value };
      case 'table':
        return {
          type: 'table',
          align: (node.align ?? []).map((align) => align ?? null),
          children: node.children.map((row) => ({
            type: 'tableRow',
            children: row.children.map((cell) => ({
              type: 'tableCell',
              children: this.inlines(cell.children),
            })),
          })),
        };
      case 'math':
        this.checkTex(node, true);
        return { type: 'math', value: node.value };
      case 'definition':
        return null;
      default:
        this.unexpected(node);
        return null;
    }
  }

  inlines(nodes: readonly PhrasingContent[]): Inline[] {
    const inlines: Inline[] = [];
    for (const node of nodes) {
      const inline = this.inline(node);
      if (inline) inlines.push(inline);
    }
    return inlines;
  }

  inline(node: PhrasingContent): Inline | null {
    switch (node.type) {
      case 'text':
        return { type: 'text', value: node.value };
      case 'emphasis':
      case 'strong':
      case 'delete':
        return { type: node.type, children: this.inlines(node.children) };
      case 'inlineCode':
        return { type: 'inlineCode', value: node.value };
      case 'inlineMath':
        this.checkTex(node, false);
        return { type: 'inlineMath', value: node.value };
      case 'break':
        return { type: 'break' };
      case 'html':
        return { type: 'html', value: node.value };
      case 'link':
        return {
          type: 'link',
          url: node.url,
          title: node.title ?? null,
          children: this.inlines(node.children),
        };
      case 'linkReference': {
        const definition = this.#definition(node.identifier);
        const children = this.inlines(node.children);
        if (!definition) return { type: 'emphasis', children };
        return { type: 'link', url: definition.url, title: definition.title ?? null, children };
      }
      case 'image':
        return this.image(node, node.url, node.alt ?? '', node.title ?? null);
      case 'cloze':
        // The very node: shorthand blanks are numbered once their whole item is read.
        return node.blank;
      case 'imageReference': {
        const definition = this.#definition(node.identifier);
        if (!definition) return { type: 'text', value: node.alt ?? '' };
        return this.image(node, definition.url, node.alt ?? '', definition.title ?? null);
      }
      default:
        this.unexpected(node);
        return null;
    }
  }

  image(node: Nodes, url: string, alt: string, title: string | null): Inline {
    const start = this.place(node)?.start ?? { line: 1, column: 1 };
    this.#options.images.push({ url, line: start.line, column: start.column });
    return { type: 'image', url, alt, title };
  }

  /**
   * A fenced code block without its closing fence runs to the end of the
   * file (or of its quote or list item), swallowing the questions after it.
   */
  checkFence(node: Code): void {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const lines = this.source.slice(start, end).split('\n');
    const open = /^(`{3,}|~{3,})/.exec(lines[0]!)?.[1];
    if (!open) return;
    const last = lines.length > 1 ? lines[lines.length - 1]!.replace(/^[ \t>]*/, '').trim() : '';
    const closed = last.length >= open.length && last[0] === open[0] && /^(`+|~+)$/.test(last);
    if (closed) return;
    this.#options.list.report(
      'block-unclosed',
      `expected a line with ${open} to close this code block, found none: everything after it, to the end of the file (or of its quote or list item), is code`,
      this.place(node),
    );
  }

  /**
   * An HTML comment, `<pre>`, `<script>`, `<style>` or `<textarea>` block
   * without its end likewise runs to the end of the file: Markdown looks
   * for the end before anything else.
   */
  checkHtmlEnd(node: Html): void {
    const value = node.value.trimStart();
    const end = value.startsWith('<!--')
      ? '-->'
      : value.startsWith('<![CDATA[')
        ? ']]>'
        : /^<(pre|script|style|textarea)(?=[\s>]|$)/i.exec(value)?.[1];
    if (!end) return;
    const closing = end.startsWith('-') || end.startsWith(']') ? end : `</${end.toLowerCase()}>`;
    if (value.toLowerCase().includes(closing)) return;
    this.#options.list.report(
      'block-unclosed',
      `expected ${closing} to end the HTML that starts here, found none: everything after it, to the end of the file (or of its quote or list item), is left out as HTML`,
      this.place(node),
    );
  }

  /**
   * TeX that Temml refuses is drawn as its source by every output. The
   * warning points where Temml stopped when the TeX is one line of the
   * source; otherwise (several lines, indented in a list) at the math.
   */
  checkTex(node: InlineMath | MathBlock, display: boolean): void {
    const key = `${display ? 'display' : 'inline'}\0${node.value}`;
    let problem = this.#texProblems.get(key);
    if (problem === undefined) {
      problem = texProblem(node.value, display);
      this.#texProblems.set(key, problem);
    }
    if (!problem) return;
    this.#options.list.report(
      'math-tex-error',
      // One line, as every diagnostic: Temml quotes TeX that may span lines.
      `TeX error: ${problem.message.replace(/\s+/g, ' ')}; the outputs show the TeX source instead`,
      this.#texPlace(node, problem.offset),
    );
  }

  #texPlace(node: InlineMath | MathBlock, offset: number | null): Place | null {
    const place = this.place(node);
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (this.#options.fixedPlace || offset === null || node.value.includes('\n')) return place;
    if (start === undefined || end === undefined) return place;
    const at = this.source.indexOf(node.value, start);
    if (at === -1 || at + node.value.length > end) return place;
    this.#lines ??= new LineIndex(this.source);
    return { start: this.#lines.point(at + Math.min(offset, node.value.length)) };
  }

  unexpected(node: Nodes): void {
    const what =
      node.type === 'footnoteReference' || node.type === 'footnoteDefinition'
        ? 'a footnote'
        : `\`${node.type}\` content`;
    this.#options.list.report(
      'unexpected-content',
      `expected paragraphs, lists, code, quotes, tables or images, found ${what}: it is left out (write notes in the text or an \`#### Explanation\` part)`,
      this.place(node),
    );
  }
}
