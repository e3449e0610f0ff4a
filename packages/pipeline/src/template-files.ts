import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The HTML renderer's own templates sit beside its code (`templates/`);
// found from its light descriptor entry, so no renderer code is loaded.
const defaultTemplateDir = () =>
  fileURLToPath(new URL('../templates/', import.meta.resolve('@quizmark/render-html/descriptor')));

/**
 * Files of a `--template` folder the HTML renderer never uses: names that
 * are neither one of its templates (`page.hbs`, `index.hbs`, a partial,
 * `style.css`, `script.js`) nor a new partial that some template calls.
 * Such a file is most often a misspelt override, which would be ignored
 * without a word.
 */
export function unusedTemplateFiles(templateDir: string): string[] {
  if (!existsSync(templateDir) || !statSync(templateDir).isDirectory()) return [];
  const defaults = new Set(readdirSync(defaultTemplateDir()));
  const own = readdirSync(templateDir).filter(
    (name) => !name.startsWith('.') && statSync(join(templateDir, name)).isFile(),
  );
  // Every template that takes part, the user's first: their partial calls make new partials used.
  const templates = [
    ...own.filter((name) => name.endsWith('.hbs')).map((name) => join(templateDir, name)),
    ...[...defaults]
      .filter((name) => name.endsWith('.hbs') && !own.includes(name))
      .map((name) => join(defaultTemplateDir(), name)),
  ];
  const called = new Set<string>();
  for (const path of templates)
    for (const match of readFileSync(path, 'utf8').matchAll(/\{\{~?#?>\s*([\w./-]+)/g))
      called.add(match[1]!);
  return own
    .filter(
      (name) =>
        !defaults.has(name) && !(name.endsWith('.hbs') && called.has(basename(name, '.hbs'))),
    )
    .sort();
}
