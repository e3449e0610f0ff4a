import { describe, expect, it } from 'vitest';
import { quizmarkPackages, toolFingerprint } from '../src/fingerprint.js';

describe('toolFingerprint', () => {
  it('should cover every quizmark package an output depends on, found on disk', () => {
    const packages = quizmarkPackages();
    // Through render-html (rich-html), render-pdf (highlight, math, pdf-svg) and the parser (math).
    for (const name of [
      '@quizmark/pipeline',
      '@quizmark/model',
      '@quizmark/parser',
      '@quizmark/highlight',
      '@quizmark/math',
      '@quizmark/pdf-svg',
      '@quizmark/rich-html',
      '@quizmark/render-json',
      '@quizmark/render-html',
      '@quizmark/render-anki',
      '@quizmark/render-pdf',
    ])
      expect(packages.get(name), name).toMatch(/packages\//);
    expect([...packages.keys()]).toEqual([...packages.keys()].sort());
    expect(packages.has('@quizmark/testing')).toBe(false);
  });

  it('should be the same within a process', () => {
    expect(toolFingerprint()).toMatch(/^[0-9a-f]{32}$/);
    expect(toolFingerprint()).toBe(toolFingerprint());
  });
});
