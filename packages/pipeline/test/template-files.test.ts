import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { unusedTemplateFiles } from '../src/index.js';

const defaultPage = readFileSync(
  fileURLToPath(new URL('../../render-html/templates/page.hbs', import.meta.url)),
  'utf8',
);

describe('unusedTemplateFiles', () => {
  it('should list the files of a template folder that match no template and no called partial', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quizmark-templates-'));
    writeFileSync(join(dir, 'page.hbs'), `${defaultPage}{{> footer}}`);
    writeFileSync(join(dir, 'footer.hbs'), '<footer>Mine</footer>');
    writeFileSync(join(dir, 'style.css'), 'body { color: black }');
    writeFileSync(join(dir, 'item-titel.hbs'), '<h3>{{title}}</h3>');
    writeFileSync(join(dir, 'styles.css'), 'body { color: red }');
    writeFileSync(join(dir, 'index.html'), '<html></html>');
    writeFileSync(join(dir, '.DS_Store'), '');
    expect(unusedTemplateFiles(dir)).toEqual(['index.html', 'item-titel.hbs', 'styles.css']);
  });

  it('should list nothing for a folder of overrides only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quizmark-templates-'));
    writeFileSync(join(dir, 'item-title.hbs'), '<h3>{{title}}</h3>');
    expect(unusedTemplateFiles(dir)).toEqual([]);
  });
});
