import type { Io } from './io.js';
import { VERSION } from './version.js';

// Commands load on use, so `quizmark build` with nothing to do starts fast
// and `--version` loads nothing.
const COMMANDS: Record<string, (argv: string[], io: Io) => Promise<number>> = {
  build: async (argv, io) => (await import('./commands/build.js')).buildCommand(argv, io),
  check: async (argv, io) => (await import('./commands/check.js')).checkCommand(argv, io),
  init: async (argv, io) => (await import('./commands/init.js')).initCommand(argv, io),
  rules: async (argv, io) => (await import('./commands/rules.js')).rulesCommand(argv, io),
  schema: async (argv, io) => (await import('./commands/schema.js')).schemaCommand(argv, io),
  watch: async (argv, io) => (await import('./commands/watch.js')).watchCommand(argv, io),
};

/**
 * Runs the CLI and returns the exit code: 0 success, 1 problems in the
 * content or a failed build, 2 a usage error, 130 a build interrupted before
 * it wrote anything. Nothing escapes as a stack trace; set QUIZMARK_DEBUG=1
 * to see one for an internal error.
 */
export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      io.stdout((await import('./help.js')).MAIN_HELP);
      return command === undefined ? 2 : 0;
    }
    if (command === '-v' || command === '--version') {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    const run = COMMANDS[command];
    if (!run)
      return await usageFailure(
        io,
        `unknown command \`${command}\`: expected ${Object.keys(COMMANDS).join(', ')}`,
      );
    return await run(rest, io);
  } catch (error) {
    // Loaded already by the command that threw.
    const { UsageError, shownLines } = await import('@quizmark/pipeline');
    if (error instanceof UsageError) return await usageFailure(io, error.message, command);
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`quizmark: error: ${shownLines(message)}\n`);
    if (process.env.QUIZMARK_DEBUG && error instanceof Error && error.stack)
      io.stderr(`${error.stack}\n`);
    return 1;
  }
}

async function usageFailure(io: Io, message: string, command?: string): Promise<number> {
  const { shownLines } = await import('@quizmark/pipeline');
  io.stderr(
    `quizmark: ${shownLines(message)}\nRun \`quizmark ${command ? `${command} ` : ''}--help\` for usage.\n`,
  );
  return 2;
}
