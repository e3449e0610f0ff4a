import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CONFIG_FILE, UsageError } from '@quizmark/pipeline';
import { INIT_HELP } from '../help.js';
import type { Io } from '../io.js';
import { parseCommandArgs } from '../parse-args.js';
import { FIRST_CONFIG, FIRST_DECK } from '../starter/first-deck.js';

const FILES = [
  [CONFIG_FILE, FIRST_CONFIG],
  ['content/first-deck.md', FIRST_DECK],
] as const;

/** Writes a starter deck and project file in the working folder; never overwrites a file. */
export async function initCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(INIT_HELP);
    return 0;
  }
  if (positionals.length > 0)
    throw new UsageError(
      `init takes no arguments, got \`${positionals[0]}\`: run it in the project folder`,
    );
  const taken = FILES.filter(([path]) => existsSync(join(io.cwd, path))).map(([path]) => path);
  if (taken.length > 0)
    throw new UsageError(
      `${taken.join(' and ')} already exist${taken.length === 1 ? 's' : ''}: init writes only new files, and wrote nothing`,
    );
  for (const [path, text] of FILES) {
    mkdirSync(dirname(join(io.cwd, path)), { recursive: true });
    // `wx`: a file that appeared since the check above is not overwritten either.
    writeFileSync(join(io.cwd, path), text, { flag: 'wx' });
    io.stderr(`wrote ${path}\n`);
  }
  io.stderr(
    'next: `quizmark check` reports problems, `quizmark build` writes every format into dist\n',
  );
  return 0;
}
