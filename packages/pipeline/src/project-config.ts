import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { UsageError } from './discover.js';
import { resolveFormatOptions } from './format-options.js';
import { resolveFormats } from './formats.js';
import { DEFAULT_REGISTRY, FORMAT_GROUPS, type RendererRegistry } from './renderers.js';

/** The project file, read from the working folder. */
export const CONFIG_FILE = 'quizmark.config.json';

/** What a project would otherwise repeat on every command; flags override each key. */
export const ProjectConfigSchema = z
  .strictObject({
    $schema: z
      .string()
      .optional()
      .meta({ description: 'The JSON Schema of this file, for editors.' }),
    content: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .meta({ description: 'Deck files and folders to read when the command names none.' }),
    out: z.string().min(1).optional().meta({ description: 'Output folder, as `--out`.' }),
    formats: z.array(z.string().min(1)).min(1).optional().meta({
      description:
        'Formats to build and check, as `--format`: names, `all` (the study outputs) and `lms` (the LMS exports).',
    }),
    options: z.record(z.string(), z.record(z.string(), z.unknown())).optional().meta({
      description:
        'Options per format (`pdf`, `html`…), as the flags set them; paths are relative to this file.',
    }),
  })
  .meta({ title: 'quizmark project file (quizmark.config.json)' });

export type ProjectConfig = z.output<typeof ProjectConfigSchema>;

/**
 * Reads `quizmark.config.json` in `cwd` (null when there is none) and checks
 * it whole, format options included, so that a bad value is a usage error
 * naming the file and the key before any deck is read.
 */
export function readProjectConfig(
  cwd: string,
  registry: RendererRegistry = DEFAULT_REGISTRY,
): ProjectConfig | null {
  const path = join(cwd, CONFIG_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new UsageError(`cannot read ${CONFIG_FILE}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `${CONFIG_FILE}${jsonErrorPlace(text, error)}: not valid JSON (${(error as Error).message})`,
    );
  }
  const parsed = ProjectConfigSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key =
      issue.code === 'unrecognized_keys'
        ? [...issue.path, issue.keys[0]].join('.')
        : issue.path.join('.');
    const what =
      issue.code === 'unrecognized_keys' ? 'is not a key of the project file' : issue.message;
    throw new UsageError(`${CONFIG_FILE}: \`${key || '(the file)'}\` ${what}`);
  }
  const config = parsed.data;
  try {
    if (config.formats) resolveFormats(registry, config.formats);
    if (config.options) {
      config.options = withPathsResolved(config.options, cwd, registry);
      const named = Object.keys(config.options).filter((format) =>
        registry.formats.includes(format),
      );
      resolveFormatOptions(registry, named, config.options, cwd);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      // Named by the file's key, not by a flag: a plain usage error, not an OptionsError.
      throw new UsageError(`${CONFIG_FILE}: ${error.message}`);
    }
    throw error;
  }
  return config;
}

/** Options of the `path` kind (a template folder) resolved against the project folder. */
function withPathsResolved(
  options: Record<string, Record<string, unknown>>,
  cwd: string,
  registry: RendererRegistry,
): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [format, given] of Object.entries(options)) {
    const copy: Record<string, unknown> = { ...given };
    if (registry.formats.includes(format))
      for (const flag of registry.get(format).flags)
        if (
          flag.kind === 'path' &&
          !flag.option.includes('.') &&
          typeof copy[flag.option] === 'string'
        )
          copy[flag.option] = resolve(cwd, copy[flag.option] as string);
    out[format] = copy;
  }
  return out;
}

/** `:line:col` of a JSON syntax error, when the message gives its offset. */
function jsonErrorPlace(text: string, error: unknown): string {
  const offset = /position (\d+)/.exec(String((error as Error).message))?.[1];
  if (offset === undefined) return '';
  const before = text.slice(0, Number(offset)).split('\n');
  return `:${before.length}:${before.at(-1)!.length + 1}`;
}

/** The JSON Schema of the project file, each format's options from its own schema. */
export function projectConfigJsonSchema(
  registry: RendererRegistry = DEFAULT_REGISTRY,
): Record<string, unknown> {
  const convert = (schema: z.ZodType) =>
    z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
  const schema = convert(ProjectConfigSchema) as {
    properties: Record<string, Record<string, unknown>>;
  };
  const formatNames = [...registry.formats, ...FORMAT_GROUPS];
  schema.properties.formats = {
    ...schema.properties.formats,
    items: { enum: formatNames },
  };
  const perFormat: Record<string, unknown> = {};
  for (const descriptor of registry.descriptors) {
    const { $schema: _, ...options } = convert(descriptor.options as z.ZodType);
    perFormat[descriptor.format] = { ...options, description: descriptor.summary };
  }
  schema.properties.options = {
    description: schema.properties.options!.description,
    type: 'object',
    properties: perFormat,
    additionalProperties: false,
  };
  return schema;
}
