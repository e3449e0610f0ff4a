import { unusedTemplateFiles } from '@quizmark/pipeline';
import type { Io } from './io.js';
import { shown } from './report.js';

/**
 * Warns about files in the `--template` folder that the HTML pages never
 * use (a misspelt override is otherwise ignored without a word).
 */
export function warnUnusedTemplates(
  options: { formats?: readonly string[]; formatOptions?: object },
  io: Io,
): void {
  const html = (options.formatOptions as { html?: { templateDir?: unknown } } | undefined)?.html;
  if (!options.formats?.includes('html') || typeof html?.templateDir !== 'string') return;
  const unused = unusedTemplateFiles(html.templateDir);
  if (unused.length === 0) return;
  io.stderr(
    `quizmark: warning: --template folder has files no page uses: ${unused.map(shown).join(', ')} ` +
      '(a template replaces the default of the same name: page.hbs, index.hbs, a partial such as item-title.hbs, style.css, script.js; a new partial must be called by a template)\n',
  );
}
