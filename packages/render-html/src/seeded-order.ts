// Outputs shuffle matching columns and ordering entries, yet the same deck
// must give the same bytes on every build: the order comes from a generator
// seeded with the item id, never from Math.random. (FNV-1a and mulberry32,
// as the PDF renderer seeds its versions.)

function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function seededRandom(key: string): () => number {
  let state = hashString(key);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The indexes 0…count-1 in an order determined by `key`, never the identity
 * when there are two or more: a list shown in its correct order gives the
 * answer away.
 */
export function seededOrder(count: number, key: string): number[] {
  const random = seededRandom(key);
  const order = Array.from({ length: count }, (_, index) => index);
  for (let index = count - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [order[index], order[other]] = [order[other]!, order[index]!];
  }
  const identity = order.every((value, index) => value === index);
  // Rotating by one is as determined as the shuffle, and never the identity.
  return identity && count > 1 ? [...order.slice(1), order[0]!] : order;
}
