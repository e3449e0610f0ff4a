import { deckJsonSchema } from '@quizmark/model';
import { examJsonSchema, UsageError } from '@quizmark/pipeline';
import { SCHEMA_HELP } from '../help.js';
import type { Io } from '../io.js';
import { parseCommandArgs } from '../parse-args.js';

// What `quizmark schema <what>` prints: a deck (the JSON output) by default.
const SCHEMAS: Record<string, () => Record<string, unknown>> = {
  deck: deckJsonSchema,
  exam: examJsonSchema,
};

export function schemaCommand(argv: string[], io: Io): number {
  const { values, positionals } = parseCommandArgs(argv, { help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    io.stdout(SCHEMA_HELP);
    return 0;
  }
  if (positionals.length > 1)
    throw new UsageError(`schema takes one name, got \`${positionals.join(' ')}\``);
  const name = positionals[0] ?? 'deck';
  const schema = SCHEMAS[name];
  if (!schema)
    throw new UsageError(
      `unknown schema \`${name}\`: expected ${Object.keys(SCHEMAS).join(' or ')}`,
    );
  io.stdout(`${JSON.stringify(schema(), null, 2)}\n`);
  return 0;
}
