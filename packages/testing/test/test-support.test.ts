import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { DeckSchema } from '@quizmark/model';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import {
  choice,
  deckOf,
  everyTypeDeck,
  explain,
  flashcard,
  generateCorpus,
  hostileDeck,
  png,
  readZip,
  revisionDeck,
  revisionDeckWithImages,
  rich,
  seededRandom,
  selfCheckDeck,
} from '../src/index.js';

/** A zip of stored (uncompressed) entries, written by hand so the reader is tested on its own. */
function storedZip(entries: Array<[string, string]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

describe('@quizmark/testing test support', () => {
  it('should expose the public api', () => {
    expect(Object.keys(api).sort()).toEqual([
      'IMS_CP_SCHEMA',
      'QTI_ITEM_SCHEMA',
      'blank',
      'browserAvailable',
      'choice',
      'chromiumPath',
      'cloze',
      'code',
      'collectionRequest',
      'crc32',
      'deck',
      'deckInput',
      'deckOf',
      'everyTypeDeck',
      'explain',
      'findExecutable',
      'flashcard',
      'generateCorpus',
      'hostileDeck',
      'imageAsset',
      'launchBrowser',
      'matching',
      'numeric',
      'numericAnswer',
      'ordering',
      'para',
      'pixelImage',
      'png',
      'pngChunk',
      'pngFile',
      'readZip',
      'revisionDeck',
      'revisionDeckInput',
      'revisionDeckWithImages',
      'rich',
      'runTool',
      'section',
      'seededRandom',
      'selfCheckDeck',
      'shortAnswer',
      'systemTool',
      'text',
      'trueFalse',
      'xmlSchemaErrors',
      'xmlWellFormedErrors',
    ]);
  });

  it('should build decks the model schema accepts, sample decks included', () => {
    const built = deckOf({
      Cards: [flashcard('c1', { level: 'beginner' })],
      Quiz: [choice('q1', { correct: [0, 2], pinnedOptions: [3] })],
      Talk: [explain('x1')],
    });
    for (const deck of [
      built,
      revisionDeck(),
      revisionDeckWithImages().deck,
      selfCheckDeck(),
      hostileDeck(),
      everyTypeDeck(),
    ])
      expect(DeckSchema.safeParse(deck).error).toBeUndefined();
  });

  it('should default text from the id and take the title from the first paragraph, as the parser does', () => {
    const card = flashcard('c1');
    expect([card.title, card.front.markdown, card.back.markdown]).toEqual([
      'Question c1',
      'Question c1',
      'Answer c1',
    ]);
    const question = choice('q1', {
      stem: rich('Pick one', { type: 'code', lang: 'js', value: 'x' }),
      correct: [1, 2],
    });
    expect(question.title).toBe('Pick one');
    expect(
      question.options.map((option) => [option.key, option.text.markdown, option.correct]),
    ).toEqual([
      ['a', 'q1 one', false],
      ['b', 'q1 two', true],
      ['c', 'q1 three', true],
      ['d', 'q1 four', false],
    ]);
    expect(question.multiple).toBe(true);
    expect(choice('q2').multiple).toBe(false);
    expect(deckOf({ 'Recall & Review': [] }).sections[0]!.id).toBe('recall & review');
  });

  it('should build a fresh sample deck on every call', () => {
    const first = revisionDeck();
    first.sections[0]!.items.pop();
    expect(revisionDeck().sections[0]!.items).toHaveLength(2);
  });

  it('should give the same numbers for the same seed (mulberry32)', () => {
    const next = seededRandom(1);
    const numbers = Array.from({ length: 3 }, next);
    expect(numbers.map((n) => n.toFixed(10))).toEqual([
      '0.6270739406',
      '0.0027357212',
      '0.5274470400',
    ]);
    expect(Array.from({ length: 3 }, seededRandom(1))).toEqual(numbers);
    expect(seededRandom(2)()).not.toBe(numbers[0]);
  });

  it('should generate the same corpus bytes for the same seed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quizmark-corpus-'));
    try {
      const read = (name: string) =>
        readdirSync(join(dir, name)).map((file) => readFileSync(join(dir, name, file), 'utf8'));
      const first = generateCorpus(join(dir, 'a'), { questions: 60, files: 3, seed: 7 });
      generateCorpus(join(dir, 'b'), { questions: 60, files: 3, seed: 7 });
      generateCorpus(join(dir, 'c'), { questions: 60, files: 3, seed: 8 });
      expect(read('a')).toHaveLength(3);
      expect(read('a')).toEqual(read('b'));
      expect(read('a')).not.toEqual(read('c'));
      expect(first.bytes).toBe(read('a').reduce((sum, text) => sum + Buffer.byteLength(text), 0));
      expect(read('a').join('').match(/^### /gm)).toHaveLength(60);
      // The science flavour adds math and Japanese to the same mix; the plain one has neither.
      generateCorpus(join(dir, 's'), { questions: 60, files: 3, seed: 7, flavour: 'science' });
      const science = read('s').join('');
      expect(science.match(/^### /gm)).toHaveLength(60);
      expect(science).toMatch(/\$[^$\n]+\$/);
      expect(science).toMatch(/^\$\$$/m);
      expect(science).toMatch(/\p{Script=Han}|\p{Script=Katakana}/u);
      expect(read('a').join('')).not.toMatch(/\$|\p{Script=Han}|\p{Script=Katakana}/u);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('should read every zip entry and refuse a corrupted one', () => {
    const zip = storedZip([
      ['media', '{}'],
      ['collection.anki2', 'sqlite bytes'],
    ]);
    expect(readZip(zip).map(({ name, bytes }) => [name, Buffer.from(bytes).toString()])).toEqual([
      ['media', '{}'],
      ['collection.anki2', 'sqlite bytes'],
    ]);
    const corrupted = Buffer.from(zip);
    corrupted[30 + 'media'.length] = '['.charCodeAt(0);
    expect(() => readZip(corrupted)).toThrow('crc mismatch for media');
    expect(() => readZip(Buffer.from('not a zip'))).toThrow(/no end of central directory/);
  });

  it('should make a valid PNG of the given size and colour', () => {
    const bytes = Buffer.from(png(3, 2, [1, 2, 3]));
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([3, 2]);
    const idat = bytes.indexOf('IDAT');
    const pixels = inflateSync(bytes.subarray(idat + 4, idat + 4 + bytes.readUInt32BE(idat - 4)));
    expect([...pixels]).toEqual([0, 1, 2, 3, 1, 2, 3, 1, 2, 3, 0, 1, 2, 3, 1, 2, 3, 1, 2, 3]);
  });
});
