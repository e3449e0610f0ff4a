import { deckJsonSchema } from '@quizmark/model';
import { SCHEMA_HELP } from '../help.js';
import type { Io } from '../io.js';
import { parseCommandArgs } from '../parse-args.js';

export function schemaCommand(argv: string[], io: Io): number {
  const { values } = parseCommandArgs(argv, { help: { type: 'boolean', short: 'h' } });
  io.stdout(values.help ? SCHEMA_HELP : `${JSON.stringify(deckJsonSchema(), null, 2)}\n`);
  return 0;
}
