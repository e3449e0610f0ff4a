import { type LayoutGroup, type LayoutPage, type LayoutRow, rowsHeight } from './layout-model.js';
import { SPACE } from './theme.js';

export interface PaginateOptions {
  /** Height of the text column. */
  contentHeight: number;
  /** Room for the "(continued)" label above a group carried to a new page. */
  continuedHeight?: number;
}

/**
 * Places groups on pages. A group that fits on a page is never split: it
 * moves to the next page whole. A group taller than a page is cut at row
 * boundaries the rows allow, preferring block (paragraph) boundaries to line
 * boundaries, and each later piece is marked `continued`. A group marked
 * `keepWithNext` (a section heading) is never the last thing on a page; one
 * marked `breakBefore` starts a page.
 * Pure and linear in the number of rows.
 */
export function paginate(groups: readonly LayoutGroup[], options: PaginateOptions): LayoutPage[] {
  const { contentHeight } = options;
  const continuedHeight = options.continuedHeight ?? SPACE.continued;
  const pages: LayoutPage[] = [{ placements: [] }];
  let y = 0;
  const page = () => pages[pages.length - 1]!;
  const newPage = () => {
    pages.push({ placements: [] });
    y = 0;
  };
  const empty = () => page().placements.length === 0;

  groups.forEach((group, index) => {
    const { rows } = group;
    if (rows.length === 0) return;
    if (group.breakBefore && !empty()) newPage();
    if (group.height <= contentHeight) {
      const next = group.keepWithNext ? groups[index + 1] : undefined;
      const need = group.height + (next ? leadOf(next, contentHeight) : 0);
      if (!empty() && y + group.spaceBefore + need > contentHeight) newPage();
      const top = empty() ? 0 : y + group.spaceBefore;
      page().placements.push({ group: index, from: 0, to: rows.length, y: top, continued: false });
      y = top + group.height;
      return;
    }

    // Taller than a page: fill pages piece by piece.
    let from = 0;
    let continued = false;
    while (from < rows.length) {
      const top = (empty() ? 0 : y + group.spaceBefore) + (continued ? continuedHeight : 0);
      let to = breakPoint(rows, from, contentHeight - top);
      // Start on the current page only with a worthwhile first piece.
      if (!empty() && (to === from || rowsHeight(rows, from, to) < contentHeight / 4)) {
        newPage();
        continue;
      }
      if (to === from) to = firstBoundary(rows, from);
      page().placements.push({ group: index, from, to, y: top, continued });
      y = top + rowsHeight(rows, from, to);
      from = to;
      if (from < rows.length) {
        newPage();
        continued = true;
      }
    }
  });
  return pages;
}

/** Height the first piece of `group` needs right after the group kept with it. */
function leadOf(group: LayoutGroup, contentHeight: number): number {
  if (group.height <= contentHeight) return group.spaceBefore + group.height;
  return group.spaceBefore + rowsHeight(group.rows, 0, firstBoundary(group.rows, 0));
}

/** End of the smallest piece from `from` that may end a page. */
function firstBoundary(rows: readonly LayoutRow[], from: number): number {
  let to = from + 1;
  while (to < rows.length && rows[to - 1]!.breakAfter === 'never') to++;
  return to;
}

/**
 * End of the longest piece from `from` that fits in `room` and ends where a
 * page may break. A block boundary wins over a later line boundary unless it
 * would leave more than half the piece's room unused.
 */
function breakPoint(rows: readonly LayoutRow[], from: number, room: number): number {
  let height = 0;
  let lastLine = from;
  let lastBlock = from;
  let blockHeight = 0;
  let lineHeight = 0;
  for (let index = from; index < rows.length; index++) {
    const row = rows[index]!;
    height += row.height + (index === from ? 0 : row.spaceBefore);
    if (height > room) break;
    const end = index + 1;
    const kind = end === rows.length ? 'block' : row.breakAfter;
    if (kind === 'never') continue;
    lastLine = end;
    lineHeight = height;
    if (kind === 'block') {
      lastBlock = end;
      blockHeight = height;
    }
  }
  return lastBlock > from && blockHeight >= lineHeight / 2 ? lastBlock : lastLine;
}
