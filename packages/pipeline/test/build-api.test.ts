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
      'examDeckFolders',
      'examJsonSchema',
      'formatDiagnostics',
      'isExamFile',
      'projectConfigJsonSchema',
      'readProjectConfig',
      'resolveFormats',
      'ruleRegistry',
      'shown',
      'shownLines',
      'sourceDateEpoch',
      'summarize',
      'unusedTemplateFiles',
      'warmUp',
      'writeOutputs',
    ]);
  });

  it('should build the four study formats for all and the three LMS exports for lms', () => {
    const registry = api.DEFAULT_REGISTRY;
    expect(registry.formats).toEqual(['json', 'html', 'anki', 'pdf', 'qti', 'moodle', 'gift']);
    expect(api.resolveFormats(registry, ['all'])).toEqual(['json', 'html', 'anki', 'pdf']);
    expect(api.resolveFormats(registry, ['lms'])).toEqual(['qti', 'moodle', 'gift']);
    expect(api.resolveFormats(registry, ['all,LMS'])).toEqual(registry.formats);
    expect(api.resolveFormats(registry, ['gift', 'all'])).toEqual([
      'gift',
      'json',
      'html',
      'anki',
      'pdf',
    ]);
    expect(api.resolveFormats(registry, ['pdf,json', 'json'])).toEqual(['pdf', 'json']);
    expect(() => api.resolveFormats(registry, ['docx'])).toThrow(
      'unknown format `docx`: expected one of json, html, anki, pdf, qti, moodle, gift, all (json, html, anki, pdf) or lms (qti, moodle, gift)',
    );
    expect(() => new api.RendererRegistry([{ ...registry.get('json'), format: 'lms' }])).toThrow(
      'renderer format `lms` is the name of a group of formats',
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
