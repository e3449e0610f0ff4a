import { hash } from 'node:crypto';

const rank = (seed: string, attempt: number, index: number) =>
  hash('sha256', `quizmark/shuffle/${seed}/${attempt}/${index}`, 'hex');

function orderFor(seed: string, attempt: number, length: number): number[] {
  const ranks = Array.from({ length }, (_, index) => rank(seed, attempt, index));
  return Array.from({ length }, (_, index) => index).sort((a, b) =>
    ranks[a]! < ranks[b]! ? -1 : 1,
  );
}

const isIdentity = (order: readonly number[]) =>
  order.every((position, index) => position === index);

/**
 * A shuffled order of the positions 0…length-1 for a seed: the same seed
 * always gives the same order, so a rebuild does not reshuffle the cards.
 * Never the correct order (for two entries or more), which would give the
 * answer away: such a draw is drawn again, with the next attempt number.
 */
export function shuffledOrder(seed: string, length: number): number[] {
  let attempt = 0;
  let order = orderFor(seed, attempt, length);
  // Each draw is the identity with chance 1/length!, at most 1/2.
  while (length > 1 && isIdentity(order)) order = orderFor(seed, ++attempt, length);
  return order;
}
