import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Asset, type DeckInput, IMAGE_MEDIA_TYPES } from '@quizmark/model';
import { parseDeck } from '@quizmark/parser';
import { systemTool, xmlWellFormedErrors } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { moodleRenderer } from '../src/index.js';
import { checkBank } from './deck-checks.js';
import { child, childrenNamed, readXml } from './moodle-reader.js';

// The decks that ship with the project, parsed from Markdown as the CLI
// does, with their local images read from disk.
const CONTENT = join(import.meta.dirname, '../../../content');
const decks = readdirSync(CONTENT).filter((name) => name.endsWith('.md'));

function load(file: string): DeckInput {
  const source = readFileSync(join(CONTENT, file), 'utf8');
  const result = parseDeck(source, { file });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const assets = new Map<string, Asset>();
  for (const [, url] of source.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)) {
    if (/^https?:/.test(url!)) continue;
    const ext = url!.slice(url!.lastIndexOf('.')) as keyof typeof IMAGE_MEDIA_TYPES;
    assets.set(url!, {
      url: url!,
      path: url!,
      mediaType: IMAGE_MEDIA_TYPES[ext],
      bytes: readFileSync(join(CONTENT, url!)),
    });
  }
  return { deck: result.deck!, name: file.replace(/\.md$/, ''), assets };
}

const render = async (input: DeckInput) => {
  const [file] = await moodleRenderer.render({ decks: [input], options: {}, sourceDateEpoch: 0 });
  return file!;
};

describe('content decks', () => {
  it('should find the seed deck and the showcase', () => {
    expect(decks).toEqual(expect.arrayContaining(['mlops.md', 'physics.md']));
  });

  it.each(decks)('should export %s with every item as its Moodle question', async (file) => {
    const input = load(file);
    const out = await render(input);
    expect(out.path).toBe(`${input.name}.moodle.xml`);
    expect(out.label).toBe('Moodle XML question bank');
    const xml = new TextDecoder().decode(out.bytes);
    if (systemTool('xmllint', 'libxml2-utils')) expect(xmlWellFormedErrors(xml)).toBeNull();
    checkBank(input, xml);
  });

  it("should carry physics.md's diagram as a base64 file beside the question text", async () => {
    const input = load('physics.md');
    const questions = checkBank(input, new TextDecoder().decode((await render(input)).bytes));
    const text = child(questions.get('net-force')!, 'questiontext');
    const [file] = childrenNamed(text, 'file');
    expect(file!.attributes).toEqual({
      name: 'forces-on-a-box.svg',
      path: '/',
      encoding: 'base64',
    });
    expect(Buffer.from(file!.text, 'base64')).toEqual(
      readFileSync(join(CONTENT, 'images/forces-on-a-box.svg')),
    );
    expect(child(text, 'text').text).toContain('src="@@PLUGINFILE@@/forces-on-a-box.svg"');
  });

  it('should write the same bytes for the same deck', async () => {
    for (const file of decks) {
      expect((await render(load(file))).bytes).toEqual((await render(load(file))).bytes);
    }
  });

  it('should give each deck and section a category, with the description as its info', async () => {
    const input = load('physics.md');
    const quiz = readXml(new TextDecoder().decode((await render(input)).bytes));
    const categories = childrenNamed(quiz, 'question').filter(
      (question) => question.attributes.type === 'category',
    );
    expect(categories.map((category) => child(child(category, 'category'), 'text').text)).toEqual([
      `$course$/top/${input.deck.title}`,
      ...input.deck.sections.map((section) => `$course$/top/${input.deck.title}/${section.title}`),
    ]);
    expect(child(child(categories[0]!, 'info'), 'text').text).toContain('introductory physics');
  });
});
