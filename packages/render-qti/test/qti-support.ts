import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import {
  type Asset,
  type DeckInput,
  IMAGE_MEDIA_TYPES,
  itemTexts,
  type RichText,
} from '@quizmark/model';
import { parseDeck } from '@quizmark/parser';
import { readZip } from '@quizmark/testing';
import { SaxesParser } from 'saxes';
import { expect } from 'vitest';
import { qtiRenderer } from '../src/index.js';

export const CONTENT = join(import.meta.dirname, '../../../content');
export const CONTENT_DECKS = readdirSync(CONTENT)
  .filter((name) => name.endsWith('.md'))
  .sort();

/** Every image reference in a text (any depth), as the pipeline would read them. */
function imageUrls(node: unknown, out: Set<string>): void {
  if (typeof node !== 'object' || node === null) return;
  const record = node as { type?: string; url?: string; children?: unknown[] };
  if (record.type === 'image' && record.url) out.add(record.url);
  for (const child of record.children ?? []) imageUrls(child, out);
}

/** A shipped deck parsed from Markdown, with its local images read as the pipeline reads them. */
export function contentDeck(file: string): DeckInput {
  const result = parseDeck(readFileSync(join(CONTENT, file), 'utf8'), { file });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const deck = result.deck!;
  const urls = new Set<string>();
  const texts: RichText[] = deck.sections.flatMap((s) => s.items.flatMap(itemTexts));
  for (const text of texts) for (const block of text.children) imageUrls(block, urls);
  const assets = new Map<string, Asset>();
  for (const url of urls) {
    const path = join(CONTENT, url);
    const type = IMAGE_MEDIA_TYPES[extname(url).toLowerCase() as keyof typeof IMAGE_MEDIA_TYPES];
    if (/^[a-z]+:/i.test(url) || !existsSync(path) || !type) continue;
    assets.set(url, {
      url,
      path: url.replace(/^\.\//, ''),
      mediaType: type,
      bytes: readFileSync(path),
    });
  }
  return { deck, name: file.replace(/\.md$/, ''), assets };
}

/** Renders one deck and reads its package back. */
export async function renderPackage(
  input: DeckInput,
  options: { shuffleItems?: boolean; select?: number } = {},
) {
  const files = await qtiRenderer.render({
    decks: [input],
    options,
    sourceDateEpoch: 1_700_000_000,
  });
  expect(files).toHaveLength(1);
  expect(files[0]!.path).toBe(`${input.name}.qti.zip`);
  const entries = readZip(files[0]!.bytes);
  const text = (name: string) => {
    const entry = entries.find((e) => e.name === name);
    if (!entry) throw new Error(`no ${name} in the package`);
    return new TextDecoder().decode(entry.bytes);
  };
  return { zip: files[0]!.bytes, entries, text };
}

/** An element as saxes reads it: name without prefix, attributes, children, text. */
export interface XmlElement {
  name: string;
  uri: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Parses XML with saxes (namespace-aware), failing on any well-formedness error. */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes))
      attributes[attribute.name] = attribute.value;
    const element: XmlElement = {
      name: tag.local,
      uri: tag.uri,
      attributes,
      children: [],
      text: '',
    };
    stack.at(-1)?.children.push(element);
    root ??= element;
    stack.push(element);
  });
  parser.on('text', (text) => {
    for (const open of stack) open.text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  return root!;
}

/** Every element below (and including) `root` with that local name, in document order. */
export function findAll(root: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (element: XmlElement) => {
    if (element.name === name) found.push(element);
    element.children.forEach(walk);
  };
  walk(root);
  return found;
}

export const findOne = (root: XmlElement, name: string): XmlElement => {
  const found = findAll(root, name);
  expect(found, `one <${name}>`).toHaveLength(1);
  return found[0]!;
};
