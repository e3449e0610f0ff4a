/**
 * Keeps failures of the process itself to one line and an exit code, like
 * every other error: a reader that goes away (`quizmark check | head`) ends
 * the output quietly, a full disk or another error writing stdout is
 * reported, and an error that escapes everything else is printed without a
 * stack trace (QUIZMARK_DEBUG=1 shows it). Returns whether writing stdout
 * failed, which makes the exit code 1.
 */
export function guardProcess(): { readonly outputFailed: boolean } {
  const state = { outputFailed: false };
  const say = (text: string) => {
    try {
      process.stderr.write(text);
    } catch {
      // Nowhere left to report to.
    }
  };
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return;
    if (!state.outputFailed) say(`quizmark: error: cannot write the output: ${error.message}\n`);
    state.outputFailed = true;
    // The error may come after the command has set its exit code.
    if (!process.exitCode) process.exitCode = 1;
  });
  process.stderr.on('error', () => {
    // A closed or full stderr: messages are lost, the exit code still tells.
  });
  const crash = (error: unknown) => {
    say(`quizmark: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.QUIZMARK_DEBUG && error instanceof Error && error.stack)
      say(`${error.stack}\n`);
    process.exit(1);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  return state;
}
