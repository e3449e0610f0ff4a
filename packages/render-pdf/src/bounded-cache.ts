/**
 * A per-process memo that forgets everything once it holds `limit` entries.
 * A long build keeps meeting new words, snippets and formulas, and a memo
 * without a bound grows with the corpus (by about 0.1 MB per 50-question
 * deck in a worker, when the shaped words were kept). Emptying it at once
 * costs less than tracking use; what is asked again is made again, to the
 * same result, so the bytes out never depend on what was remembered.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): void {
    if (this.entries.size >= this.limit) this.entries.clear();
    this.entries.set(key, value);
  }

  get size(): number {
    return this.entries.size;
  }
}
