import { posix } from 'node:path';
import type { Deck, RichText } from '@quizmark/model';
import {
  choice,
  deck,
  deckInput,
  everyTypeDeck,
  flashcard,
  hostileDeck,
  imageAsset,
  numeric,
  numericAnswer,
  para,
  pixelImage,
  png,
  QTI_ITEM_SCHEMA,
  revisionDeckWithImages,
  rich,
  section,
  shortAnswer,
  systemTool,
  text,
  xmlSchemaErrors,
} from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { qtiDescriptor, qtiRenderer } from '../src/index.js';
import {
  CONTENT_DECKS,
  contentDeck,
  findAll,
  findOne,
  parseXml,
  renderPackage,
} from './qti-support.js';

// The package as an importer opens it: the manifest, the files it lists,
// images and links, text that tries to break the XML, and the bytes.

const CP_NS = 'http://www.imsglobal.org/xsd/imscp_v1p1';
const xmllint = systemTool('xmllint', 'libxml2-utils');

describe('the content package', () => {
  it.each(CONTENT_DECKS)(
    'should list every file of %s in its manifest, and nothing else',
    async (file) => {
      const input = contentDeck(file);
      const { entries, text } = await renderPackage(input);
      expect(entries[0]!.name).toBe('imsmanifest.xml');
      const manifest = parseXml(text('imsmanifest.xml'));
      expect(manifest.uri).toBe(CP_NS);
      const listed = findAll(manifest, 'file').map((f) => f.attributes.href!);
      const inZip = entries.map((e) => e.name).filter((name) => name !== 'imsmanifest.xml');
      expect(new Set(listed)).toEqual(new Set(inZip));
      const resources = findAll(manifest, 'resource');
      const items = input.deck.sections.flatMap((s) => s.items);
      expect(resources.filter((r) => r.attributes.type === 'imsqti_item_xmlv2p1')).toHaveLength(
        items.length,
      );
      const [test] = resources.filter((r) => r.attributes.type === 'imsqti_test_xmlv2p1');
      expect(findAll(test!, 'dependency').map((d) => d.attributes.identifierref)).toEqual(
        items.map((i) => `item-${i.id}`),
      );
      // Every image an item shows is a file of that item's resource, at the path its src resolves to.
      for (const resource of resources) {
        const href = resource.attributes.href!;
        const own = new Set(findAll(resource, 'file').map((f) => f.attributes.href));
        for (const img of findAll(parseXml(text(href)), 'img')) {
          const target = posix.normalize(posix.join(posix.dirname(href), img.attributes.src!));
          expect(own.has(target), `${href} shows ${target}`).toBe(true);
          expect(inZip).toContain(target);
        }
      }
    },
  );

  it('should package the shipped SVG and keep the image bytes', async () => {
    const input = contentDeck('physics.md');
    const { entries, text } = await renderPackage(input);
    const svg = entries.find((e) => e.name.endsWith('.svg'))!;
    const asset = [...input.assets.values()].find((a) => a.mediaType === 'image/svg+xml')!;
    expect(Buffer.from(svg.bytes).equals(Buffer.from(asset.bytes))).toBe(true);
    const img = findOne(parseXml(text('items/net-force.xml')), 'img');
    expect(img.attributes.src).toBe(`../${svg.name}`);
    expect(img.attributes.alt).toMatch(/^A box on a floor/);
  });

  it('should give two images of the same file name two package paths', async () => {
    const { entries } = await renderPackage(revisionDeckWithImages());
    const images = entries.filter((e) => e.name.startsWith('media/')).map((e) => e.name);
    expect(images).toHaveLength(2);
    expect(new Set(images).size).toBe(2);
  });

  it('should make unsafe image paths safe and unique', async () => {
    const image = (url: string) => ({ type: 'image' as const, url, alt: url, title: null });
    const input = deckInput(
      deck({
        sections: [
          section('s', 'S', [
            flashcard('pics', {
              front: rich(para(image('a b.png'), image('a-b.png'), image('ü/x?.png'))),
            }),
          ]),
        ],
      }),
      'pics',
      ['a b.png', 'a-b.png', 'ü/x?.png'].map((url) => imageAsset(url, png(2, 2))),
    );
    const { entries } = await renderPackage(input);
    const names = entries.filter((e) => e.name.startsWith('media/')).map((e) => e.name);
    expect(names).toHaveLength(3);
    for (const name of names) expect(name).toMatch(/^media\/[\p{L}\p{N}._/-]+$/u);
  });

  it('should show a remote image as a link with its alt text, never as an img', async () => {
    const remote: RichText = rich(
      para({
        type: 'image',
        url: 'https://example.org/chart.png',
        alt: 'Sales chart',
        title: null,
      }),
    );
    const { text } = await renderPackage(
      deckInput(
        deck({ sections: [section('s', 'S', [flashcard('remote', { front: remote })])] }),
        'remote',
      ),
    );
    const item = parseXml(text('items/remote.xml'));
    expect(findAll(item, 'img')).toHaveLength(0);
    const link = findAll(item, 'a').find(
      (a) => a.attributes.href === 'https://example.org/chart.png',
    );
    expect(link?.text).toContain('Sales chart');
  });
});

describe('hostile and unusual text', () => {
  const nasty = 'a < b && c > d ]]> "q" \'s\' \u0001\u0008 ünï 日本語 🗼 {{c1::x}}';
  const hostile: Deck = deck({
    id: 'nasty',
    title: `Deck ${nasty}`,
    sections: [
      section('s', `Section ${nasty}`, [
        choice('nasty-choice', {
          stem: rich(para(text(nasty)), {
            type: 'code',
            lang: 'js',
            value: 'if (a < b && c) { x = "]]>"; }',
          }),
          options: [nasty, 'plain'],
          title: `Title ${nasty}`,
        }),
        shortAnswer('nasty-short', { stem: 'Type it', answers: ['<b>&amp;', 'ÄÖÜ'] }),
        numeric('tiny', {
          stem: 'Tiny',
          answer: numericAnswer(1.5e-7, { kind: 'absolute', tolerance: 1e-8 }),
        }),
        flashcard('empty-back', { front: 'Front only', back: rich() }),
      ]),
    ],
  });

  it('should escape text so that the XML parses and reads back as written', async () => {
    const { text } = await renderPackage(deckInput(hostile, 'nasty'));
    const item = parseXml(text('items/nasty-choice.xml'));
    // Characters XML cannot hold (C0 controls) are dropped; everything else reads back.
    const expected = nasty.replace(/[\u0001\u0008]/g, '');
    expect(item.attributes.title).toBe(`Title ${expected}`);
    expect(findAll(item, 'p')[0]!.text).toBe(expected);
    expect(findOne(item, 'pre').text).toBe('if (a < b && c) { x = "]]>"; }');
    expect(findAll(item, 'simpleChoice')[0]!.text).toBe(expected);
    const test = parseXml(text('assessment-test.xml'));
    expect(test.attributes.title).toBe(`Deck ${expected}`);
    expect(findOne(test, 'assessmentSection').attributes.title).toBe(`Section ${expected}`);
  });

  it.runIf(xmllint.available)(
    'should stay valid QTI with hostile text, tiny numbers and an empty back',
    async () => {
      const { entries } = await renderPackage(deckInput(hostile, 'nasty'));
      const files = entries.filter((e) => e.name.endsWith('.xml') && e.name !== 'imsmanifest.xml');
      expect(
        xmlSchemaErrors(
          files.map((e) => ({ name: e.name, text: e.bytes })),
          QTI_ITEM_SCHEMA,
        ),
      ).toBeNull();
    },
  );

  it('should keep answers that look like markup as plain strings', async () => {
    const { text } = await renderPackage(deckInput(hostile, 'nasty'));
    const keys = findAll(parseXml(text('items/nasty-short.xml')), 'mapEntry').map(
      (e) => e.attributes.mapKey,
    );
    expect(keys).toEqual(['<b>&amp;', 'ÄÖÜ']);
  });

  it('should write very small bounds as XML floats the schema reads', async () => {
    const { text } = await renderPackage(deckInput(hostile, 'nasty'));
    const item = parseXml(text('items/tiny.xml'));
    const min = findOne(item, 'gte').children[1]!.text;
    expect(min).toMatch(/^-?\d+(\.\d+)?(e-?\d+)?$/);
    expect(Number(min)).toBeCloseTo(1.4e-7, 15);
  });

  it('should never write an author script, handler or javascript: link', async () => {
    const { entries } = await renderPackage(deckInput(hostileDeck(), 'hostile'));
    for (const entry of entries.filter((e) => e.name.endsWith('.xml'))) {
      const walk = (element: ReturnType<typeof parseXml>) => {
        expect(['script', 'iframe', 'svg', 'details', 'form', 'button', 'style']).not.toContain(
          element.name,
        );
        for (const [name, value] of Object.entries(element.attributes)) {
          expect(name).not.toMatch(/^on/i);
          expect(value).not.toMatch(/^\s*javascript:/i);
        }
        element.children.forEach(walk);
      };
      walk(parseXml(new TextDecoder().decode(entry.bytes)));
    }
  });
});

describe('options and checks', () => {
  it('should shuffle sections with pinned items fixed, and draw n per section with pinned ones required', async () => {
    const items = [choice('q1'), { ...choice('q2'), pinned: true }, choice('q3')];
    const input = deckInput(
      deck({ sections: [section('s', 'S', items), section('t', 'T', [choice('q4')])] }),
      'opts',
    );
    const plain = parseXml((await renderPackage(input)).text('assessment-test.xml'));
    expect(findAll(plain, 'ordering')).toHaveLength(0);
    expect(findAll(plain, 'selection')).toHaveLength(0);
    const test = parseXml(
      (await renderPackage(input, { shuffleItems: true, select: 2 })).text('assessment-test.xml'),
    );
    const [s, t] = findAll(test, 'assessmentSection');
    expect(findOne(s!, 'ordering').attributes.shuffle).toBe('true');
    expect(findOne(s!, 'selection').attributes.select).toBe('2');
    // A section smaller than the selection draws all it has.
    expect(findOne(t!, 'selection').attributes.select).toBe('1');
    const refs = findAll(s!, 'assessmentItemRef');
    expect(
      refs.map((r) => [r.attributes.identifier, r.attributes.fixed, r.attributes.required]),
    ).toEqual([
      ['item-q1', undefined, undefined],
      ['item-q2', 'true', 'true'],
      ['item-q3', undefined, undefined],
    ]);
    const problems = await qtiDescriptor.check!(
      input,
      { select: 2 },
      { sourceDateEpoch: 0, lastChange: 0 },
    );
    expect(problems).toEqual([
      expect.objectContaining({ ruleId: 'qti-select-larger-than-section', item: 'q4' }),
    ]);
  });

  it('should parse its flags into options', () => {
    expect(qtiDescriptor.options.parse({ shuffleItems: true, select: 3 })).toEqual({
      shuffleItems: true,
      select: 3,
    });
    expect(() => qtiDescriptor.options.parse({ select: 0 })).toThrow();
    expect(qtiDescriptor.flags.map((f) => [f.name, f.kind])).toEqual([
      ['qti-shuffle-items', 'switch'],
      ['qti-select', 'integer'],
    ]);
  });

  it('should report author HTML tags it drops, and none for sub, sup, kbd and ruby', async () => {
    const problems = await qtiDescriptor.check!(
      deckInput(hostileDeck(), 'hostile'),
      {},
      { sourceDateEpoch: 0, lastChange: 0 },
    );
    const html = problems.filter((p) => p.ruleId === 'qti-html-as-text');
    expect(html.some((p) => /<iframe>/.test(p.message))).toBe(true);
    // One warning per item, naming each dropped tag once.
    expect(new Set(html.map((p) => p.item)).size).toBe(html.length);
    for (const problem of html) {
      const tags = problem.message.match(/<\w+>/g) ?? [];
      expect(new Set(tags).size).toBe(tags.length);
    }
    for (const file of CONTENT_DECKS)
      expect(
        await qtiDescriptor.check!(contentDeck(file), {}, { sourceDateEpoch: 0, lastChange: 0 }),
      ).toEqual([]);
  });
});

describe('determinism', () => {
  it('should give the same bytes for the same deck, whatever the order of its assets', async () => {
    const input = deckInput(everyTypeDeck(), 'every', [pixelImage()]);
    const reversed = { ...input, assets: new Map([...input.assets].reverse()) };
    const render = async (deckIn: typeof input) =>
      (await qtiRenderer.render({ decks: [deckIn], options: {}, sourceDateEpoch: 1 }))[0]!.bytes;
    const first = await render(input);
    expect(Buffer.from(await render(input)).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(await render(reversed)).equals(Buffer.from(first))).toBe(true);
    // No clock: another source date gives the same package.
    const later = (
      await qtiRenderer.render({ decks: [input], options: {}, sourceDateEpoch: 2e9 })
    )[0]!.bytes;
    expect(Buffer.from(later).equals(Buffer.from(first))).toBe(true);
  });

  it('should render every deck of a request independently, one package each', async () => {
    const a = contentDeck('mlops.md');
    const b = contentDeck('physics.md');
    const both = await qtiRenderer.render({ decks: [a, b], options: {}, sourceDateEpoch: 1 });
    const alone = await qtiRenderer.render({ decks: [b], options: {}, sourceDateEpoch: 1 });
    expect(both.map((f) => f.path)).toEqual(['mlops.qti.zip', 'physics.qti.zip']);
    expect(Buffer.from(both[1]!.bytes).equals(Buffer.from(alone[0]!.bytes))).toBe(true);
    expect(both[0]!.label).toMatch(/QTI 2\.1/);
  });
});
