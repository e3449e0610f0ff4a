export interface Point {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/** Where a diagnostic starts and, when known, ends. mdast positions fit this shape. */
export interface Place {
  start: Point;
  end?: Point | null;
}

/** Turns string offsets into 1-based line/column points in O(log lines). */
export class LineIndex {
  readonly #starts: number[] = [0];

  constructor(text: string) {
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
      this.#starts.push(index + 1);
    }
  }

  point(offset: number): Point {
    let low = 0;
    let high = this.#starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.#starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.#starts[low]! + 1 };
  }

  place(start: number, end: number): Place {
    return { start: this.point(start), end: this.point(end) };
  }
}
