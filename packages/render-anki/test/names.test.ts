import type { Asset } from '@quizmark/model';
import { flashcard, png, revisionDeck } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import {
  fieldChecksum,
  mediaFileName,
  normalizeAnkiTag,
  normalizeDeckName,
  noteTags,
  stripFieldHtml,
} from '../src/index.js';

const asset = (path: string, bytes: Uint8Array): Asset => ({
  url: path,
  path,
  mediaType: 'image/png',
  bytes,
});

describe('normalizeAnkiTag', () => {
  it('should replace spaces, which separate Anki tags, with underscores', () => {
    expect(normalizeAnkiTag('machine learning')).toBe('machine_learning');
    expect(normalizeAnkiTag('  Data \t Ops  ')).toBe('Data_Ops');
  });

  it('should keep :: as hierarchy and drop empty levels, quotes and control characters', () => {
    expect(normalizeAnkiTag('course :: week 1 ::')).toBe('course::week_1');
    expect(normalizeAnkiTag('say "hi"\u0007')).toBe('say_hi');
    expect(normalizeAnkiTag(' :: ')).toBeNull();
  });

  it('should give a note the deck tags, its own tags and quizmark level and difficulty tags, deduplicated', () => {
    const deck = revisionDeck();
    deck.tags = ['MLOps', 'dev ops'];
    const item = flashcard('x', {
      front: 'Q',
      back: 'A',
      tags: ['mlops', 'Zeta'],
      level: 'intermediate',
      difficulty: 'hard',
    });
    expect(noteTags(deck, item)).toEqual([
      'dev_ops',
      'MLOps',
      'quizmark::difficulty::hard',
      'quizmark::level::intermediate',
      'Zeta',
    ]);
  });

  it('should give every note a tag list of its own, even for the same tags', () => {
    const deck = revisionDeck();
    const one = flashcard('one', { front: 'Q', back: 'A', tags: ['a b', 'A_B'] });
    const two = flashcard('two', { front: 'Q', back: 'A', tags: ['a b', 'A_B'] });
    const first = noteTags(deck, one);
    first.push('changed');
    expect(noteTags(deck, two)).toEqual([...first.slice(0, -1)]);
    expect(noteTags(deck, two)).not.toContain('changed');
    // Lists that join to the same text are still told apart.
    const split = flashcard('three', { front: 'Q', back: 'A', tags: ['x', 'y'] });
    const joined = flashcard('four', { front: 'Q', back: 'A', tags: ['x\u0000y'] });
    expect(noteTags(deck, split)).toContain('y');
    expect(noteTags(deck, joined)).toContain('xy');
  });
});

describe('normalizeDeckName', () => {
  it('should collapse whitespace and trim each :: level', () => {
    expect(normalizeDeckName('  Courses ::  MLOps   basics ')).toBe('Courses::MLOps basics');
    expect(normalizeDeckName('A::::B')).toBe('A::B');
    expect(normalizeDeckName('The "best" deck\tever')).toBe('The best deck ever');
  });
});

describe('mediaFileName', () => {
  it('should name media by file name and content hash, so same-named images never collide', () => {
    const blue = png(4, 4, [0, 0, 255]);
    const red = png(4, 4, [255, 0, 0]);
    const a = mediaFileName(asset('content/a/diagram.png', blue));
    const b = mediaFileName(asset('content/b/diagram.png', red));
    expect(a).toMatch(/^diagram-[0-9a-f]{8}\.png$/);
    expect(b).toMatch(/^diagram-[0-9a-f]{8}\.png$/);
    expect(a).not.toBe(b);
    // The same bytes under another path are the same media file.
    expect(mediaFileName(asset('content/c/diagram.png', blue))).toBe(a);
  });

  it('should keep only characters that are safe in a media folder', () => {
    expect(mediaFileName(asset('img/My Diagram (v2)!.PNG', png(1, 1, [0, 0, 0])))).toMatch(
      /^My-Diagram-v2-[0-9a-f]{8}\.png$/,
    );
    expect(mediaFileName(asset('img/../..', png(1, 1, [0, 0, 0])))).toMatch(/^image-[0-9a-f]{8}$/);
  });
});

describe('sort field and checksum', () => {
  it('should strip tags and decode entities but keep image file names, like Anki', () => {
    expect(stripFieldHtml('<p>a &lt; b <img src="x-1.png" alt="X"> <code>c</code></p>')).toBe(
      'a < b  x-1.png  c',
    );
    expect(fieldChecksum('<p>abc</p>')).toBe(0xa9993e36);
  });
});
