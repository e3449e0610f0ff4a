import { describe, expect, it } from 'vitest';
import { growingFlag } from '../src/gc-tuning.js';

describe('growingFlag', () => {
  it('should fix the heap growing factor when the user did not', () => {
    expect(growingFlag([])).toBe('--heap-growing-percent=150');
    expect(growingFlag(['--enable-source-maps', '--max-old-space-size=4096'])).toBe(
      '--heap-growing-percent=150',
    );
  });

  it("should leave the user's own choice alone, however it is spelled", () => {
    expect(growingFlag(['--heap-growing-percent=50'])).toBeNull();
    expect(growingFlag(['--trace-gc', '--heap_growing_percent=20'])).toBeNull();
  });
});
