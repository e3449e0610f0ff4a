import {
  deckInput,
  everyTypeDeck,
  hostileDeck,
  IMS_CP_SCHEMA,
  pixelImage,
  QTI_ITEM_SCHEMA,
  revisionDeckWithImages,
  systemTool,
  xmlSchemaErrors,
} from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { CONTENT_DECKS, contentDeck, renderPackage } from './qti-support.js';

// The core test: every QTI file of every deck validates against the IMS
// XSDs with libxml2 (one xmllint call per schema, batched over all decks).

const xmllint = systemTool('xmllint', 'libxml2-utils');

const decks = async () => [
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
    // 4 content decks and 3 test decks: an item file per item, a test per deck.
    expect(manifests).toHaveLength(CONTENT_DECKS.length + 3);
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
