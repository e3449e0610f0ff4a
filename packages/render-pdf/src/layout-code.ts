import {
  highlightToLines,
  PRINT_CODE,
  printStyleForScope,
  styleForScope,
  type Token,
} from '@quizmark/highlight';
import { BoundedCache } from './bounded-cache.js';
import type { FontName } from './fonts.js';
import type { DrawOp, LayoutRow } from './layout-model.js';
import type { Frame } from './text-rows.js';
import { baselineFor } from './text-rows.js';
import { textWidth } from './text-width.js';
import { COLOR, SPACE, TEXT } from './theme.js';

const TAB = '    ';
/** Drawn in the first columns of a wrapped line, so readers see it is not a new line. */
const CONTINUATION = '↪';
const CONTINUATION_COLUMNS = 2;

interface Cell {
  text: string;
  font: FontName;
  color: string;
}

/** Code in shades of grey with bold and italic, for any printer, or in the shared colours. */
export type CodeStyle = 'greyscale' | 'colour';

/**
 * A code block as one row per printed line on a shaded box, styled by the
 * shared palette: its greyscale print styles by default, its colours on
 * request. Lines longer than the box wrap at the last column and carry on
 * after a "↪".
 */
export function layoutCode(
  code: string,
  lang: string | null,
  frame: Frame,
  style: CodeStyle = 'greyscale',
): LayoutRow[] {
  // Quizzes repeat snippets (one listing, several versions, quiz and key), and
  // highlighting is the costly part: reuse the rows. Rows are never mutated,
  // and each caller gets its own array.
  const key = `${style}\u0000${lang}\u0000${frame.x}\u0000${frame.width}\u0000${code}`;
  const cached = recent.get(key);
  if (cached) return cached.slice();
  const rows = measureCode(code, lang, frame, style);
  recent.set(key, rows);
  return rows.slice();
}

const recent = new BoundedCache<string, LayoutRow[]>(512);

function measureCode(
  code: string,
  lang: string | null,
  frame: Frame,
  style: CodeStyle,
): LayoutRow[] {
  const size = TEXT.codeSize;
  const pad = SPACE.codePadding;
  const charWidth = textWidth('M', 'mono', size);
  const columns = Math.max(12, Math.floor((frame.width - 2 * pad) / charWidth));
  const source = highlightToLines(code.replace(/\t/g, TAB).replace(/\n$/, ''), lang);

  const printed: Array<{ cells: Cell[]; continued: boolean }> = [];
  for (const tokens of source) {
    const cells = tokensToCells(tokens, style);
    let start = 0;
    let continued = false;
    do {
      const room = continued ? columns - CONTINUATION_COLUMNS : columns;
      const end = wrapAt(cells, start, room);
      printed.push({ cells: cells.slice(start, end), continued });
      start = end;
      // A wrapped line carries on at its next word, not at the spaces before it.
      while (start < cells.length && cells[start]!.text === ' ') start++;
      continued = true;
    } while (start < cells.length);
  }

  return printed.map((line, index): LayoutRow => {
    const first = index === 0;
    const last = index === printed.length - 1;
    const top = first ? pad : 0;
    const height = TEXT.codeLineHeight + top + (last ? pad : 0);
    const baseline = top + baselineFor(TEXT.codeLineHeight, size);
    const ops: DrawOp[] = [
      {
        op: 'rect',
        x: frame.x,
        y: 0,
        width: frame.width,
        height,
        fill: style === 'greyscale' ? PRINT_CODE.background : COLOR.codeBackground,
        stroke: null,
      },
    ];
    let column = 0;
    if (line.continued) {
      ops.push(textOp(CONTINUATION, 'mono', COLOR.muted, frame.x + pad, baseline, size));
      column = CONTINUATION_COLUMNS;
    }
    // Consecutive cells of one style become one text run. Runs before the
    // line's first character keep its indentation as spaces, and a blank line
    // draws one space, so text copied out of the PDF keeps both; later runs
    // start at their first character.
    let indented = false;
    let runStart = 0;
    for (let at = 0; at <= line.cells.length; at++) {
      const cell = line.cells[at];
      const head = line.cells[runStart];
      if (head && (!cell || cell.font !== head.font || cell.color !== head.color)) {
        const text = line.cells
          .slice(runStart, at)
          .map((c) => c.text)
          .join('');
        const body = indented ? text.trim() : text.trimEnd() || text;
        const offset = column + runStart + (indented ? text.length - text.trimStart().length : 0);
        if (body !== '' && (body.trim() !== '' || !line.continued))
          ops.push(
            textOp(body, head.font, head.color, frame.x + pad + offset * charWidth, baseline, size),
          );
        if (body.trim() !== '') indented = true;
        runStart = at;
      }
    }
    if (line.cells.length === 0 && !line.continued)
      ops.push(textOp(' ', 'mono', foreground(style), frame.x + pad, baseline, size));
    return {
      spaceBefore: 0,
      height,
      baseline,
      ops,
      breakAfter: last ? 'block' : 'line',
    };
  });
}

// Where a long line may wrap: after a space or an opening or separating mark.
const WRAP_AFTER = new Set([' ', ',', ';', '(', '[', '{', '.', '=', '+', '-', '*', '/', '|', '&']);

/** End of the piece of a long line that starts at `start`: at a word boundary in its second half when there is one. */
function wrapAt(cells: readonly Cell[], start: number, room: number): number {
  const limit = start + room;
  if (limit >= cells.length) return cells.length;
  for (let at = limit - 1; at >= start + Math.ceil(room / 2); at--)
    if (WRAP_AFTER.has(cells[at]!.text)) return at + 1;
  return limit;
}

function textOp(
  text: string,
  font: FontName,
  color: string,
  x: number,
  y: number,
  size: number,
): DrawOp {
  return { op: 'text', x, y, text, font, size, color };
}

/** One cell per character (code point), so wrapping and columns stay exact in a monospace face. */
function tokensToCells(tokens: readonly Token[], codeStyle: CodeStyle): Cell[] {
  const cells: Cell[] = [];
  for (const token of tokens) {
    const scope = styleForScope(token.scope);
    const style =
      codeStyle === 'greyscale'
        ? printStyleForScope(token.scope)
        : scope && { ...scope, color: scope.light };
    const font: FontName = style?.bold
      ? style.italic
        ? 'mono-bold-italic'
        : 'mono-bold'
      : style?.italic
        ? 'mono-italic'
        : 'mono';
    const color = style?.color ?? foreground(codeStyle);
    for (const char of token.text) cells.push({ text: char, font, color });
  }
  return cells;
}

function foreground(style: CodeStyle): string {
  return style === 'greyscale' ? PRINT_CODE.foreground : COLOR.codeForeground;
}
