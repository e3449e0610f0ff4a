// Every output shuffles (choice options, matching columns, ordering entries,
// question order in PDF versions), yet the same deck must give the same
// bytes on every build and machine: orders come from a generator seeded with
// a string (an item id, a version seed), never from Math.random. A string is
// hashed (FNV-1a, then a murmur3 finaliser to spread similar seeds apart)
// into the state of mulberry32, a small generator that is plenty for
// ordering questions. One owner, so that no two outputs drift apart.

function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** A generator of numbers in [0, 1) determined by `key`. */
export function seededRandom(key: string): () => number {
  let state = hashString(key);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates over the unpinned entries; pinned entries keep their index. */
export function shuffleKeepingPinned<T>(
  items: readonly T[],
  pinned: (item: T) => boolean,
  random: () => number,
): T[] {
  const free: number[] = [];
  items.forEach((item, index) => {
    if (!pinned(item)) free.push(index);
  });
  const order = free.slice();
  for (let index = order.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [order[index], order[other]] = [order[other]!, order[index]!];
  }
  const out = items.slice();
  free.forEach((slot, index) => {
    out[slot] = items[order[index]!]!;
  });
  return out;
}

/**
 * A seeded shuffle that never gives back the order it was given, when there
 * is another: for lists whose given order is the answer (matching, ordering).
 */
export function shuffleOutOfOrder<T>(items: readonly T[], random: () => number): T[] {
  const out = shuffleKeepingPinned(items, () => false, random);
  const same = out.every((item, index) => item === items[index]);
  // Fisher-Yates gives the given order back once in n! draws: move every entry on by one.
  return same && out.length > 1 ? [...out.slice(1), out[0]!] : out;
}

/**
 * The indexes 0…count-1 in an order determined by `key`, never the identity
 * when there are two or more: a list shown in its correct order gives the
 * answer away.
 */
export function seededOrder(count: number, key: string): number[] {
  return shuffleOutOfOrder(
    Array.from({ length: count }, (_, index) => index),
    seededRandom(key),
  );
}
