import { readFileSync } from 'node:fs';
import type { Asset, Deck } from '@quizmark/model';
import { parseDeck } from '@quizmark/parser';

// Decks through the real parser: the shipped seed deck and a fixture with
// every script and construct the PDF must draw. Hand-built decks for the
// pure steps come from @quizmark/testing.

export function loadDeck(url: URL): Deck {
  const result = parseDeck(readFileSync(url, 'utf8'), { file: url.pathname });
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (!result.deck || errors.length > 0)
    throw new Error(`fixture ${url.pathname} does not parse: ${JSON.stringify(errors)}`);
  return result.deck;
}

export const seedDeck = (): Deck => loadDeck(new URL('../../../content/mlops.md', import.meta.url));

export const polyglotDeck = (): Deck =>
  loadDeck(new URL('./fixtures/polyglot.md', import.meta.url));

export const polyglotAssets = (): Map<string, Asset> =>
  new Map([
    [
      'diagram.png',
      {
        url: 'diagram.png',
        path: 'diagram.png',
        mediaType: 'image/png',
        bytes: readFileSync(new URL('./fixtures/diagram.png', import.meta.url)),
      },
    ],
  ]);
