import {
  type Block,
  type BlockVisitor,
  htmlToPlainText,
  type Image,
  type Inline,
  type InlineVisitor,
  inlinesToPlainText,
  type List,
  type Table,
  visitBlock,
  visitInline,
} from '@quizmark/model';
import { withBold } from './fonts.js';
import {
  type Fragment,
  type InlineContext,
  inlinesToFragments,
  type RunStyle,
} from './inline-runs.js';
import { type CodeStyle, layoutCode } from './layout-code.js';
import { layoutImages } from './layout-image.js';
import { layoutDisplayMath, texSource } from './layout-math.js';
import type { DrawOp, LayoutRow } from './layout-model.js';
import { breakLines } from './line-break.js';
import {
  asLabel,
  listItem,
  type StructType,
  structNode,
  tagged,
  taggedOps,
} from './struct-tags.js';
import { baselineFor, type Frame, lineOps, textRows } from './text-rows.js';
import { textWidth } from './text-width.js';
import { COLOR, SPACE } from './theme.js';

/** What laying out rich text needs besides the text: the images, how cloze blanks print (the quiz's gaps, the key's answers). */
export interface RichContext extends InlineContext {
  /** Tallest an image may be drawn, so it always fits on a page with room to spare. */
  maxImageHeight: number;
  /** How code prints: shades of grey with bold and italic (the default), or the shared colours. */
  codeStyle?: CodeStyle;
}

/** Base style of a piece of rich text and its line height. */
export interface TextStyle {
  run: RunStyle;
  lineHeight: number;
}

/** Where a block is laid out: its column, base style and the rich-text context. */
interface BlockPlace {
  frame: Frame;
  style: TextStyle;
  context: RichContext;
}

/** Rows of a list of blocks; blocks after the first get the block spacing above them. */
export function layoutBlocks(
  blocks: readonly Block[],
  frame: Frame,
  style: TextStyle,
  context: RichContext,
): LayoutRow[] {
  const place: BlockPlace = { frame, style, context };
  const rows: LayoutRow[] = [];
  for (const block of blocks) {
    const blockRows = visitBlock(block, BLOCK_ROWS, place);
    if (blockRows.length === 0) continue;
    if (rows.length > 0) blockRows[0] = { ...blockRows[0]!, spaceBefore: SPACE.block };
    rows.push(...blockRows);
  }
  return rows;
}

/** Rows of inline content wrapped in `frame`: one element, a paragraph unless `type` says otherwise. */
export function layoutInlines(
  fragments: readonly Fragment[],
  frame: Frame,
  style: TextStyle,
  type: StructType = 'P',
): LayoutRow[] {
  return tagged(textRows(fragments, frame, style.lineHeight, style.run.size), structNode(type));
}

const BLOCK_ROWS: BlockVisitor<LayoutRow[], BlockPlace> = {
  paragraph: (block, { frame, style, context }) => {
    const images = onlyImages(block.children);
    if (images) return layoutImages(images, context.assets, frame, style, context.maxImageHeight);
    return layoutInlines(inlinesToFragments(block.children, style.run, context), frame, style);
  },
  heading: (block, { frame, style, context }) => {
    const run = { ...style.run, font: withBold(style.run.font) };
    // A heading never ends a page: it stays with what follows. It is tagged
    // as a paragraph: H1 and H2 are the deck's and its sections' titles.
    return tagged(
      textRows(
        inlinesToFragments(block.children, run, context),
        frame,
        style.lineHeight,
        run.size,
        'never',
      ),
      structNode('P'),
    );
  },
  code: (block, { frame, context }) =>
    tagged(
      layoutCode(block.value, block.lang, frame, context.codeStyle ?? 'greyscale'),
      structNode('Code'),
    ),
  math: (block, { frame, style, context }) => {
    const row = layoutDisplayMath(block.value, frame, style, context.maxImageHeight);
    return row ? [row] : layoutInlines([texSource(block.value, style.run)], frame, style);
  },
  list: (block, { frame, style, context }) => layoutList(block, frame, style, context),
  blockquote: (block, { frame, style, context }) => {
    const inner = { x: frame.x + 10, width: frame.width - 10 };
    const quoted = tagged(
      layoutBlocks(block.children, inner, style, context),
      structNode('BlockQuote'),
    );
    return quoted.map((row, index) => ({
      ...row,
      ops: [
        {
          op: 'rect',
          x: frame.x,
          y: 0,
          width: 2.5,
          height: row.height,
          fill: COLOR.faint,
          stroke: null,
          bleed: index > 0,
        },
        ...row.ops,
      ],
    }));
  },
  thematicBreak: (_block, { frame }) => [
    {
      spaceBefore: 0,
      height: 10,
      baseline: 5,
      ops: [
        {
          op: 'line',
          x1: frame.x,
          y1: 5,
          x2: frame.x + frame.width,
          y2: 5,
          color: COLOR.faint,
          width: 0.75,
        },
      ],
      breakAfter: 'block',
    },
  ],
  html: (block, { frame, style }) => {
    const text = htmlToPlainText(block.value).trim();
    if (!text) return [];
    return layoutInlines([{ text, style: style.run }], frame, style);
  },
  table: (block, { frame, style, context }) => layoutTable(block, frame, style, context),
};

function layoutList(list: List, frame: Frame, style: TextStyle, context: RichContext): LayoutRow[] {
  const start = list.start ?? 1;
  const markers = list.children.map((item, index) =>
    item.checked !== null ? (item.checked ? '☑' : '☐') : list.ordered ? `${start + index}.` : '•',
  );
  const widest = Math.max(...markers.map((m) => textWidth(m, style.run.font, style.run.size)));
  const indent = Math.max(SPACE.listIndent, widest + 5);
  const inner = { x: frame.x + indent, width: frame.width - indent };
  const rows: LayoutRow[] = [];
  const node = structNode('L');
  list.children.forEach((item, index) => {
    let itemRows = layoutBlocks(item.children, inner, style, context);
    if (itemRows.length === 0) itemRows = layoutInlines([], inner, style);
    const first = itemRows[0]!;
    itemRows[0] = {
      ...first,
      spaceBefore: index === 0 ? 0 : 2,
      ops: [
        asLabel({
          op: 'text',
          x: frame.x,
          y: first.baseline,
          text: markers[index]!,
          font: style.run.font,
          size: style.run.size,
          color: style.run.color,
        }),
        ...first.ops,
      ],
    };
    rows.push(...listItem(itemRows, node));
  });
  return rows;
}

// What a node is in a paragraph drawn as images: the image itself, space
// between images, or null for anything else (the paragraph is then text).
const IMAGE_OR_SPACE: InlineVisitor<Image | 'space' | null> = {
  image: (node) => node,
  break: () => 'space',
  text: (node) => (node.value.trim() === '' ? 'space' : null),
  emphasis: () => null,
  strong: () => null,
  delete: () => null,
  inlineCode: () => null,
  link: () => null,
  html: () => null,
  inlineMath: () => null,
  cloze: () => null,
};

function onlyImages(nodes: readonly Inline[]): Image[] | null {
  const images: Image[] = [];
  for (const node of nodes) {
    const found = visitInline(node, IMAGE_OR_SPACE, undefined);
    if (found === null) return null;
    if (found !== 'space') images.push(found);
  }
  return images.length > 0 ? images : null;
}

/** A table as one row per table row; columns share the width by content, header row bold and shaded. */
function layoutTable(
  table: Table,
  frame: Frame,
  style: TextStyle,
  context: InlineContext,
): LayoutRow[] {
  const pad = 4;
  const columns = Math.max(...table.children.map((row) => row.children.length), 1);
  const natural = Array.from({ length: columns }, (_, column) =>
    Math.max(
      ...table.children.map((row) => {
        const cell = row.children[column];
        if (!cell) return 0;
        const text = inlinesToPlainText(cell.children);
        return textWidth(text, withBold(style.run.font), style.run.size) + 2 * pad + 1;
      }),
    ),
  );
  const total = natural.reduce((sum, width) => sum + width, 0);
  const node = structNode('Table');
  const widths =
    total <= frame.width
      ? natural
      : natural.map((width) => {
          // Share the column by content, but never squeeze a column below an even share's half.
          const floor = frame.width / columns / 2;
          return floor + ((frame.width - floor * columns) * width) / total;
        });
  return table.children.map((row, rowIndex): LayoutRow => {
    const header = rowIndex === 0;
    const run = header ? { ...style.run, font: withBold(style.run.font) } : style.run;
    const cells = widths.map((width, column) => {
      const cell = row.children[column];
      return breakLines(
        cell ? inlinesToFragments(cell.children, run, context) : [],
        width - 2 * pad,
      );
    });
    const lineCount = Math.max(1, ...cells.map((lines) => lines.length));
    const height = lineCount * style.lineHeight + 2 * pad;
    const ops: DrawOp[] = [];
    const tableRow = structNode('TR', node);
    let x = frame.x;
    cells.forEach((lines, column) => {
      const width = widths[column]!;
      const cell = structNode(header ? 'TH' : 'TD', tableRow);
      ops.push({
        op: 'rect',
        x,
        y: 0,
        width,
        height,
        fill: header ? COLOR.inlineCode : null,
        stroke: COLOR.rule,
      });
      const align = table.align[column] ?? 'left';
      lines.forEach((line, index) => {
        const free = width - 2 * pad - line.width;
        const shift = align === 'right' ? free : align === 'center' ? free / 2 : 0;
        ops.push(
          ...taggedOps(
            lineOps(
              line,
              x + pad + shift,
              pad + index * style.lineHeight + baselineFor(style.lineHeight, run.size),
            ),
            cell,
          ),
        );
      });
      x += width;
    });
    return {
      spaceBefore: 0,
      height,
      baseline: pad + baselineFor(style.lineHeight, run.size),
      ops,
      breakAfter: rowIndex === 0 ? 'never' : 'block',
      tag: tableRow,
    };
  });
}
