/** Sorted, inclusive code point ranges `[first, last, first, last, …]`. */
export type CodePointRanges = readonly number[];

/** Whether the ranges hold `code` (binary search). */
export function covers(ranges: CodePointRanges, code: number): boolean {
  let low = 0;
  let high = ranges.length / 2 - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (code < ranges[middle * 2]!) high = middle - 1;
    else if (code > ranges[middle * 2 + 1]!) low = middle + 1;
    else return true;
  }
  return false;
}
