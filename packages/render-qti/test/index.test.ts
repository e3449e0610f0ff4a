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
      'xmlFloat',
    ]);
    expect(Object.keys(descriptorModule).sort()).toEqual(['QtiOptionsSchema', 'qtiDescriptor']);
  });

  it('should load its renderer only when asked', async () => {
    expect(await api.qtiDescriptor.load()).toBe(api.qtiRenderer);
    expect(api.qtiDescriptor).toMatchObject({ format: 'qti', family: 'lms', collection: false });
  });

  it('should write floats as the model formats them, in XML Schema syntax', () => {
    expect(api.xmlFloat(9.81 - 0.05)).toBe('9.76');
    expect(api.xmlFloat(-1.5e-7)).toBe('-1.5e-7');
    expect(api.xmlFloat(2.5e21)).toBe('2.5e21');
    expect(api.xmlFloat(0)).toBe('0');
  });
});
