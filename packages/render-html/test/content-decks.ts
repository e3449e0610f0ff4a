import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Asset, Block, DeckInput, Item } from '@quizmark/model';
import {
  blocksToPlainText,
  IMAGE_MEDIA_TYPES,
  inlinesToPlainText,
  itemTexts as richTexts,
} from '@quizmark/model';
import { parseDeck } from '@quizmark/parser';

/** The decks that ship with the project. */
export const CONTENT_DIR = fileURLToPath(new URL('../../../content/', import.meta.url));

const MEDIA_TYPES: Readonly<Record<string, string>> = IMAGE_MEDIA_TYPES;

/** Every `content/*.md` deck, parsed, with its local images loaded (what the CLI passes). */
export function contentDecks(): DeckInput[] {
  return readdirSync(CONTENT_DIR)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const file = `content/${name}`;
      const result = parseDeck(readFileSync(join(CONTENT_DIR, name), 'utf8'), { file });
      if (!result.deck) {
        const messages = result.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`);
        throw new Error(`${file} does not parse: ${messages.join('; ')}`);
      }
      const assets = new Map<string, Asset>();
      for (const image of result.images) {
        const path = join(dirname(join(CONTENT_DIR, name)), image.url);
        const mediaType = MEDIA_TYPES[extname(path).toLowerCase()];
        if (/^[a-z]+:/i.test(image.url) || !mediaType || !existsSync(path)) continue;
        assets.set(image.url, {
          url: image.url,
          path: posix.normalize(posix.join(posix.dirname(name), image.url)),
          mediaType,
          bytes: readFileSync(path),
        });
      }
      return { deck: result.deck, name: basename(name, '.md'), assets };
    });
}

/** The seed deck, content/mlops.md. */
export function seedDeckInput(): DeckInput {
  const seed = contentDecks().find((input) => input.name === 'mlops');
  if (!seed) throw new Error(`content/mlops.md is missing from ${CONTENT_DIR}`);
  return seed;
}

/** test/fixtures/first-use.md: what a new author writes first (aligned table, long code, raw HTML in a heading). */
export function firstUseDeckInput(): DeckInput {
  const file = fileURLToPath(new URL('./fixtures/first-use.md', import.meta.url));
  const result = parseDeck(readFileSync(file, 'utf8'), { file: 'first-use.md' });
  if (!result.deck) throw new Error(`${file} does not parse`);
  return { deck: result.deck, name: 'first-use', assets: new Map() };
}

/**
 * Plain text of everything an item holds, one string per paragraph, code
 * block, list item or table cell (the units a page keeps together),
 * whitespace collapsed.
 */
export function itemTexts(item: Item): string[] {
  const texts = [
    item.title,
    ...item.steps.map((step, index) => `Step ${index + 1}: ${step.title}`),
    ...plainAnswers(item),
  ];
  // A cloze's text with its blanks filled in, as the revealed answer shows it.
  for (const text of richTexts(item)) texts.push(...blockTexts(text.children));
  return texts.map(collapse).filter((text) => text !== '');
}

/** Answers the model holds as plain text, which the page must show too. */
function plainAnswers(item: Item): string[] {
  if (item.type === 'truefalse') return [item.answer ? 'True' : 'False'];
  if (item.type === 'numeric') return [item.answer.text];
  if (item.type === 'short') return item.answers;
  return [];
}

function blockTexts(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block): string[] => {
    switch (block.type) {
      case 'list':
        return block.children.flatMap((listItem) => blockTexts(listItem.children));
      case 'blockquote':
        return blockTexts(block.children);
      case 'table':
        return block.children.flatMap((row) =>
          row.children.map((cell) => inlinesToPlainText(cell.children)),
        );
      default:
        return [blocksToPlainText([block])];
    }
  });
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
