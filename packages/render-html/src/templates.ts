import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mathStylesheet, scriptFontCss } from '@quizmark/rich-html';
import Handlebars from 'handlebars';
import { codeStylesheet } from './code-stylesheet.js';
import { contentSecurityPolicy } from './content-security-policy.js';

/** The templates, partials, `style.css` and `script.js` that ship with the package. */
export const DEFAULT_TEMPLATE_DIR = fileURLToPath(new URL('../templates/', import.meta.url));

/**
 * The study page's scripts, joined in this order into one function that
 * shares a `study` object: the core (data, progress), checks, the mode
 * switcher, Read, each mode, the progress tools, and the start.
 */
const STUDY_SCRIPTS = [
  'study-core.js',
  'check.js',
  'study-modes.js',
  'script.js',
  'mode-flashcards.js',
  'mode-practice.js',
  'mode-test.js',
  'progress-tools.js',
  'study-start.js',
] as const;

/** `style.css`, then the study modes' own rules. */
const STYLESHEETS = [
  'style.css',
  'study-modes.css',
  'mode-flashcards.css',
  'mode-practice.css',
  'mode-test.css',
  'progress-tools.css',
] as const;

/** The two page templates; every other `.hbs` file is a partial named after its file. */
const PAGE_TEMPLATES = ['page.hbs', 'index.hbs'] as const;

type PageName = (typeof PAGE_TEMPLATES)[number];

/** A compiled template set: default files overridden by name from a user folder. */
export interface TemplateSet {
  render(page: PageName, context: object): string;
  /**
   * `style.css` followed by the generated code-highlighting and font rules,
   * and on a page with math the math stylesheet.
   */
  css(withMath: boolean): string;
  /** The study page's script (every `STUDY_SCRIPTS` file, with ts-fsrs). */
  script: string;
  /** `index.html`'s script: each deck's progress, read from storage. */
  indexScript: string;
  /** A page's Content-Security-Policy: its `css`, and the script it carries if any (hashed once). */
  policy(script: 'study' | 'index' | null, withMath: boolean): string;
}

interface SourceFile {
  name: string;
  path: string;
  text: string;
}

// Compiling is the costly part and reading is cheap, so compiled sets are
// cached by their sources: an edited template (watch mode) is picked up, and
// only the last few sets are kept so a long watch session does not grow.
// The key is the sources themselves, not a hash of them: a build loads the
// set once per deck, and comparing strings costs far less than hashing.
const cache = new Map<string, TemplateSet>();
const CACHE_SIZE = 4;

/** Loads and compiles the templates of `templateDir` (falling back to the defaults per file). */
export function loadTemplates(templateDir?: string): TemplateSet {
  const files = readSources(templateDir);
  let key = '';
  for (const file of files.values()) key += `${file.path}\0${file.text}\0`;
  let set = cache.get(key);
  if (!set) {
    set = compile(files);
    cache.set(key, set);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  return set;
}

function readSources(templateDir: string | undefined): Map<string, SourceFile> {
  const files = new Map<string, SourceFile>();
  const dirs = [DEFAULT_TEMPLATE_DIR];
  if (templateDir !== undefined) {
    const dir = resolve(templateDir);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new Error(`Template folder not found: ${templateDir}`);
    }
    dirs.push(dir);
  }
  // Later folders win: a user's file replaces the default of the same name.
  for (const dir of dirs) {
    const entries = readdirSync(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (!/\.(hbs|css|js)$/.test(entry.name)) continue;
      const path = join(dir, entry.name);
      // The entry's type comes with the listing; only a link needs a stat.
      const isFile = entry.isSymbolicLink() ? statSync(path).isFile() : entry.isFile();
      if (!isFile) continue;
      files.set(entry.name, { name: entry.name, path, text: readFileSync(path, 'utf8') });
    }
  }
  return files;
}

function compile(files: Map<string, SourceFile>): TemplateSet {
  const hb = Handlebars.create();
  const partialNames = new Set(
    [...files.keys()]
      .filter(
        (name) => name.endsWith('.hbs') && !(PAGE_TEMPLATES as readonly string[]).includes(name),
      )
      .map((name) => basename(name, '.hbs')),
  );
  const templates = new Map<string, HandlebarsTemplateDelegate>();
  for (const file of files.values()) {
    if (!file.name.endsWith('.hbs')) continue;
    const ast = parseTemplate(hb, file);
    for (const partial of staticPartials(ast)) {
      if (!partialNames.has(partial)) {
        throw new Error(
          `Template ${file.name} (${file.path}) uses the partial "${partial}", which does not exist: add ${partial}.hbs to the template folder`,
        );
      }
    }
    // preventIndent: an indented `{{> partial}}` must not indent the lines of
    // a <pre> block inside it.
    const template = hb.compile(ast, { preventIndent: true });
    const partial = basename(file.name, '.hbs');
    if (partialNames.has(partial)) hb.registerPartial(partial, template);
    else templates.set(file.name, template);
  }
  const css = [
    ...STYLESHEETS.map((name) => (files.get(name)?.text ?? '').trimEnd()).filter(Boolean),
    codeStylesheet().trimEnd(),
    scriptFontCss('--font', ':root'),
  ].join('\n\n');
  const script = studyScript(files);
  const indexScript = files.get('index.js')?.text.trimEnd() ?? '';
  // Pages with math are the rare ones: their stylesheet and policies are made on first use.
  let mathCss: string | null = null;
  const cssOf = (withMath: boolean) => {
    if (!withMath) return css;
    mathCss ??= `${css}\n${mathStylesheet()}`;
    return mathCss;
  };
  const policies = new Map<string, string>();
  return {
    css: cssOf,
    script,
    indexScript,
    policy(page, withMath) {
      const key = `${page} ${withMath}`;
      let policy = policies.get(key);
      if (policy === undefined) {
        const source = page === 'study' ? script : page === 'index' ? indexScript : null;
        policy = contentSecurityPolicy(cssOf(withMath), source, withMath);
        policies.set(key, policy);
      }
      return policy;
    },
    render(page, context) {
      const template = templates.get(page);
      const file = files.get(page)!;
      if (!template) throw new Error(`Template ${page} is missing`);
      try {
        return template(context, {
          allowProtoPropertiesByDefault: false,
          allowProtoMethodsByDefault: false,
        });
      } catch (error) {
        // Runtime errors (a dynamic partial that does not exist, a helper
        // that throws) come back naming the page template, without a stack.
        throw new Error(`Template ${file.name} (${file.path}) failed: ${messageOf(error)}`);
      }
    },
  };
}

/**
 * The study scripts in one strict function, after ts-fsrs (the scheduler
 * Flashcards uses), which is given a CommonJS `module` so that it defines no
 * global.
 */
function studyScript(files: Map<string, SourceFile>): string {
  const parts = STUDY_SCRIPTS.map((name) => files.get(name)?.text.trimEnd() ?? '').filter(Boolean);
  return [
    '(() => {',
    "'use strict';",
    'const study = {};',
    `study.FSRS = (() => {\nconst module = { exports: {} };\nconst exports = module.exports;\n${fsrsSource()}\nreturn module.exports;\n})();`,
    ...parts,
    '})();',
  ].join('\n');
}

let fsrs: string | null = null;

/** ts-fsrs's browser build with its licence notice, without its source-map comment. */
function fsrsSource(): string {
  if (fsrs === null) {
    // The package exports no subpaths: find its folder through its main file.
    const main = createRequire(import.meta.url).resolve('ts-fsrs');
    const dir = dirname(main);
    const manifest = JSON.parse(readFileSync(join(dir, '..', 'package.json'), 'utf8'));
    const code = readFileSync(join(dir, 'index.umd.js'), 'utf8').replace(
      /\n\/\/# sourceMappingURL=.*\s*$/,
      '',
    );
    fsrs = `/*! ts-fsrs ${manifest.version} | MIT License | Copyright (c) Open Spaced Repetition | https://github.com/open-spaced-repetition/ts-fsrs */\n${code.trimEnd()}`;
  }
  return fsrs;
}

function parseTemplate(hb: typeof Handlebars, file: SourceFile): hbs.AST.Program {
  try {
    return hb.parse(file.text);
  } catch (error) {
    throw new Error(`Template ${file.name} (${file.path}) has a syntax error: ${messageOf(error)}`);
  }
}

/** Names of the partials a template calls by a fixed name (`{{> parts}}`). */
function staticPartials(ast: hbs.AST.Program): string[] {
  const names: string[] = [];
  const visitor = new Handlebars.Visitor();
  const visitPartial = visitor.PartialStatement.bind(visitor);
  // `{{#> name}}…{{/name}}` has fallback content, and `@partial-block` is
  // built in: neither needs a file, so only plain partial calls are checked.
  visitor.PartialStatement = (partial) => {
    if (partial.name.type === 'PathExpression' && !partial.name.original.startsWith('@')) {
      names.push(partial.name.original);
    }
    visitPartial(partial);
  };
  visitor.accept(ast);
  return names;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.trim() : String(error);
}
