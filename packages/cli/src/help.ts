import { DEFAULT_REGISTRY, type RendererRegistry } from '@quizmark/pipeline';
import { VERSION } from './version.js';

export const MAIN_HELP = `quizmark ${VERSION}: quiz and flashcard decks in Markdown, rendered to ${DEFAULT_REGISTRY.formats.join(', ')}

Usage: quizmark <command> [options]

Commands:
  init                     write a starter deck and quizmark.config.json here
  build <files|folders…>   render decks and exams into --out (${DEFAULT_REGISTRY.formats.join(', ')})
  watch <files|folders…>   build, then rebuild what changed on every save
  check <files|folders…>   report problems in decks and exams; exit 1 on errors
  rules                    list every rule check and build report
  schema [deck|exam]       print the JSON Schema of a deck, or of an exam file

Options:
  -h, --help               show help (also after a command)
  -v, --version            show the version

Run \`quizmark <command> --help\` for the options of a command.

An exam file (*.exam.yaml) draws questions from decks into one exam, built
like a deck: \`quizmark build midterm.exam.yaml --out dist\`.

A quizmark.config.json in the working folder gives the content folders,
--out, the formats and each format's options; flags override it.
`;

export const INIT_HELP = `Usage: quizmark init

Writes a starter deck, content/first-deck.md (one of every main construct),
and a project file, quizmark.config.json (content, out, formats, options),
in the working folder. Refuses, writing nothing, when either exists.
Then \`quizmark check\` and \`quizmark build\` need no arguments.
`;

/** Help lines of every format's flags, from the renderer descriptors. */
function formatHelp(registry: RendererRegistry): string {
  return registry.descriptors
    .filter((descriptor) => descriptor.flags.length > 0)
    .map((descriptor) => {
      const lines = descriptor.flags.map((flag) =>
        helpLine(`--${flag.name}${flag.value ? ` ${flag.value}` : ''}`, flag.help),
      );
      return `${descriptor.format.toUpperCase()}:\n${lines.join('')}`;
    })
    .join('\n');
}

/** `      --flag <value>     help`, wrapped under its column when long. */
function helpLine(flag: string, help: string, indent = 6): string {
  const column = 27;
  const name = `${' '.repeat(indent)}${flag}`;
  const words = help.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && column + line.length + word.length > 88) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  const first =
    name.length >= column - 1 ? `${name}\n${' '.repeat(column - 1)}` : name.padEnd(column - 1);
  return `${first} ${lines.join(`\n${' '.repeat(column)}`)}\n`;
}

function formatList(registry: RendererRegistry): string {
  return registry.descriptors
    .map((descriptor) => helpLine(descriptor.format, descriptor.summary, 2))
    .join('');
}

export function buildHelp(registry: RendererRegistry = DEFAULT_REGISTRY): string {
  return `Usage: quizmark build <files|folders…> --out <dir> [options]

Renders every deck (*.md; README.md and _*.md are skipped) and every exam
file (*.exam.yaml: questions drawn from decks, by section, tag, type and
difficulty) into --out. An exam's outputs are named after it
(exams/midterm.exam.yaml gives exams/midterm.quiz.pdf…); the options it sets
(PDF versions, seed, answer sheet) apply to its outputs only, over flags and
the project file. No Anki files are written for an exam (a warning says so).
Nothing is written when a deck has errors; outputs are replaced atomically.
Ctrl-C before writing has begun leaves --out as it was (exit code 130).

Options:
  -o, --out <dir>          output folder (required; not the content folder itself)
  -f, --format <list>      comma-separated: ${registry.formats.join(', ')};
                           all (${registry.group('all').join(', ')}, the default) and
                           lms (${registry.group('lms').join(', ')}) name several
  -q, --quiet              print nothing but errors
      --verbose            also print what came from the cache and every file
      --workers <n>        worker threads (default: one per core for large builds)
      --no-cache           build cold: neither read nor write the cache
  -h, --help               show this help

Formats:
${formatList(registry)}
${formatHelp(registry)}
Environment:
  SOURCE_DATE_EPOCH        date stamped into outputs (default: newest source file)
  QUIZMARK_CACHE_DIR       cache folder (default: node_modules/.cache/quizmark when
                           the working folder has node_modules, else .quizmark-cache)
`;
}

export const WATCH_HELP = `Usage: quizmark watch <files|folders…> --out <dir> [options]

Builds like \`quizmark build\`, then watches the inputs and rebuilds on every
save: only the decks that changed are parsed and rendered again, and the
exams that draw from them. A deck with
errors is reported and its last good outputs stay; outputs of a deleted or
renamed deck are removed. Saves that replace the file (editors' "safe
write", \`sed -i\`, backup copies) are seen like any other. Takes every
option of \`quizmark build\`.

A watched folder that is moved or deleted is reported ("content folder …
is gone; waiting for it to come back"): its outputs stay, and it is built
again when it is back.

Ctrl-C (or SIGTERM) stops a build under way before it writes, the first
build included, and exits 130 with --out as it was; between builds it ends
the watch with exit code 0.
`;

export function checkHelp(registry: RendererRegistry = DEFAULT_REGISTRY): string {
  return `Usage: quizmark check <files|folders…> [options]

Runs every check that \`quizmark build\` runs for the same formats and
options, on decks and exam files (*.exam.yaml: a blueprint that cannot be
met says how many questions there are), without rendering or writing, and
prints each problem as
  file:line:col  severity  message  rule-id
then a summary. Exits 1 when there is an error, 0 otherwise.
\`quizmark rules\` lists every rule.

Options:
  -f, --format <list>      the formats whose checks to run: ${registry.formats.join(', ')},
                           all or lms (default: all, as for build)
      --reporter <name>    text (default) | json (an array of diagnostics)
  -h, --help               show this help

Format options change what is checked (a PDF selection that matches nothing):
${formatHelp(registry)}`;
}

export const RULES_HELP = `Usage: quizmark rules [--reporter text|json|markdown]

Lists every rule quizmark reports, from the parser, the pipeline and each
output format: id, severity, who reports it, what it means, and an example.
`;

export const SCHEMA_HELP = `Usage: quizmark schema [deck|exam]

Prints a JSON Schema (draft 2020-12): \`deck\` (the default), the one every
JSON output validates against; \`exam\`, the one of exam files (*.exam.yaml),
for editors.
`;
