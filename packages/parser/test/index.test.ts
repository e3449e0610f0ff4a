import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('@quizmark/parser', () => {
  it('should expose the public api', () => {
    expect(Object.keys(api).sort()).toEqual([
      'RULES',
      'didYouMean',
      'findDuplicateIds',
      'parseDeck',
      'parseRichText',
      'slugify',
    ]);
  });
});
