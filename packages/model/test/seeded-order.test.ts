import { describe, expect, it } from 'vitest';
import { seededOrder, seededRandom, shuffleKeepingPinned } from '../src/index.js';

describe('seeded orders', () => {
  it('should give the same order for the same key, and differ across keys', () => {
    expect(seededOrder(6, 'si-units')).toEqual(seededOrder(6, 'si-units'));
    const orders = new Set(
      Array.from({ length: 50 }, (_, n) => seededOrder(6, `item-${n}`).join()),
    );
    expect(orders.size).toBeGreaterThan(30);
  });

  it('should never give back the correct order of two or more entries', () => {
    for (let n = 0; n < 2000; n++) {
      const order = seededOrder(2 + (n % 3), `key-${n}`);
      expect(
        order.every((value, index) => value === index),
        `key-${n}`,
      ).toBe(false);
      expect([...order].sort()).toEqual(order.map((_, index) => index));
    }
    expect(seededOrder(1, 'one')).toEqual([0]);
    expect(seededOrder(0, 'none')).toEqual([]);
  });

  it('should keep pinned entries where they are', () => {
    const items = ['a', 'b', 'c', 'd', 'All of the above'];
    for (let n = 0; n < 200; n++) {
      const out = shuffleKeepingPinned(
        items,
        (item) => item.startsWith('All'),
        seededRandom(`${n}`),
      );
      expect(out[4]).toBe('All of the above');
      expect([...out].sort()).toEqual([...items].sort());
    }
  });
});
