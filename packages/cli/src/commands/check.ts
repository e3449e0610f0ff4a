import { hasErrors } from '@quizmark/model';
import { checkDecks, DEFAULT_REGISTRY, readProjectConfig, UsageError } from '@quizmark/pipeline';
import { buildFlags, formatFlags, withFlagNames } from '../build-flags.js';
import { checkHelp } from '../help.js';
import type { Io } from '../io.js';
import { parseCommandArgs } from '../parse-args.js';
import { formatDiagnostics, summarize } from '../report.js';

// Every flag of a format (they change what is checked), none of the build's own.
const CHECK_FLAGS = Object.fromEntries(
  Object.entries(buildFlags(DEFAULT_REGISTRY)).filter(
    ([flag]) => !['out', 'quiet', 'verbose', 'workers', 'no-cache'].includes(flag),
  ),
);

export async function checkCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    ...CHECK_FLAGS,
    reporter: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(checkHelp());
    return 0;
  }
  const reporter = values.reporter ?? 'text';
  if (reporter !== 'text' && reporter !== 'json') {
    throw new UsageError(`unknown reporter \`${reporter}\`: expected text or json`);
  }
  const config = readProjectConfig(io.cwd);
  const { formats, formatOptions } = formatFlags(values, io.cwd, DEFAULT_REGISTRY, config);
  const inputs = positionals.length > 0 ? positionals : (config?.content ?? []);
  const { decks, diagnostics } = await withFlagNames(() =>
    checkDecks(inputs, { cwd: io.cwd, formats, formatOptions }),
  );
  if (reporter === 'json') io.stdout(`${JSON.stringify(diagnostics, null, 2)}\n`);
  else io.stdout(formatDiagnostics(diagnostics) + summarize(diagnostics, decks.length));
  return hasErrors(diagnostics) ? 1 : 0;
}
