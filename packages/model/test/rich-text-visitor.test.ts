import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  assertNever,
  type Block,
  type BlockVisitor,
  type Inline,
  type InlineVisitor,
  type RichText,
  toPlainText,
  visitBlock,
  visitInline,
} from '../src/index.js';

const INLINE_TYPES = [
  'text',
  'emphasis',
  'strong',
  'delete',
  'inlineCode',
  'link',
  'image',
  'break',
  'html',
  'inlineMath',
  'cloze',
] as const;
const BLOCK_TYPES = [
  'paragraph',
  'heading',
  'code',
  'list',
  'blockquote',
  'thematicBreak',
  'html',
  'table',
  'math',
] as const;

const empty = () => '';
const BLOCK_TEXT_STUB: BlockVisitor<string> = {
  paragraph: empty,
  heading: empty,
  code: empty,
  list: empty,
  blockquote: empty,
  thematicBreak: empty,
  html: empty,
  table: empty,
  math: empty,
};

/** Rich text holding every inline and block node type at least once. */
const EVERY_NODE: RichText = {
  markdown: '(not used)',
  children: [
    { type: 'heading', depth: 1, children: [{ type: 'text', value: 'Title' }] },
    {
      type: 'paragraph',
      children: [
        { type: 'emphasis', children: [{ type: 'text', value: 'em' }] },
        { type: 'strong', children: [{ type: 'text', value: 'strong' }] },
        { type: 'delete', children: [{ type: 'text', value: 'del' }] },
        { type: 'inlineCode', value: 'code()' },
        { type: 'link', url: 'https://example.org', title: null, children: [] },
        { type: 'image', url: 'a.png', alt: 'alt', title: null },
        { type: 'break' },
        { type: 'html', value: '<kbd>K</kbd>' },
        { type: 'inlineMath', value: 'x^2' },
        { type: 'cloze', number: 1, answer: 'joules', hint: null },
      ],
    },
    { type: 'code', lang: null, value: 'block code' },
    { type: 'math', value: '\\int_0^1 x\\,dx' },
    {
      type: 'list',
      ordered: false,
      start: null,
      children: [
        {
          type: 'listItem',
          checked: true,
          children: [
            { type: 'paragraph', children: [{ type: 'text', value: 'item' }] },
            { type: 'blockquote', children: [{ type: 'thematicBreak' }] },
          ],
        },
      ],
    },
    { type: 'html', value: '<div>block &amp; html</div>' },
    {
      type: 'table',
      align: [null, 'right'],
      children: [
        {
          type: 'tableRow',
          children: [
            { type: 'tableCell', children: [] },
            { type: 'tableCell', children: [{ type: 'text', value: 'head' }] },
          ],
        },
        {
          type: 'tableRow',
          children: [{ type: 'tableCell', children: [{ type: 'text', value: 'cell' }] }],
        },
      ],
    },
  ],
};

interface Seen {
  inline: string[];
  block: string[];
}

// A visitor built for each type from the type lists: if a list missed a
// type, the object would not satisfy the mapped visitor type.
const record =
  <N extends { type: string }>(kind: keyof Seen, walk: (node: N, seen: Seen) => void) =>
  (node: N, seen: Seen) => {
    seen[kind].push(node.type);
    walk(node, seen);
  };

const walkInlines = (nodes: readonly Inline[], seen: Seen) => {
  for (const node of nodes) visitInline(node, INLINE_RECORDER, seen);
};
const walkBlocks = (nodes: readonly Block[], seen: Seen) => {
  for (const node of nodes) visitBlock(node, BLOCK_RECORDER, seen);
};
const inlineChildren = record<Inline>('inline', (node, seen) => {
  if ('children' in node) walkInlines(node.children, seen);
});
const INLINE_RECORDER: InlineVisitor<void, Seen> = Object.fromEntries(
  INLINE_TYPES.map((type) => [type, inlineChildren]),
) as InlineVisitor<void, Seen>;

const BLOCK_RECORDER: BlockVisitor<void, Seen> = {
  paragraph: record('block', (node, seen) => walkInlines(node.children, seen)),
  heading: record('block', (node, seen) => walkInlines(node.children, seen)),
  code: record('block', () => {}),
  list: record('block', (node, seen) => {
    for (const item of node.children) walkBlocks(item.children, seen);
  }),
  blockquote: record('block', (node, seen) => walkBlocks(node.children, seen)),
  thematicBreak: record('block', () => {}),
  html: record('block', () => {}),
  math: record('block', () => {}),
  table: record('block', (node, seen) => {
    for (const row of node.children)
      for (const cell of row.children) walkInlines(cell.children, seen);
  }),
};

describe('rich-text visitor', () => {
  it('should list every node type of the model in these tests', () => {
    expectTypeOf<(typeof INLINE_TYPES)[number]>().toEqualTypeOf<Inline['type']>();
    expectTypeOf<(typeof BLOCK_TYPES)[number]>().toEqualTypeOf<Block['type']>();
  });

  it('should dispatch every node type to its own handler, with the context', () => {
    const seen: Seen = { inline: [], block: [] };
    walkBlocks(EVERY_NODE.children, seen);
    expect(new Set(seen.inline)).toEqual(new Set(INLINE_TYPES));
    expect(new Set(seen.block)).toEqual(new Set(BLOCK_TYPES));
    expect(seen.block).toEqual([
      'heading',
      'paragraph',
      'code',
      'math',
      'list',
      'paragraph',
      'blockquote',
      'thematicBreak',
      'html',
      'table',
    ]);
  });

  it('should hand each handler the node itself, narrowed to its type', () => {
    const link: Inline = { type: 'link', url: 'u', title: null, children: [] };
    const visitor: InlineVisitor<string, string> = {
      ...Object.fromEntries(INLINE_TYPES.map((type) => [type, () => type])),
      link: (node, context) => (node === link ? `${context}:${node.url}` : 'another node'),
    } as InlineVisitor<string, string>;
    expect(visitInline(link, visitor, 'ctx')).toBe('ctx:u');
    expect(visitInline({ type: 'break' }, visitor, 'ctx')).toBe('break');
  });

  it('should throw, naming the node, for a node type the model does not have', () => {
    const stray = { type: 'footnoteReference', identifier: '1' } as unknown as Inline;
    expect(() => visitInline(stray, INLINE_RECORDER, { inline: [], block: [] })).toThrow(
      'unexpected inline node: {"type":"footnoteReference","identifier":"1"}',
    );
    const block = { type: 'footnoteDefinition', identifier: '1' } as unknown as Block;
    expect(() => visitBlock(block, BLOCK_RECORDER, { inline: [], block: [] })).toThrow(
      'unexpected block node: {"type":"footnoteDefinition","identifier":"1"}',
    );
  });

  it('should flatten every node type to plain text', () => {
    expect(toPlainText(EVERY_NODE)).toBe(
      'Title\n\nemstrongdelcode()alt\nKx^2joules\n\nblock code\n\n\\int_0^1 x\\,dx\n\nitem\n\nblock & html\n\n\thead\ncell',
    );
  });

  it('should fail to compile a visitor that misses a node type', () => {
    // Checked by `tsc` (the root tsconfig includes tests): each line below
    // must be an error, or the expectation itself fails to compile.
    const { inlineMath: _math, ...withoutMath } = INLINE_RECORDER;
    // @ts-expect-error -- no handler for `inlineMath`
    const inline: InlineVisitor<void, Seen> = withoutMath;
    const { thematicBreak: _break, ...withoutBreak } = BLOCK_RECORDER;
    // @ts-expect-error -- no handler for `thematicBreak`
    const block: BlockVisitor<void, Seen> = withoutBreak;
    // @ts-expect-error -- a handler's node is narrowed: a paragraph has no `value`
    const wrong: BlockVisitor<string> = { ...BLOCK_TEXT_STUB, paragraph: (node) => node.value };
    expect([inline, block, wrong]).toHaveLength(3);
  });

  it('should make a switch without a case fail to compile, and throw if reached', () => {
    const size = (node: Block): number => {
      switch (node.type) {
        case 'paragraph':
        case 'heading':
        case 'table':
        case 'list':
        case 'blockquote':
          return node.children.length;
        case 'code':
        case 'html':
          return node.value.length;
        default:
          // @ts-expect-error -- `thematicBreak` is not handled above
          return assertNever(node, 'block node');
      }
    };
    expect(size({ type: 'code', lang: null, value: 'abc' })).toBe(3);
    expect(() => size({ type: 'thematicBreak' })).toThrow(
      'unexpected block node: {"type":"thematicBreak"}',
    );
  });
});
