import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from '@quizmark/pipeline';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, with its errors turned into usage errors the CLI prints plainly. */
export function parseCommandArgs<T extends Options>(
  argv: string[],
  options: T,
): ReturnType<
  typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>
> {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify.*$/s, ''));
  }
}

export function positiveInteger(flag: string, value: string): number {
  if (!/^[1-9]\d*$/.test(value))
    throw new UsageError(`${flag} takes a whole number of at least 1, got \`${value}\``);
  return Number(value);
}
