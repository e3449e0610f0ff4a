import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Asset, Block, DeckInput, Item } from '@quizmark/model';
import {
  assertNever,
  blocksToPlainText,
  IMAGE_MEDIA_TYPES,
  inlinesToPlainText,
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
  ];
  const rich = [...item.mistakes, ...item.steps.map((step) => step.body)];
  for (const part of [item.hint, item.quickCheck, item.explanation]) if (part) rich.push(part);
  switch (item.type) {
    case 'flashcard':
      rich.push(item.front, item.back);
      break;
    case 'choice':
      rich.push(item.stem);
      for (const option of item.options) {
        rich.push(option.text);
        if (option.feedback) rich.push(option.feedback);
      }
      break;
    case 'explain':
      rich.push(item.prompt, ...item.concepts);
      break;
    case 'truefalse':
      rich.push(item.stem);
      if (item.trueFeedback) rich.push(item.trueFeedback);
      if (item.falseFeedback) rich.push(item.falseFeedback);
      texts.push(item.answer ? 'True' : 'False');
      break;
    case 'numeric':
      rich.push(item.stem);
      texts.push(item.answer.text);
      break;
    case 'short':
      rich.push(item.stem);
      texts.push(...item.answers);
      break;
    case 'cloze':
      // With its blanks filled in, as the revealed answer shows it.
      rich.push(item.text);
      break;
    case 'matching':
      rich.push(item.stem, ...item.pairs.flatMap((pair) => [pair.left, pair.right]));
      rich.push(...item.distractors);
      break;
    case 'ordering':
      rich.push(item.stem, ...item.sequence);
      break;
    default:
      assertNever(item, 'item type');
  }
  for (const text of rich) texts.push(...blockTexts(text.children));
  return texts.map(collapse).filter((text) => text !== '');
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
