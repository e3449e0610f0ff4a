import { deserialize, serialize } from 'node:v8';
import type { Asset, Deck, DeckInput } from '@quizmark/model';

/**
 * A value as V8's serializer writes it: the format `postMessage` copies
 * between threads. A deck parsed on a worker comes back packed and stays so
 * until it is rendered. Packed, it takes about half the memory of its
 * objects, outside the JS heap where the garbage collector never walks it,
 * and goes to the worker that renders it as one block of bytes that the main
 * thread never unpacks.
 */
export type Packed<T> = Uint8Array & { readonly packed?: T };

export const pack = <T>(value: T): Packed<T> => serialize(value) as Packed<T>;

export const unpack = <T>(bytes: Packed<T>): T => deserialize(bytes) as T;

/**
 * A deck as a build holds it until it is rendered: packed when it crossed
 * from a worker, the parser's own objects when it was parsed in this thread
 * (packing them would only cost time).
 */
export type HeldDeck = Deck | Packed<Deck>;

/** A deck ready to render, as the build holds it. */
export interface HeldInput {
  deck: HeldDeck;
  name: string;
  assets: ReadonlyMap<string, Asset>;
}

// A deck's outputs are checked and rendered one after another from the same
// packed bytes: they share one unpacking, as they share the parser's objects.
// (A worker gets its own copy of the bytes with each task.)
let last: { packed: Packed<Deck>; deck: Deck } | null = null;

export function unpackDeck(held: HeldDeck): Deck {
  if (!(held instanceof Uint8Array)) return held;
  if (last?.packed !== held) last = { packed: held, deck: unpack(held) };
  return last.deck;
}

export const unpackInput = (input: HeldInput): DeckInput => ({
  deck: unpackDeck(input.deck),
  name: input.name,
  assets: input.assets,
});
