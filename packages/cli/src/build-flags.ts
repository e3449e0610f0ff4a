import { resolve } from 'node:path';
import type { BuildOptions } from '@quizmark/pipeline';
import { UsageError } from '@quizmark/pipeline';
import { positiveInteger } from './parse-args.js';

/** Flags shared by `build` and `watch`. */
export const BUILD_FLAGS = {
  out: { type: 'string', short: 'o' },
  format: { type: 'string', short: 'f', multiple: true },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  workers: { type: 'string' },
  'no-cache': { type: 'boolean' },
  view: { type: 'string' },
  template: { type: 'string' },
  'no-anki-text': { type: 'boolean' },
  paper: { type: 'string' },
  versions: { type: 'string' },
  seed: { type: 'string' },
  type: { type: 'string', multiple: true },
  tag: { type: 'string', multiple: true },
  level: { type: 'string', multiple: true },
  difficulty: { type: 'string', multiple: true },
  count: { type: 'string' },
} as const;

export interface BuildFlagValues {
  out?: string;
  format?: string[];
  workers?: string;
  'no-cache'?: boolean;
  view?: string;
  template?: string;
  'no-anki-text'?: boolean;
  paper?: string;
  versions?: string;
  seed?: string;
  type?: string[];
  tag?: string[];
  level?: string[];
  difficulty?: string[];
  count?: string;
}

const oneOf = (flag: string, value: string | undefined, allowed: readonly string[]) => {
  if (value !== undefined && !allowed.includes(value)) {
    throw new UsageError(`${flag} takes one of ${allowed.join(', ')}, got \`${value}\``);
  }
  return value;
};

/** Turns parsed flags into build options (everything but inputs and progress). */
export function buildOptionsFromFlags(
  values: BuildFlagValues,
  cwd: string,
): Omit<BuildOptions, 'inputs'> {
  if (!values.out) throw new UsageError('missing --out <dir>: where to write the outputs');
  const integer = (flag: string, value: string | undefined) =>
    value === undefined ? undefined : positiveInteger(flag, value);
  const workers = values.workers === '0' ? 0 : integer('--workers', values.workers);
  return {
    outDir: values.out,
    formats: values.format ?? ['all'],
    cwd,
    ...(workers === undefined ? {} : { workers }),
    cache: !values['no-cache'],
    formatOptions: {
      html: {
        view: oneOf('--view', values.view, ['study', 'answers', 'both']),
        templateDir: values.template === undefined ? undefined : resolve(cwd, values.template),
      },
      anki: { text: !values['no-anki-text'] },
      pdf: {
        paper: oneOf('--paper', values.paper, ['a4', 'letter']),
        versions: integer('--versions', values.versions),
        seed: values.seed,
        select: {
          types: values.type,
          tags: values.tag,
          levels: values.level,
          difficulties: values.difficulty,
          count: integer('--count', values.count),
        },
      },
    },
  };
}
