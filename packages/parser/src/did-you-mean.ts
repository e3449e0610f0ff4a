/**
 * Edit distance between two short strings: insertions, deletions,
 * substitutions and swaps of neighbours (`levle` is one edit from `level`).
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, index) => index)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(row[j - 1]! + 1, rows[i - 1]![j]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      }
      row[j] = best;
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/**
 * The closest candidate to a misspelt name, or null when nothing is close
 * enough to be a plausible typo (at most a third of the name's letters off).
 */
export function closestMatch(value: string, candidates: readonly string[]): string | null {
  const wanted = value.toLowerCase();
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    // `pinned` for `pin`, `mistake` for `mistakes`: a prefix is a typo too.
    const prefix =
      Math.min(wanted.length, lower.length) >= 3 &&
      (wanted.startsWith(lower) || lower.startsWith(wanted));
    const distance = prefix ? 1 : editDistance(wanted, lower);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(1, Math.floor(Math.max(wanted.length, 3) / 3));
  return bestDistance <= limit ? best : null;
}

/** ` (did you mean "x"?)` or the empty string, ready to append to a message. */
export function didYouMean(value: string, candidates: readonly string[]): string {
  const match = closestMatch(value, candidates);
  return match === null ? '' : `; did you mean \`${match}\`?`;
}
