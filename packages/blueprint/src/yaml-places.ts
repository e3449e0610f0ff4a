import { isMap, isScalar, isSeq, type LineCounter, type Node, type Pair } from 'yaml';

export type Path = ReadonlyArray<string | number>;

/** Where something is in the exam file: 1-based, with the end when known. */
export interface Span {
  line: number;
  column: number;
  endLine: number | null;
  endColumn: number | null;
}

/** Finds the YAML node behind a path of the read data, to put a diagnostic on the author's line. */
export class YamlPlaces {
  constructor(
    readonly root: Node | null,
    readonly lines: LineCounter,
  ) {}

  #span(node: { range?: [number, number, number] | null } | null | undefined): Span {
    const range = node?.range;
    if (!range) return { line: 1, column: 1, endLine: null, endColumn: null };
    const start = this.lines.linePos(range[0]);
    const end = this.lines.linePos(range[1]);
    return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
  }

  #walk(path: Path): { node: Node | null; pair: Pair | null; found: boolean } {
    let node: Node | null = this.root;
    let pair: Pair | null = null;
    for (const step of path) {
      let next: Node | null = null;
      if (isMap(node) && typeof step === 'string') {
        const entry = node.items.find(
          (item) => isScalar(item.key) && String(item.key.value) === step,
        );
        if (entry) {
          pair = entry as Pair;
          next = (entry.value as Node | null) ?? null;
          // `key:` with nothing after it: point at the key.
          if (next === null) return { node: (entry.key as Node) ?? node, pair, found: true };
        }
      } else if (isSeq(node) && typeof step === 'number') {
        next = (node.items[step] as Node | undefined) ?? null;
        pair = null;
      }
      if (next === null) return { node, pair: null, found: false };
      node = next;
    }
    return { node, pair, found: true };
  }

  /** The value at `path`, or the nearest mapping that holds it when it is missing. */
  value(path: Path): Span {
    return this.#span(this.#walk(path).node);
  }

  /** The key of the last step of `path` (`cont` in `cont: 3`), or the value when it has none. */
  key(path: Path): Span {
    const { node, pair, found } = this.#walk(path);
    if (found && pair?.key) return this.#span(pair.key as Node);
    return this.#span(node);
  }
}
