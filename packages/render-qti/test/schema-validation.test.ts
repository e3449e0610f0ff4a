import type { Block, Inline } from '@quizmark/model';
import {
  blank,
  choice,
  cloze,
  code,
  deck,
  deckInput,
  everyTypeDeck,
  flashcard,
  hostileDeck,
  IMS_CP_SCHEMA,
  para,
  pixelImage,
  QTI_ITEM_SCHEMA,
  revisionDeckWithImages,
  rich,
  section,
  systemTool,
  text,
  xmlSchemaErrors,
} from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { CONTENT_DECKS, contentDeck, renderPackage } from './qti-support.js';

// The core test: every QTI file of every deck validates against the IMS
// XSDs with libxml2 (one xmllint call per schema, batched over all decks).

const xmllint = systemTool('xmllint', 'libxml2-utils');

/** Every rich-text construct, an empty section and empty parts: what QTI's XHTML subset must hold. */
function constructsDeck() {
  const image = (url: string): Inline => ({
    type: 'image',
    url,
    alt: `alt of ${url}`,
    title: 'a title',
  });
  const link = (url: string, ...children: Inline[]): Inline => ({
    type: 'link',
    url,
    title: null,
    children,
  });
  const blocks: Block[] = [
    {
      type: 'heading',
      depth: 1,
      children: [text('Heading '), { type: 'emphasis', children: [text('em')] }],
    },
    { type: 'heading', depth: 6, children: [text('Deep heading')] },
    para(
      { type: 'strong', children: [text('strong')] },
      { type: 'delete', children: [text('struck')] },
      { type: 'inlineCode', value: 'a < b' },
      { type: 'break' },
      link('https://example.org', text('link with '), image('https://example.org/x.png')),
      link('javascript:alert(1)', text('bad link')),
      image('img/pixel.png'),
      { type: 'html', value: '<sub>' },
      text('2'),
      { type: 'html', value: '</sub>' },
      { type: 'html', value: '<b onclick="x()">unclosed' },
    ),
    code('python', 'print("<&>")'),
    { type: 'code', lang: null, value: '' },
    {
      type: 'list',
      ordered: true,
      start: 3,
      children: [
        { type: 'listItem', checked: true, children: [para('done')] },
        {
          type: 'listItem',
          checked: false,
          children: [
            para('todo'),
            {
              type: 'list',
              ordered: false,
              start: null,
              children: [{ type: 'listItem', checked: null, children: [para('nested')] }],
            },
          ],
        },
      ],
    },
    { type: 'blockquote', children: [para('quoted'), { type: 'math', value: 'E = mc^2' }] },
    { type: 'thematicBreak' },
    { type: 'html', value: '<div><p>block <kbd>html</kbd></p><script>x()</script></div>' },
    { type: 'html', value: '<!-- a comment only -->' },
    {
      type: 'table',
      align: ['left', null],
      children: [
        {
          type: 'tableRow',
          children: [
            { type: 'tableCell', children: [text('H1')] },
            { type: 'tableCell', children: [text('H2')] },
          ],
        },
        {
          type: 'tableRow',
          children: [
            { type: 'tableCell', children: [text('a')] },
            { type: 'tableCell', children: [{ type: 'inlineMath', value: 'x^2' }] },
          ],
        },
      ],
    },
    {
      type: 'table',
      align: [null],
      children: [
        { type: 'tableRow', children: [{ type: 'tableCell', children: [text('one row')] }] },
      ],
    },
  ];
  return deckInput(
    deck({
      id: 'constructs',
      description: rich(...blocks),
      sections: [
        section('empty', 'Empty section', []),
        section('all', 'All constructs', [
          flashcard('everything', { front: rich(...blocks), back: rich() }),
          {
            ...cloze('blanks-everywhere'),
            text: rich(
              { type: 'heading', depth: 2, children: [text('In a heading '), blank(1, 'one')] },
              para({
                type: 'emphasis',
                children: [text('emphasised '), blank(2, 'two', 'a hint')],
              }),
              {
                type: 'list',
                ordered: false,
                start: null,
                children: [
                  { type: 'listItem', checked: null, children: [para(blank(3, 'three'))] },
                ],
              },
              {
                type: 'table',
                align: [null],
                children: [
                  { type: 'tableRow', children: [{ type: 'tableCell', children: [text('head')] }] },
                  {
                    type: 'tableRow',
                    children: [{ type: 'tableCell', children: [blank(1, 'one')] }],
                  },
                ],
              },
            ),
          },
          choice('pinned', {
            options: ['a', 'b', 'All of the above'],
            pinnedOptions: [2],
            shuffle: false,
          }),
        ]),
      ],
    }),
    'constructs',
    [pixelImage()],
  );
}

const decks = async () => [
  constructsDeck(),
  // A deck without sections still needs a section in its test part.
  deckInput(deck({ id: 'no-sections', sections: [] }), 'no-sections'),
  ...CONTENT_DECKS.map(contentDeck),
  deckInput(everyTypeDeck(), 'every-type', [pixelImage()]),
  deckInput(hostileDeck(), 'hostile'),
  revisionDeckWithImages(),
];

describe.runIf(xmllint.available)('IMS schemas', () => {
  it('should validate every item, test and manifest of the shipped and test decks', async () => {
    const qti: Array<{ name: string; text: Uint8Array }> = [];
    const manifests: Array<{ name: string; text: Uint8Array }> = [];
    for (const input of await decks()) {
      const { entries } = await renderPackage(input);
      for (const entry of entries) {
        const name = `${input.name}-${entry.name}`;
        if (entry.name === 'imsmanifest.xml') manifests.push({ name, text: entry.bytes });
        else if (entry.name.endsWith('.xml')) qti.push({ name, text: entry.bytes });
      }
    }
    // The content decks and 5 test decks: an item file per item, a test per deck.
    expect(manifests).toHaveLength(CONTENT_DECKS.length + 5);
    expect(qti.length).toBeGreaterThan(40);
    expect(xmlSchemaErrors(qti, QTI_ITEM_SCHEMA)).toBeNull();
    expect(xmlSchemaErrors(manifests, IMS_CP_SCHEMA)).toBeNull();
  });

  it('should validate with selection and shuffled order', async () => {
    const { entries } = await renderPackage(contentDeck('physics.md'), {
      shuffleItems: true,
      select: 2,
    });
    const test = entries.filter((entry) => entry.name === 'assessment-test.xml');
    expect(test).toHaveLength(1);
    expect(
      xmlSchemaErrors([{ name: 'test.xml', text: test[0]!.bytes }], QTI_ITEM_SCHEMA),
    ).toBeNull();
  });
});
