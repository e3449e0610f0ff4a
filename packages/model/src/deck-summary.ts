import { type Deck, ITEM_TYPES, type ItemType } from './deck.js';

/**
 * What a page about many decks needs to know of each (an index): the deck's
 * header and how many items of each type it has. Small enough that a build
 * keeps it for every deck without loading the decks themselves.
 */
export interface DeckSummary {
  id: string;
  title: string;
  topic: string | null;
  category: string | null;
  duration: string | null;
  tags: string[];
  language: string;
  counts: Record<ItemType, number> & { total: number };
  sections: Array<{ id: string; title: string; items: number }>;
}

export function summarizeDeck(deck: Deck): DeckSummary {
  const counts = Object.fromEntries([
    ...ITEM_TYPES.map((type) => [type, 0]),
    ['total', 0],
  ]) as Record<ItemType, number> & { total: number };
  for (const section of deck.sections) {
    for (const item of section.items) {
      counts[item.type]++;
      counts.total++;
    }
  }
  return {
    id: deck.id,
    title: deck.title,
    topic: deck.topic,
    category: deck.category,
    duration: deck.duration,
    tags: [...deck.tags],
    language: deck.language,
    counts,
    sections: deck.sections.map((section) => ({
      id: section.id,
      title: section.title,
      items: section.items.length,
    })),
  };
}
