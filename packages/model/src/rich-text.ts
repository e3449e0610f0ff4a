import { z } from 'zod';

// Rich text is a small, closed subset of mdast: enough for quiz content and
// simple enough that every renderer (HTML, Anki, PDF) can draw it natively.
// Raw author HTML is kept as `html` nodes: it is untrusted, and each renderer
// decides how to neutralise it (sanitise for HTML, strip tags for PDF).

export type Inline =
  | Text
  | Emphasis
  | Strong
  | Delete
  | InlineCode
  | Link
  | Image
  | Break
  | InlineHtml
  | InlineMath
  | ClozeBlank;

export interface Text {
  type: 'text';
  value: string;
}
export interface Emphasis {
  type: 'emphasis';
  children: Inline[];
}
export interface Strong {
  type: 'strong';
  children: Inline[];
}
export interface Delete {
  type: 'delete';
  children: Inline[];
}
export interface InlineCode {
  type: 'inlineCode';
  value: string;
}
export interface Link {
  type: 'link';
  url: string;
  title: string | null;
  children: Inline[];
}
export interface Image {
  type: 'image';
  /** The reference as the author wrote it (relative path or remote URL). */
  url: string;
  alt: string;
  title: string | null;
}
export interface Break {
  type: 'break';
}
export interface InlineHtml {
  type: 'html';
  value: string;
}
/** `$…$` (or `$$…$$` inside a line): TeX, without the dollars. */
export interface InlineMath {
  type: 'inlineMath';
  value: string;
}
/**
 * A cloze blank (`{{c1::answer::hint}}`), only in the text of a cloze item.
 * Blanks that share a number are hidden together, on one card.
 */
export interface ClozeBlank {
  type: 'cloze';
  /** 1 for `c1`; shorthand `{{answer}}` blanks are numbered by the parser. */
  number: number;
  /** The hidden text, as written (plain text). */
  answer: string;
  /** Shown in the blank instead of `[...]`; null when none was written. */
  hint: string | null;
}

export type Block =
  | Paragraph
  | Heading
  | Code
  | List
  | Blockquote
  | ThematicBreak
  | BlockHtml
  | Table
  | DisplayMath;

export interface Paragraph {
  type: 'paragraph';
  children: Inline[];
}
export interface Heading {
  type: 'heading';
  /** Depth relative to the item (1 = first level inside the item's body). */
  depth: number;
  children: Inline[];
}
export interface Code {
  type: 'code';
  /** Language from the fence info string, lower-cased; null when none was given. */
  lang: string | null;
  value: string;
}
export interface List {
  type: 'list';
  ordered: boolean;
  start: number | null;
  children: ListItem[];
}
export interface ListItem {
  type: 'listItem';
  /** GFM task state; null for a plain bullet. */
  checked: boolean | null;
  children: Block[];
}
export interface Blockquote {
  type: 'blockquote';
  children: Block[];
}
export interface ThematicBreak {
  type: 'thematicBreak';
}
export interface BlockHtml {
  type: 'html';
  value: string;
}
/** `$$` on its own lines: display math, TeX without the dollars. */
export interface DisplayMath {
  type: 'math';
  value: string;
}
export interface Table {
  type: 'table';
  align: Array<'left' | 'right' | 'center' | null>;
  /** First row is the header row. */
  children: Array<{ type: 'tableRow'; children: Array<{ type: 'tableCell'; children: Inline[] }> }>;
}

/** Every node type rich text can hold, block or inline (`html` is both). */
export type RichNodeType = Block['type'] | Inline['type'] | 'listItem' | 'tableRow' | 'tableCell';

/** Every rich-text node type, for outputs that carry them all. */
export const RICH_NODE_TYPES = [
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
  'paragraph',
  'heading',
  'code',
  'list',
  'listItem',
  'blockquote',
  'thematicBreak',
  'table',
  'math',
  'tableRow',
  'tableCell',
] as const satisfies readonly RichNodeType[];

// Fails to compile when a node type is added to the unions and not to the list.
type MissingNodeType = Exclude<RichNodeType, (typeof RICH_NODE_TYPES)[number]>;
const everyNodeTypeListed: MissingNodeType extends never ? true : never = true;
void everyNodeTypeListed;

/** Rich text: the typed tree plus the Markdown it came from. */
export interface RichText {
  markdown: string;
  children: Block[];
}

const text = z.object({ type: z.literal('text'), value: z.string() });
const inlineCode = z.object({ type: z.literal('inlineCode'), value: z.string() });
const image = z.object({
  type: z.literal('image'),
  url: z.string(),
  alt: z.string(),
  title: z.string().nullable(),
});
const lineBreak = z.object({ type: z.literal('break') });
const html = z.object({ type: z.literal('html'), value: z.string() });
const inlineMath = z.object({ type: z.literal('inlineMath'), value: z.string() });
const cloze = z.object({
  type: z.literal('cloze'),
  number: z.number().int().min(1),
  answer: z.string().min(1),
  hint: z.string().min(1).nullable(),
});

export const InlineSchema: z.ZodType<Inline> = z.lazy(() =>
  z.discriminatedUnion('type', [
    text,
    z.object({ type: z.literal('emphasis'), children: z.array(InlineSchema) }),
    z.object({ type: z.literal('strong'), children: z.array(InlineSchema) }),
    z.object({ type: z.literal('delete'), children: z.array(InlineSchema) }),
    inlineCode,
    z.object({
      type: z.literal('link'),
      url: z.string(),
      title: z.string().nullable(),
      children: z.array(InlineSchema),
    }),
    image,
    lineBreak,
    html,
    inlineMath,
    cloze,
  ]),
);

const tableCell = z.object({ type: z.literal('tableCell'), children: z.array(InlineSchema) });
const tableRow = z.object({ type: z.literal('tableRow'), children: z.array(tableCell) });

export const BlockSchema: z.ZodType<Block> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('paragraph'), children: z.array(InlineSchema) }),
    z.object({
      type: z.literal('heading'),
      depth: z.number().int().min(1).max(6),
      children: z.array(InlineSchema),
    }),
    z.object({ type: z.literal('code'), lang: z.string().nullable(), value: z.string() }),
    z.object({
      type: z.literal('list'),
      ordered: z.boolean(),
      start: z.number().int().nullable(),
      children: z.array(ListItemSchema),
    }),
    z.object({ type: z.literal('blockquote'), children: z.array(BlockSchema) }),
    z.object({ type: z.literal('thematicBreak') }),
    html,
    z.object({
      type: z.literal('table'),
      align: z.array(z.enum(['left', 'right', 'center']).nullable()),
      children: z.array(tableRow),
    }),
    z.object({ type: z.literal('math'), value: z.string() }),
  ]),
);

export const ListItemSchema: z.ZodType<ListItem> = z.lazy(() =>
  z.object({
    type: z.literal('listItem'),
    checked: z.boolean().nullable(),
    children: z.array(BlockSchema),
  }),
);

export const RichTextSchema = z
  .object({
    markdown: z.string().describe('The Markdown source of this text, as the author wrote it.'),
    children: z.array(BlockSchema),
  })
  .meta({ id: 'RichText' });
