import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { z } from 'zod';
import { UsageError } from './discover.js';
import type { RendererRegistry } from './renderers.js';

/** One option value a renderer's schema refused. */
export interface OptionIssue {
  format: string;
  /** Dotted path of the option (`select.count`); empty for the options object itself. */
  option: string;
  /** What the option takes ("a whole number from 1 to 26"), or what is wrong. */
  expected: string;
  /** The value given, when there was one. */
  given: unknown;
}

/** Options a renderer cannot take: a usage error, named by option (the CLI names the flag). */
export class OptionsError extends UsageError {
  constructor(readonly issues: readonly OptionIssue[]) {
    super(issues.map(describeIssue).join('; '));
  }
}

function describeIssue(issue: OptionIssue): string {
  const given = issue.given === undefined ? '' : `, got ${JSON.stringify(issue.given)}`;
  return `${issue.format} option \`${issue.option}\` takes ${issue.expected}${given}`;
}

/** Checked options per format: the output of each format's schema. */
export type ResolvedOptions = ReadonlyMap<string, unknown>;

/**
 * Checks the options of every format the build writes against its
 * renderer's schema, once, where they enter the pipeline: renderers then
 * trust them. Files and folders the options name must exist.
 */
export function resolveFormatOptions(
  registry: RendererRegistry,
  formats: readonly string[],
  given: Readonly<Partial<Record<string, unknown>>>,
  cwd: string,
): ResolvedOptions {
  const issues: OptionIssue[] = [];
  for (const format of Object.keys(given)) {
    if (!registry.formats.includes(format))
      issues.push({
        format,
        option: '',
        expected: 'no options: it is not a format',
        given: undefined,
      });
  }
  const resolved = new Map<string, unknown>();
  for (const format of formats) {
    const descriptor = registry.get(format);
    const result = descriptor.options.safeParse(given[format] ?? {}, { reportInput: true });
    if (!result.success) {
      issues.push(...result.error.issues.map((issue) => toIssue(format, issue)));
      continue;
    }
    for (const input of descriptor.inputs?.(result.data) ?? []) {
      if (!existsSync(resolve(cwd, input.path)))
        issues.push({
          format,
          option: input.option,
          expected: 'a file or folder that exists',
          given: input.path,
        });
    }
    resolved.set(format, result.data);
  }
  if (issues.length > 0) throw new OptionsError(issues);
  return resolved;
}

function toIssue(format: string, issue: z.core.$ZodIssue): OptionIssue {
  if (issue.code === 'unrecognized_keys') {
    const prefix = issue.path.length > 0 ? `${issue.path.join('.')}.` : '';
    return {
      format,
      option: `${prefix}${issue.keys[0]}`,
      expected: 'nothing: there is no such option',
      given: undefined,
    };
  }
  // A list's element is named by the list (`select.levels`, not `select.levels.1`).
  const path = issue.path.filter((part) => typeof part === 'string');
  return { format, option: path.join('.'), expected: issue.message, given: issue.input };
}
