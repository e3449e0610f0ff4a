import { resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import type { OptionFlag } from '@quizmark/model';
import {
  type AnyDescriptor,
  type BuildOptions,
  DEFAULT_REGISTRY,
  type FormatOptionsOf,
  type OptionIssue,
  OptionsError,
  type ProjectConfig,
  type RendererRegistry,
  resolveFormats,
  UsageError,
} from '@quizmark/pipeline';
import { positiveInteger } from './parse-args.js';

export type FlagConfig = NonNullable<ParseArgsConfig['options']>;

/** Flags of `build`, `watch` and `check` that belong to no format. */
const PIPELINE_FLAGS = {
  out: { type: 'string', short: 'o' },
  format: { type: 'string', short: 'f', multiple: true },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  workers: { type: 'string' },
  'no-cache': { type: 'boolean' },
} as const satisfies FlagConfig;

/** Values node:util parseArgs gives for the flags. */
export type FlagValues = { [flag: string]: string | boolean | Array<string | boolean> | undefined };

/** The flags of a build: the pipeline's, then each format's, from its descriptor. */
export function buildFlags(registry: RendererRegistry): FlagConfig {
  const flags: FlagConfig = { ...PIPELINE_FLAGS };
  for (const descriptor of registry.descriptors) {
    for (const flag of descriptor.flags) {
      if (flag.name in flags)
        throw new Error(`the ${descriptor.format} renderer's flag --${flag.name} is taken`);
      flags[flag.name] =
        flag.kind === 'negated' || flag.kind === 'switch'
          ? { type: 'boolean' }
          : { type: 'string', ...(flag.kind === 'list' ? { multiple: true } : {}) };
    }
  }
  return flags;
}

export const BUILD_FLAGS: FlagConfig = buildFlags(DEFAULT_REGISTRY);

/**
 * Turns parsed flags into build options (everything but inputs and
 * progress). Format options are gathered as given and checked once, by the
 * pipeline, against each renderer's schema (see withFlagNames).
 */
export function buildOptionsFromFlags(
  values: FlagValues,
  cwd: string,
  registry: RendererRegistry = DEFAULT_REGISTRY,
  config: ProjectConfig | null = null,
): Omit<BuildOptions<readonly AnyDescriptor[]>, 'inputs'> {
  const out = values.out ?? config?.out;
  if (typeof out !== 'string' || out === '')
    throw new UsageError(
      'missing --out <dir>: where to write the outputs (or `out` in quizmark.config.json)',
    );
  const workers =
    values.workers === '0'
      ? 0
      : typeof values.workers === 'string'
        ? positiveInteger('--workers', values.workers)
        : undefined;
  return {
    outDir: out,
    ...formatFlags(values, cwd, registry, config),
    cwd,
    ...(workers === undefined ? {} : { workers }),
    cache: !values['no-cache'],
    registry,
  };
}

/** The formats asked for and the options their flags set; a flag of a format not built is refused. */
export function formatFlags(
  values: FlagValues,
  cwd: string,
  registry: RendererRegistry = DEFAULT_REGISTRY,
  config: ProjectConfig | null = null,
): { formats: string[]; formatOptions: FormatOptionsOf<readonly AnyDescriptor[]> } {
  const asked = Array.isArray(values.format)
    ? values.format.map(String)
    : (config?.formats ?? ['all']);
  const formats = resolveFormats(registry, asked);
  const formatOptions: Record<string, object> = {};
  for (const descriptor of registry.descriptors) {
    // The project file's options first (of the formats built), then the flags over them.
    const options: Record<string, unknown> = formats.includes(descriptor.format)
      ? structuredClone(config?.options?.[descriptor.format] ?? {})
      : {};
    for (const flag of descriptor.flags) {
      const value = values[flag.name];
      if (value === undefined) continue;
      if (!formats.includes(descriptor.format))
        throw new UsageError(
          `--${flag.name} is an option of the ${descriptor.format} format, which this command does not build (--format ${formats.join(',')})`,
        );
      setPath(options, flag.option, flagValue(flag, value, cwd));
    }
    if (Object.keys(options).length > 0) formatOptions[descriptor.format] = options;
  }
  // The schemas decide what the values may be; this only gathers them.
  return { formats, formatOptions };
}

function flagValue(
  flag: OptionFlag,
  value: string | boolean | Array<string | boolean>,
  cwd: string,
): unknown {
  switch (flag.kind) {
    case 'negated':
      return false;
    case 'switch':
      return true;
    case 'integer':
      // A number when it looks like one; anything else goes to the schema as text, to be refused there.
      return typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
    case 'path':
      return resolve(cwd, String(value));
    case 'list':
      return (Array.isArray(value) ? value : [value]).flatMap((entry) =>
        String(entry)
          .split(',')
          .map((part) => part.trim()),
      );
    case 'string':
      return value;
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1)!] = value;
}

/** Runs a build or check; options a renderer refused are reported by the flag that set them. */
export async function withFlagNames<T>(
  run: () => Promise<T>,
  registry: RendererRegistry = DEFAULT_REGISTRY,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof OptionsError)) throw error;
    throw new UsageError(error.issues.map((issue) => flagMessage(issue, registry)).join('\n'));
  }
}

function flagMessage(issue: OptionIssue, registry: RendererRegistry): string {
  const flag = registry.formats.includes(issue.format)
    ? registry.get(issue.format).flags.find((candidate) => candidate.option === issue.option)
    : undefined;
  if (!flag) return new OptionsError([issue]).message;
  const given =
    issue.given === undefined
      ? ''
      : `, got \`${Array.isArray(issue.given) ? issue.given.join(',') : String(issue.given)}\``;
  return `--${flag.name} takes ${issue.expected}${given}`;
}
