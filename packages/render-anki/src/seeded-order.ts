import { hash } from 'node:crypto';

/**
 * A shuffled order of the positions 0…length-1 for a seed: the same seed
 * always gives the same order, so a rebuild does not reshuffle the cards.
 * Never the identity (for two entries or more): a "shuffled" list in the
 * correct order would give the answer away.
 */
export function shuffledOrder(seed: string, length: number): number[] {
  const rank = (index: number) => hash('sha256', `quizmark/shuffle/${seed}/${index}`, 'hex');
  const ranks = Array.from({ length }, (_, index) => rank(index));
  const order = Array.from({ length }, (_, index) => index).sort((a, b) =>
    ranks[a]! < ranks[b]! ? -1 : 1,
  );
  if (length > 1 && order.every((position, index) => position === index)) {
    order.push(order.shift()!);
  }
  return order;
}
