import { checkDecks, UsageError } from '@quizmark/pipeline';
import { CHECK_HELP } from '../help.js';
import type { Io } from '../io.js';
import { parseCommandArgs } from '../parse-args.js';
import { formatDiagnostics, summarize } from '../report.js';

export async function checkCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    reporter: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(CHECK_HELP);
    return 0;
  }
  const reporter = values.reporter ?? 'text';
  if (reporter !== 'text' && reporter !== 'json') {
    throw new UsageError(`unknown reporter \`${reporter}\`: expected text or json`);
  }
  const { decks, diagnostics } = await checkDecks(positionals, { cwd: io.cwd });
  if (reporter === 'json') io.stdout(`${JSON.stringify(diagnostics, null, 2)}\n`);
  else io.stdout(formatDiagnostics(diagnostics) + summarize(diagnostics, decks.length));
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
