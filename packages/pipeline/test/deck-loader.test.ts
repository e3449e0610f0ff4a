import type { DeckInput } from '@quizmark/model';
import { describe, expect, it } from 'vitest';
import { deckLoader, type OutputContext } from '../src/render-plan.js';

describe('deckLoader', () => {
  it('should load a deck once until it is released, then let it go and load it again if asked', async () => {
    const loads: number[] = [];
    const released: number[] = [];
    const context = {
      loadInput: async (index: number) => {
        loads.push(index);
        return { name: `deck-${index}` } as unknown as DeckInput;
      },
      releaseInput: (index: number) => released.push(index),
    } as unknown as OutputContext;
    const input = deckLoader(context);
    const first = await input(1);
    expect(await input(1)).toBe(first);
    expect(loads).toEqual([1]);
    input.release(1);
    expect(released).toEqual([1]);
    const again = await input(1);
    expect(again).not.toBe(first);
    expect(loads).toEqual([1, 1]);
  });
});
