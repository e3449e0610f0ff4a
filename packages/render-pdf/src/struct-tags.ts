import type { DrawOp, LayoutRow } from './layout-model.js';

// Where laid-out content sits in the PDF's structure tree (a tagged PDF):
// layout names the element each row and operation belongs to, draw-pdf.ts
// builds the tree from those names in the order it draws. Rules, boxes,
// bubbles and answer lines are never content: they are drawn as artifacts.
//
// Nodes point to their parent. Layout creates an element's node before it
// knows where the element goes (a paragraph before its list item), so the
// node is adopted later: `tagged` makes the parent of the topmost node of
// every chain the given one. Nodes are made afresh for each layout call and
// never cached (cached rows, such as code lines, carry no nodes of their own).

/** The standard structure types quizmark uses. */
export type StructType =
  | 'Sect'
  | 'H1'
  | 'H2'
  | 'P'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'Code'
  | 'Figure'
  | 'Formula'
  | 'BlockQuote'
  | 'Table'
  | 'TR'
  | 'TH'
  | 'TD';

export interface StructNode {
  readonly type: StructType;
  /** The enclosing element; null for the document itself, until adopted. */
  parent: StructNode | null;
  /** Alternate description: an image's alt text, the TeX of math. */
  readonly alt?: string;
}

export function structNode(
  type: StructType,
  parent: StructNode | null = null,
  alt?: string,
): StructNode {
  return alt === undefined ? { type, parent } : { type, parent, alt };
}

/**
 * Makes `parent` the parent of `node`'s topmost ancestor, unless that one
 * encloses `parent` already (or is it): then `node` is placed.
 */
function adopt(node: StructNode, parent: StructNode): void {
  let top = node;
  while (top.parent) top = top.parent;
  for (let up: StructNode | null = parent; up; up = up.parent) if (up === top) return;
  top.parent = parent;
}

/**
 * Puts rows (and their operations' own elements) inside `parent`; rows that
 * name no element become content of `parent` itself. Returns new rows.
 */
export function tagged(rows: readonly LayoutRow[], parent: StructNode): LayoutRow[] {
  return rows.map((row) => {
    for (const op of row.ops) if (op.tag) adopt(op.tag, parent);
    if (!row.tag) return { ...row, tag: parent };
    adopt(row.tag, parent);
    return row;
  });
}

/** Operations inside `parent`; those that name no element become its content. */
export function taggedOps(ops: readonly DrawOp[], parent: StructNode): DrawOp[] {
  return ops.map((op) => {
    if (!op.tag) return { ...op, tag: parent };
    adopt(op.tag, parent);
    return op;
  });
}

/** The operation as the label of a list item (a question's number, an option's letter). */
export function asLabel(op: DrawOp): DrawOp {
  return { ...op, tag: structNode('Lbl') };
}

/**
 * Rows as one item of `list`: operations marked with `asLabel` become the
 * item's Lbl, everything else its LBody.
 */
export function listItem(rows: readonly LayoutRow[], list: StructNode): LayoutRow[] {
  const item = structNode('LI', list);
  const body = structNode('LBody', item);
  for (const row of rows)
    for (const op of row.ops) if (op.tag?.type === 'Lbl' && !op.tag.parent) op.tag.parent = item;
  return tagged(rows, body);
}
