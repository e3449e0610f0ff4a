import type { DrawOp, LayoutRow } from './layout-model.js';
import { type StructNode, structNode } from './struct-tags.js';

// The structure tree of a tagged PDF, built while the pages are drawn, with
// pdfkit's public marking API. Every piece of content is drawn inside one
// marked-content sequence: the element its operations name (a paragraph, a
// label, a figure) or an artifact (rules, boxes, answer lines, the footer).
// Elements are created when their first content is drawn, so their order in
// the tree is reading order: page order, and within a row the order of its
// operations. pdfkit carries sequences still open over to the next page by
// writing past this renderer's content buffer, so every page closes its own.

type Doc = PDFKit.PDFDocument;

/** What an artifact is: page furniture that repeats (`Pagination`), or drawing that only lays out (`Layout`). */
export type ArtifactType = 'Pagination' | 'Layout';

export class StructureWriter {
  readonly #doc: Doc;
  readonly #root: PDFKit.PDFStructureElement;
  readonly #elements = new Map<StructNode, PDFKit.PDFStructureElement>();
  /** The element of rows that name none (there should be none): a paragraph each. */
  readonly #fallback = new WeakMap<LayoutRow, StructNode>();
  #open: StructNode | ArtifactType | null = null;

  constructor(doc: Doc) {
    this.#doc = doc;
    this.#root = doc.struct('Document');
    doc.addStructure(this.#root);
  }

  /** Opens the sequence `op` is drawn in, unless it is open already. Links are annotations: nothing to mark. */
  mark(op: DrawOp, row: LayoutRow): void {
    switch (op.op) {
      case 'rect':
      case 'line':
      case 'circle':
        this.artifact('Layout');
        break;
      case 'link':
        break;
      default:
        this.content(op.tag ?? row.tag ?? this.#fallbackFor(row));
    }
  }

  /** Opens a sequence of content of the element `node`. */
  content(node: StructNode): void {
    if (this.#open === node) return;
    this.close();
    const element = this.#element(node);
    element.add(this.#doc.markStructureContent(node.type));
    this.#open = node;
  }

  artifact(type: ArtifactType): void {
    if (this.#open === type) return;
    this.close();
    this.#doc.markContent('Artifact', { type });
    this.#open = type;
  }

  /** Closes the open sequence: before a page ends. */
  close(): void {
    if (this.#open === null) return;
    this.#doc.endMarkedContent();
    this.#open = null;
  }

  /** Closes the tree: before the document ends. */
  end(): void {
    this.close();
    this.#root.end();
  }

  #element(node: StructNode): PDFKit.PDFStructureElement {
    let element = this.#elements.get(node);
    if (element) return element;
    const parent = node.parent ? this.#element(node.parent) : this.#root;
    element = this.#doc.struct(node.type, node.alt === undefined ? {} : { alt: node.alt });
    parent.add(element);
    this.#elements.set(node, element);
    return element;
  }

  #fallbackFor(row: LayoutRow): StructNode {
    let node = this.#fallback.get(row);
    if (!node) {
      node = structNode('P');
      this.#fallback.set(row, node);
    }
    return node;
  }
}
