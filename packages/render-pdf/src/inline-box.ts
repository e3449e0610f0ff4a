import type { DrawOp } from './layout-model.js';

/**
 * Something set inside a line as one unbreakable piece, like a word: inline
 * math, a small image. Lines grow to hold what rises above or hangs below
 * their text.
 */
export interface InlineBox {
  width: number;
  /** Height above the baseline. */
  ascent: number;
  /** Depth below the baseline. */
  descent: number;
  /**
   * Its drawing with its left edge at `x` and the line's baseline at
   * `baseline`, `width` wide: narrower than its own width when the line is.
   */
  draw(x: number, baseline: number, width: number): DrawOp[];
}
