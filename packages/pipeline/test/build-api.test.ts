import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('@quizmark/pipeline', () => {
  it('should expose the public api', () => {
    expect(Object.keys(api).sort()).toEqual([
      'BuildInterrupted',
      'CONFIG_FILE',
      'ContentCache',
      'DEFAULT_REGISTRY',
      'OptionsError',
      'PIPELINE_RULES',
      'ProjectConfigSchema',
      'RENDERERS',
      'RendererRegistry',
      'UsageError',
      'WorkerPool',
      'buildDecks',
      'checkDecks',
      'checkOutputFolder',
      'defaultCacheDir',
      'defaultWorkerCount',
      'discoverDecks',
      'formatDiagnostics',
      'projectConfigJsonSchema',
      'readProjectConfig',
      'resolveFormats',
      'ruleRegistry',
      'shown',
      'shownLines',
      'sourceDateEpoch',
      'summarize',
      'unusedTemplateFiles',
      'writeOutputs',
    ]);
  });

  it('should list the four formats in build order', () => {
    const registry = api.DEFAULT_REGISTRY;
    expect(registry.formats).toEqual(['json', 'html', 'anki', 'pdf']);
    expect(api.resolveFormats(registry, ['all'])).toEqual(['json', 'html', 'anki', 'pdf']);
    expect(api.resolveFormats(registry, ['pdf,json', 'json'])).toEqual(['pdf', 'json']);
    expect(() => api.resolveFormats(registry, ['docx'])).toThrow(
      /unknown format `docx`: expected one of json, html, anki, pdf or all/,
    );
  });

  it('should take SOURCE_DATE_EPOCH over the sources, and refuse a malformed one', () => {
    expect(api.sourceDateEpoch(1234, {})).toBe(1234);
    expect(api.sourceDateEpoch(1234, { SOURCE_DATE_EPOCH: '99' })).toBe(99);
    expect(() => api.sourceDateEpoch(1234, { SOURCE_DATE_EPOCH: 'yesterday' })).toThrow(
      /whole number of seconds/,
    );
  });
});
