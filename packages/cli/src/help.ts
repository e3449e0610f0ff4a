import { readFileSync } from 'node:fs';

/** The CLI's version, read from its package.json (same path from src/ and dist/). */
export const VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

export const MAIN_HELP = `quizmark ${VERSION}: quiz and flashcard decks in Markdown, rendered to JSON, HTML, Anki and PDF

Usage: quizmark <command> [options]

Commands:
  build <files|folders…>   render decks into --out (json, html, anki, pdf)
  watch <files|folders…>   build, then rebuild what changed on every save
  check <files|folders…>   report problems in decks; exit 1 on errors
  schema                   print the JSON Schema of a deck

Options:
  -h, --help               show help (also after a command)
  -v, --version            show the version

Run \`quizmark <command> --help\` for the options of a command.
`;

export const BUILD_HELP = `Usage: quizmark build <files|folders…> --out <dir> [options]

Renders every deck (*.md; README.md and _*.md are skipped) into --out.
Nothing is written when a deck has errors; outputs are replaced atomically.
Ctrl-C before writing has begun leaves --out as it was (exit code 130).

Options:
  -o, --out <dir>          output folder (required; not inside the content folder)
  -f, --format <list>      comma-separated: json, html, anki, pdf, or all (default: all)
  -q, --quiet              print nothing but errors
      --verbose            also print what came from the cache and every file
      --workers <n>        worker threads (default: one per core for large builds)
      --no-cache           build cold: neither read nor write the cache
  -h, --help               show this help

HTML:
      --view <view>        study | answers | both (default: both: <deck>.html and
                           <deck>.answers.html)
      --template <dir>     your handlebars templates, overriding the defaults by name

Anki:
      --no-anki-text       do not write the Anki text import (<deck>.anki.txt)

PDF:
      --paper <size>       a4 | letter (default: a4)
      --versions <n>       write n versions (A, B, …) with shuffled order (default: 1)
      --seed <text>        seed for shuffling and selection (default: quizmark)
      --type <type>        only items of this type (flashcard, choice, explain); repeatable
      --tag <tag>          only items with this tag; repeatable
      --level <level>      only items of this level; repeatable
      --difficulty <d>     only items of this difficulty; repeatable
      --count <n>          pick n items, mixed evenly across difficulties

Environment:
  SOURCE_DATE_EPOCH        date stamped into outputs (default: newest source file)
  QUIZMARK_CACHE_DIR       cache folder (default: node_modules/.cache/quizmark when
                           the working folder has node_modules, else .quizmark-cache)
`;

export const WATCH_HELP = `Usage: quizmark watch <files|folders…> --out <dir> [options]

Builds like \`quizmark build\`, then watches the inputs and rebuilds on every
save: only the decks that changed are parsed and rendered again. A deck with
errors is reported and its last good outputs stay; outputs of a deleted or
renamed deck are removed. Takes every option of \`quizmark build\`.
Stop with Ctrl-C.
`;

export const CHECK_HELP = `Usage: quizmark check <files|folders…> [options]

Parses every deck and prints its problems as
  file:line:col  severity  message  rule-id
then a summary. Exits 1 when there is an error, 0 otherwise.

Options:
      --reporter <name>    text (default) | json (an array of diagnostics)
  -h, --help               show this help
`;

export const SCHEMA_HELP = `Usage: quizmark schema

Prints the JSON Schema (draft 2020-12) that every JSON output validates against.
`;
