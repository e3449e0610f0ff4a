import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Asset,
  DeckSchema,
  type Diagnostic,
  ITEM_TYPES,
  type RenderedFile,
} from '@quizmark/model';
import { type ParseResult, parseDeck } from '@quizmark/parser';
import { DEFAULT_REGISTRY } from '@quizmark/pipeline';
import { readZip, systemTool } from '@quizmark/testing';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { parse as parseHtml } from 'parse5';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCliBounded } from '../support/run-bounded.js';
import { contentDir, repoRoot, STACK_TRACE, tempDir } from '../support/run-cli.js';

// Property tests. Every run uses the same seed, so a failure reproduces;
// set QUIZMARK_FC_SEED to explore other inputs (the seed is printed).
const seed = Number(process.env.QUIZMARK_FC_SEED ?? 20_260_611);
fc.configureGlobal({ seed, endOnFailure: true });
console.info(`fast-check seed ${seed} (set QUIZMARK_FC_SEED to change it)`);

type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

/** How many inputs each property tried, for the report at the end. */
const tried: Record<string, number> = {};
const count = (name: string) => {
  tried[name] = (tried[name] ?? 0) + 1;
};

const SHIPPED = readdirSync(contentDir)
  .filter((name) => name.endsWith('.md'))
  .map((name) => readFileSync(join(contentDir, name)));

/** What every parse result must be, whatever the input: data, never a crash. */
function expectWellFormed(result: ParseResult): void {
  expect(Array.isArray(result.diagnostics)).toBe(true);
  for (const diagnostic of result.diagnostics) {
    expect(diagnostic.ruleId).not.toBe('internal-error');
    expect(diagnostic.line).toBeGreaterThanOrEqual(1);
    expect(diagnostic.column).toBeGreaterThanOrEqual(1);
    expect(diagnostic.message).not.toBe('');
  }
  const errors = result.diagnostics.some((d: Diagnostic) => d.severity === 'error');
  expect(result.deck === null).toBe(errors);
  if (result.deck) expect(DeckSchema.safeParse(result.deck).success).toBe(true);
}

/** Markdown-shaped noise: the tokens the format gives meaning to, in any order. */
const TOKENS = [
  '---\n',
  'id: x\n',
  'title: T\n',
  '# ',
  '## ',
  '### ',
  '#### ',
  '\n',
  '\n\n',
  '- ',
  '- [ ] ',
  '- [x] ',
  '1. ',
  '> ',
  '```',
  '~~~',
  '{#',
  '}',
  '{type=choice}',
  '{level=beginner}',
  ' {pin}',
  '*',
  '**',
  '_',
  '`',
  '[',
  ']',
  '(',
  ')',
  '![',
  '<',
  '>',
  '<!--',
  '-->',
  '<script>',
  '|',
  '---|',
  '\\',
  '&amp;',
  '&#',
  '\t',
  '\r\n',
  '\r',
  '\u00a0',
  '\u200b',
  '\u202e',
  '\ufeff',
  'é',
  '😀',
  'Hint',
  'Solution',
  'Concepts',
  'Answer',
  'word',
  ' ',
  ':',
  '"',
  "'",
  '[x]',
  '{',
  '%',
];
const markdownNoise = fc
  .array(fc.constantFrom(...TOKENS), { maxLength: 120 })
  .map((parts) => parts.join(''));

/** One edit of a shipped deck, in bytes: the damage of careless hands and broken tools. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat(400) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.nat(400) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: markdownNoise }),
  fc.record({
    kind: fc.constant('byte' as const),
    at: fc.nat(),
    value: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
  fc.constant({ kind: 'crlf' as const }),
);

function mutate(source: Buffer, edits: ReadonlyArray<ValueOf<typeof mutation>>): Buffer {
  let bytes = source;
  for (const edit of edits) {
    const at = 'at' in edit ? edit.at % (bytes.length + 1) : 0;
    switch (edit.kind) {
      case 'delete':
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + edit.length)]);
        break;
      case 'duplicate':
        bytes = Buffer.concat([bytes.subarray(0, at + edit.length), bytes.subarray(at)]);
        break;
      case 'insert':
        bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(edit.text), bytes.subarray(at)]);
        break;
      case 'byte':
        bytes = Buffer.from(bytes);
        if (at < bytes.length) bytes[at] = edit.value;
        break;
      case 'truncate':
        bytes = bytes.subarray(0, at);
        break;
      case 'swapLines': {
        const lines = bytes.toString('latin1').split('\n');
        const a = edit.a % lines.length;
        const b = edit.b % lines.length;
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
        bytes = Buffer.from(lines.join('\n'), 'latin1');
        break;
      }
      case 'crlf':
        bytes = Buffer.from(bytes.toString('latin1').replace(/\n/g, '\r\n'), 'latin1');
        break;
    }
  }
  return bytes;
}

describe('the parser, on any input', () => {
  it('should return diagnostics or a valid deck for arbitrary text, never throw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        count('arbitrary strings');
        expectWellFormed(parseDeck(text, { file: 'any.md' }));
      }),
      { numRuns: 600 },
    );
  });

  it('should do the same for Markdown-shaped noise and arbitrary bytes', () => {
    fc.assert(
      fc.property(markdownNoise, fc.uint8Array({ maxLength: 300 }), (text, bytes) => {
        count('Markdown-shaped noise');
        count('arbitrary bytes');
        expectWellFormed(parseDeck(text, { file: 'noise.md' }));
        expectWellFormed(parseDeck(bytes, { file: 'bytes.md' }));
      }),
      { numRuns: 600 },
    );
  });

  it('should do the same for random mutations of the shipped decks', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SHIPPED.keys()),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        (index, edits) => {
          count('mutated shipped decks');
          expectWellFormed(parseDeck(mutate(SHIPPED[index]!, edits), { file: 'mutated.md' }));
        },
      ),
      { numRuns: 400 },
    );
  });
});

// Valid decks, written as Markdown from arbitrary parts: every construct of
// the format, text with inline markup, code, tables, raw HTML, Unicode.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8cfc000000301010018dd8db00000000049454e44ae426082',
  'hex',
);
const WORDS = [
  'model',
  'data',
  'pipeline',
  'naïve',
  'Ελληνικά',
  'Кириллица',
  '中文',
  'x → y',
  'a ≥ b',
  '😀',
  '*emphasis*',
  '**strong**',
  '~~gone~~',
  '`code`',
  '[a link](https://example.com/x)',
  '![a picture](img.png)',
  '<kbd>Ctrl</kbd>',
  '<sup>2</sup>',
  '&amp;',
  '\\*not emphasis\\*',
  'snake_case',
  'esc\u001b[0m',
  'bell\u0007',
  '"quoted"',
  "it's",
  '<b>bold',
  '5 min',
  '100%',
  '#hash',
  'x<y',
  'R&D',
];
const sentence = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 10 })
  .map((words) => words.join(' '));
const plain = fc
  .array(fc.constantFrom('alpha', 'beta', 'γάμμα', 'delta', 'été', '42', 'Q&A'), {
    minLength: 1,
    maxLength: 5,
  })
  .map((words) => words.join(' '));
const codeBlock = fc
  .record({
    lang: fc.constantFrom('python', 'ts', 'bash', 'sql', 'unknownlang', ''),
    lines: fc.array(
      fc.constantFrom(
        'x = 1',
        'print(x)',
        '  if (a < b) { return "<b>"; }',
        '# comment',
        'SELECT * FROM t;',
        '\ttabbed',
        '',
      ),
      { minLength: 1, maxLength: 5 },
    ),
  })
  .map(({ lang, lines }) => `\`\`\`${lang}\n${lines.join('\n')}\n\`\`\``);
const body = fc
  .array(
    fc.oneof(
      sentence,
      codeBlock,
      fc.constant('| a | b |\n|---|---|\n| 1 | 2 |'),
      fc.constant('> quoted *text*'),
      fc.constant('1. one\n2. two'),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((blocks) => blocks.join('\n\n'));
const parts = fc.record({
  hint: fc.option(sentence, { nil: undefined }),
  solution: fc.option(fc.array(sentence, { minLength: 1, maxLength: 3 }), { nil: undefined }),
  mistakes: fc.option(fc.array(sentence, { minLength: 1, maxLength: 3 }), { nil: undefined }),
  explanation: fc.option(sentence, { nil: undefined }),
});
const level = fc.constantFrom('', ' level=beginner', ' level=advanced', ' difficulty=hard', ' pin');
const item = fc.oneof(
  fc.record({ kind: fc.constant('flashcard' as const), title: plain, level, body, parts }),
  fc.record({
    kind: fc.constant('choice' as const),
    title: plain,
    level,
    body: fc.option(body, { nil: undefined }),
    options: fc.array(
      fc.record({
        text: sentence,
        correct: fc.boolean(),
        feedback: fc.option(sentence, { nil: undefined }),
      }),
      {
        minLength: 2,
        maxLength: 5,
      },
    ),
    parts,
  }),
  fc.record({
    kind: fc.constant('explain' as const),
    title: plain,
    level,
    concepts: fc.array(sentence, { minLength: 1, maxLength: 4 }),
    parts,
  }),
  fc.record({
    kind: fc.constant('truefalse' as const),
    title: plain,
    level,
    answer: fc.constantFrom('True', 'false', 'FALSE'),
    parts,
  }),
  fc.record({
    kind: fc.constant('numeric' as const),
    title: plain,
    level,
    answer: fc.constantFrom(
      '9.81 ± 0.05',
      '9 ± 2% J',
      '9,81',
      '6.02×10^23 mol⁻¹',
      '-3 .. 3 °C',
      '1e-3 +- 1e-4 m/s²',
      '42',
    ),
    parts,
  }),
  fc.record({
    kind: fc.constant('short' as const),
    title: plain,
    level,
    answers: fc.array(plain, { minLength: 1, maxLength: 3 }),
    sensitive: fc.boolean(),
    parts,
  }),
  fc.record({
    kind: fc.constant('cloze' as const),
    title: plain,
    level,
    // Text around blanks; each blank an explicit, hinted or shorthand marker.
    pieces: fc.array(
      fc.record({
        before: sentence,
        answer: plain,
        form: fc.constantFrom('c1', 'c2', 'hint', 'short'),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    parts,
  }),
  fc.record({
    kind: fc.constant('matching' as const),
    title: plain,
    level,
    pairs: fc.uniqueArray(fc.record({ left: plain, right: sentence }), {
      minLength: 2,
      maxLength: 5,
      selector: (pair) => pair.left.toLowerCase(),
    }),
    distractors: fc.array(sentence, { maxLength: 2 }),
    parts,
  }),
  fc.record({
    kind: fc.constant('ordering' as const),
    title: plain,
    level,
    sequence: fc.array(sentence, { minLength: 2, maxLength: 5 }),
    parts,
  }),
);

/** One generated item as Markdown. */
function itemMarkdown(
  it: ValueOf<typeof item>,
  id: string,
  partsOf: (chosen: ValueOf<typeof parts>) => string,
): string {
  const partText = partsOf(it.parts);
  const head = (type: string, extra = '') =>
    `### ${it.title} {#${id} type=${type}${extra}${it.level}}`;
  switch (it.kind) {
    case 'flashcard':
      return `### ${it.title} {#${id}${it.level}}\n\n${it.body}\n\n${partText}`;
    case 'explain':
      return `${head('explain')}\n\n${partsOf({ ...it.parts, explanation: undefined })}\n\n#### Concepts\n\n${it.concepts.map((c) => `- ${c}`).join('\n')}`;
    case 'choice': {
      const options = it.options.map(
        (o, i) =>
          `- [${o.correct || i === 0 ? 'x' : ' '}] ${o.text}${o.feedback ? `\n  > ${o.feedback}` : ''}`,
      );
      return `### ${it.title} {#${id}${it.level}}\n\n${it.body ?? ''}\n\n${options.join('\n')}\n\n${partText}`;
    }
    case 'truefalse':
      return `${head('truefalse')}\n\n#### Answer\n\n${it.answer}\n\n${partText}`;
    case 'numeric':
      return `${head('numeric')}\n\n#### Answer\n\n${it.answer}\n\n${partText}`;
    case 'short':
      return `${head('short', it.sensitive ? ' case=sensitive' : '')}\n\n#### Answer\n\n${it.answers.map((a) => `- ${a}`).join('\n')}\n\n${partText}`;
    case 'cloze': {
      const marker = (answer: string, form: string) =>
        form === 'short'
          ? `{{${answer}}}`
          : form === 'hint'
            ? `{{c1::${answer}::think}}`
            : `{{${form}::${answer}}}`;
      const text = it.pieces.map((p) => `${p.before} ${marker(p.answer, p.form)}`).join(' ');
      return `${head('cloze')}\n\n${text}.\n\n${partText}`;
    }
    case 'matching': {
      const lines = [
        ...it.pairs.map((pair) => `- ${pair.left} → ${pair.right}`),
        ...it.distractors.map((extra) => `- → ${extra}`),
      ];
      return `${head('matching')}\n\n${lines.join('\n')}\n\n${partText}`;
    }
    case 'ordering':
      return `${head('ordering')}\n\n${it.sequence.map((entry, i) => `${i + 1}. ${entry}`).join('\n')}\n\n${partText}`;
  }
}
const deckMarkdown = fc
  .record({
    title: sentence,
    tags: fc.array(fc.constantFrom('a', 'b-c', 'ü', 'x y'), { maxLength: 3 }),
    language: fc.constantFrom('en', 'de', 'el', 'zh-Hans'),
    sections: fc.array(
      fc.record({ title: plain, items: fc.array(item, { minLength: 1, maxLength: 4 }) }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map((deck) => {
    let n = 0;
    const partText = (p: ValueOf<typeof parts>) =>
      [
        p.hint ? `#### Hint\n\n${p.hint}` : '',
        p.solution
          ? `#### Solution\n\n${p.solution.map((step, i) => `${i + 1}. **Step ${i + 1}.** ${step}`).join('\n')}`
          : '',
        p.mistakes ? `#### Common mistakes\n\n${p.mistakes.map((m) => `- ${m}`).join('\n')}` : '',
        p.explanation ? `#### Explanation\n\n${p.explanation}` : '',
      ]
        .filter(Boolean)
        .join('\n\n');
    const items = (section: (typeof deck.sections)[number]) =>
      section.items.map((it) => {
        const id = `i-${++n}`;
        return itemMarkdown(it, id, partText);
      });
    return [
      '---',
      'id: generated',
      `title: ${JSON.stringify(deck.title)}`,
      `tags: ${JSON.stringify(deck.tags)}`,
      `language: ${deck.language}`,
      '---',
      '',
      ...deck.sections.map(
        (section, index) => `## ${section.title} {#s-${index}}\n\n${items(section).join('\n\n')}`,
      ),
      '',
    ].join('\n');
  });

describe('every renderer, on any valid deck', () => {
  let validate: ReturnType<Ajv2020['compile']>;
  let SQL: Awaited<ReturnType<typeof initSqlJs>>;
  const qpdf = systemTool('qpdf', 'qpdf');

  beforeAll(async () => {
    const schema = JSON.parse(
      readFileSync(join(repoRoot, 'packages/model/schema/deck.schema.json'), 'utf8'),
    );
    validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
    SQL = await initSqlJs();
  });

  it('should produce JSON that validates, HTML that parses, an .apkg that reads back and a PDF that opens', async () => {
    const renderers = await Promise.all(
      DEFAULT_REGISTRY.formats.map(async (format) => ({
        renderer: await DEFAULT_REGISTRY.load(format),
        // Each renderer's defaults, as its schema gives them.
        options: DEFAULT_REGISTRY.get(format).options.parse({}),
      })),
    );
    const dir = tempDir('quizmark-properties-');
    await fc.assert(
      fc.asyncProperty(deckMarkdown, async (markdown) => {
        count('valid decks rendered in every format');
        const parsed = parseDeck(markdown, { file: 'generated.md' });
        expect(
          parsed.diagnostics.filter((d) => d.severity === 'error'),
          markdown,
        ).toEqual([]);
        const deck = parsed.deck!;
        for (const section of deck.sections)
          for (const it of section.items) count(`${it.type} items rendered`);
        const asset: Asset = {
          url: 'img.png',
          path: 'img.png',
          mediaType: 'image/png',
          bytes: new Uint8Array(PNG),
        };
        const input = { deck, name: 'generated', assets: new Map([[asset.url, asset]]) };
        const files: RenderedFile[] = [];
        for (const { renderer, options } of renderers) {
          files.push(
            ...(await renderer.render({ decks: [input], options, sourceDateEpoch: 1_700_000_000 })),
          );
        }
        const itemCount = deck.sections.reduce((total, section) => total + section.items.length, 0);
        const text = (file: RenderedFile) => new TextDecoder().decode(file.bytes);
        for (const file of files) {
          expect(file.bytes.length, file.path).toBeGreaterThan(0);
          if (file.path.endsWith('.json')) {
            expect(validate(JSON.parse(text(file))), JSON.stringify(validate.errors)).toBe(true);
          } else if (file.path.endsWith('.html')) {
            const errors: string[] = [];
            parseHtml(text(file), {
              onParseError: (error) =>
                errors.push(`${error.code} at ${error.startLine}:${error.startCol}`),
            });
            expect(errors, file.path).toEqual([]);
          } else if (file.path.endsWith('.apkg')) {
            const entries = readZip(file.bytes);
            const db = new SQL.Database(
              entries.find((entry) => entry.name === 'collection.anki2')!.bytes,
            );
            try {
              expect(db.exec('SELECT count(*) FROM notes')[0]!.values[0]![0]).toBe(itemCount);
              expect(db.exec('PRAGMA integrity_check')[0]!.values[0]![0]).toBe('ok');
            } finally {
              db.close();
            }
          } else if (file.path.endsWith('.pdf')) {
            expect(text(file).startsWith('%PDF-')).toBe(true);
            expect(text(file).trimEnd().endsWith('%%EOF')).toBe(true);
            if (qpdf.available) {
              const path = join(dir, 'check.pdf');
              writeFileSync(path, file.bytes);
              // qpdf --check exits non-zero on a damaged file.
              execFileSync('qpdf', ['--check', path], { stdio: 'pipe' });
            }
          }
        }
        const kinds = files.map((file) => file.path.replace(/^generated/, ''));
        for (const kind of ['.json', '.html', '.answers.html', '.apkg', '.quiz.pdf', '.key.pdf'])
          expect(kinds).toContain(kind);
      }),
      { numRuns: 100 },
    );
  }, 600_000);
});

describe('the CLI, on any arguments and any deck', () => {
  it('should exit 0, 1 or 2 and never print a stack trace', () => {
    const flag = fc.oneof(
      fc.constantFrom(
        '--out',
        '-o',
        '--format',
        '-f',
        '--workers',
        '--no-cache',
        '--quiet',
        '--verbose',
        '--view',
        '--template',
        '--paper',
        '--versions',
        '--seed',
        '--type',
        '--tag',
        '--level',
        '--difficulty',
        '--count',
        '--reporter',
        '--help',
        '-h',
        '--version',
        '--',
        '-',
      ),
      fc.constantFrom(
        'json',
        'all',
        'pdf,docx',
        '0',
        '-1',
        '1e9',
        'NaN',
        '99999999',
        'a4',
        'letter',
        'both',
        'out',
        'deck.md',
        '.',
        '',
      ),
      // No absolute or parent paths: --out / would write into the machine's root.
      fc.string({ maxLength: 12 }).map((text) => text.replace(/[/\\.]/g, '_')),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('build', 'check', 'schema', 'frobnicate', '--help', ''),
        fc.array(flag, { maxLength: 6 }),
        fc.oneof(markdownNoise, fc.constantFrom(...SHIPPED.map(String))),
        (command, args, deck) => {
          count('CLI runs');
          const root = tempDir('quizmark-cli-prop-');
          mkdirSync(join(root, 'content'));
          writeFileSync(join(root, 'content', 'deck.md'), deck);
          const argv =
            command === ''
              ? args
              : [
                  command,
                  ...args,
                  ...(command === 'build' || command === 'check' ? ['content'] : []),
                ];
          const run = runCliBounded(argv, {
            cwd: root,
            env: { QUIZMARK_CACHE_DIR: join(root, 'cache') },
            timeoutMs: 120_000,
          });
          expect(run.signal, `${argv.join(' ')}\n${run.stderr}`).toBeNull();
          expect([0, 1, 2], `${argv.join(' ')}\n${run.stderr}`).toContain(run.status);
          expect(run.stderr, argv.join(' ')).not.toMatch(STACK_TRACE);
          expect(run.stdout).not.toMatch(STACK_TRACE);
        },
      ),
      { numRuns: 60 },
    );
  }, 900_000);

  it('should start no more worker threads than there is work, whatever --workers asks', () => {
    const root = tempDir('quizmark-workers-');
    mkdirSync(join(root, 'content'));
    for (const index of [1, 2, 3])
      writeFileSync(
        join(root, 'content', `deck-${index}.md`),
        `---\nid: deck-${index}\ntitle: Deck ${index}\n---\n\n## Quiz\n\n### Question ${index}?\n\nAnswer.\n`,
      );
    const run = runCliBounded(
      [
        'build',
        'content',
        '--out',
        'out',
        '--format',
        'json',
        '--workers',
        '100000',
        '--verbose',
        '--no-cache',
      ],
      {
        cwd: root,
        env: { QUIZMARK_CACHE_DIR: join(root, 'cache') },
      },
    );
    expect(run.signal, run.stderr).toBeNull();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/\b3 worker threads/);
  });

  it('should have tried every property on many inputs', () => {
    console.info(`property inputs tried: ${JSON.stringify(tried)}`);
    // Runs in file order: every property above counted its inputs.
    for (const name of [
      'arbitrary strings',
      'Markdown-shaped noise',
      'arbitrary bytes',
      'mutated shipped decks',
      'valid decks rendered in every format',
      'CLI runs',
    ])
      expect(tried[name], name).toBeGreaterThanOrEqual(40);
    // The generated decks reach every item type the model has, parsed as that type.
    for (const type of ITEM_TYPES)
      expect(tried[`${type} items rendered`], type).toBeGreaterThanOrEqual(10);
  });
});
