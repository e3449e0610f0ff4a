import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../src/bounded-cache.js';

describe('BoundedCache', () => {
  it('should remember up to its limit, then forget everything and start again', () => {
    const cache = new BoundedCache<string, number>(3);
    for (const [index, key] of ['a', 'b', 'c'].entries()) cache.set(key, index);
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([0, 1, 2, 3]);
    cache.set('d', 3);
    expect([cache.get('a'), cache.get('c'), cache.get('d'), cache.size]).toEqual([
      undefined,
      undefined,
      3,
      1,
    ]);
  });

  it('should never hold more than its limit, however many keys come', () => {
    const cache = new BoundedCache<number, number>(100);
    let largest = 0;
    for (let key = 0; key < 10_000; key++) {
      cache.set(key, key);
      largest = Math.max(largest, cache.size);
    }
    expect(largest).toBe(100);
  });
});
