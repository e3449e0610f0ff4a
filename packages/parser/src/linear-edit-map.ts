import { EditMap } from 'micromark-util-edit-map';

type Change = EditMap['map'][number];
type Events = Parameters<EditMap['consume']>[0];

/** micromark's own `consume`, kept to compare against in tests. */
export const originalConsume = EditMap.prototype.consume;

/**
 * Applies the edits of an EditMap to `events`, copying only the events from
 * the first edit on.
 *
 * micromark 4 closes every list item and block quote through
 * `EditMap.consume`, whose version 1.0.0 rebuilds the whole event list of the
 * document each time: parse time grew with the square of the number of
 * containers in a file (4,000 two-option questions in one deck took 15 s,
 * 16,000 several minutes). The edits are almost always at the end of the
 * list, so this costs what follows them. Same events out, in the same order.
 */
export function linearConsume(this: EditMap, events: Events): undefined {
  const map: Change[] = this.map;
  if (map.length === 0) return;
  map.sort((a, b) => a[0] - b[0]);
  const start = map[0]![0];
  const tail = events.slice(start);
  events.length = start;
  let cursor = start;
  for (const [at, remove, add] of map) {
    for (let index = cursor; index < at; index++) events.push(tail[index - start]!);
    for (const event of add) events.push(event);
    cursor = at + remove;
  }
  for (let index = cursor - start; index < tail.length; index++) events.push(tail[index]!);
  map.length = 0;
  this.index.clear();
}

/**
 * Runs `parse` with micromark using `linearConsume`, and puts back whatever
 * `EditMap.prototype.consume` was before, even if `parse` throws. One module
 * instance serves micromark and this package (pnpm links both to the same
 * pinned version), so swapping the method reaches micromark; doing it only
 * around quizmark's own (synchronous) parse keeps every other micromark user
 * in the process on micromark's code.
 */
export function withLinearEditMap<T>(parse: () => T): T {
  const prototype = EditMap.prototype;
  const before = prototype.consume;
  if (before === linearConsume) return parse();
  prototype.consume = linearConsume;
  try {
    return parse();
  } finally {
    prototype.consume = before;
  }
}
