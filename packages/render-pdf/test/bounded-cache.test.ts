import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../src/bounded-cache.js';

describe('BoundedCache', () => {
  it('should remember at least the newest half of its limit, and forget older entries', () => {
    const cache = new BoundedCache<number, number>(4);
    for (let key = 0; key < 10; key++) {
      cache.set(key, key * 10);
      expect([cache.get(key - 1), cache.get(key)]).toEqual([
        key === 0 ? undefined : key * 10 - 10,
        key * 10,
      ]);
    }
    expect(cache.get(0)).toBeUndefined();
    expect(cache.get(5)).toBeUndefined();
  });

  it('should keep what is asked for again across generations', () => {
    const cache = new BoundedCache<number, number>(10);
    cache.set(-1, -1);
    for (let key = 0; key < 1_000; key++) {
      cache.set(key, key);
      expect(cache.get(-1)).toBe(-1);
    }
    expect(cache.get(0)).toBeUndefined();
  });

  it('should never hold more than its limit, however many keys come', () => {
    const cache = new BoundedCache<number, number>(100);
    let largest = 0;
    for (let key = 0; key < 10_000; key++) {
      cache.set(key, key);
      cache.get(key - 60);
      largest = Math.max(largest, cache.size);
    }
    expect(largest).toBeLessThanOrEqual(100);
    expect(largest).toBeGreaterThan(50);
  });
});
