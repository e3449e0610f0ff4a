import { describe, expect, it } from 'vitest';
import * as descriptorModule from '../src/descriptor.js';
import * as api from '../src/index.js';

describe('@quizmark/render-qti', () => {
  it('should expose the public api', () => {
    expect(Object.keys(api).sort()).toEqual([
      'QtiOptionsSchema',
      'qtiDescriptor',
      'qtiPackage',
      'qtiPackageEntries',
      'qtiRenderer',
    ]);
    expect(Object.keys(descriptorModule).sort()).toEqual(['QtiOptionsSchema', 'qtiDescriptor']);
  });

  it('should load its renderer only when asked', async () => {
    expect(await api.qtiDescriptor.load()).toBe(api.qtiRenderer);
    expect(api.qtiDescriptor).toMatchObject({ format: 'qti', family: 'lms', collection: false });
  });
});
