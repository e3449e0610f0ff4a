import type { Renderer, RendererDescriptor } from '@quizmark/model';
import { ankiDescriptor } from '@quizmark/render-anki/descriptor';
import { giftDescriptor } from '@quizmark/render-gift/descriptor';
import { htmlDescriptor } from '@quizmark/render-html/descriptor';
import { jsonDescriptor } from '@quizmark/render-json/descriptor';
import { moodleDescriptor } from '@quizmark/render-moodle/descriptor';
import { pdfDescriptor } from '@quizmark/render-pdf/descriptor';
import { qtiDescriptor } from '@quizmark/render-qti/descriptor';
import type { z } from 'zod';

/**
 * Every output format, in the order builds write them. An output is one
 * line here. `--format all` builds the study family, `--format lms` the
 * learning-management exports (descriptor `family`).
 */
export const RENDERERS = [
  jsonDescriptor,
  htmlDescriptor,
  ankiDescriptor,
  pdfDescriptor,
  qtiDescriptor,
  moodleDescriptor,
  giftDescriptor,
] as const;

/** Names `--format` takes for several formats at once. */
export const FORMAT_GROUPS: readonly string[] = ['all', 'lms'];
export type FormatGroup = 'all' | 'lms';

/** A descriptor of any format, as the pipeline handles it: options are the descriptor's own business. */
export type AnyDescriptor = RendererDescriptor<string, z.ZodType>;

/** Options per format, as library users and the CLI give them (the schemas' input types). */
export type FormatOptionsOf<Descriptors extends readonly AnyDescriptor[]> = {
  [D in Descriptors[number] as D['format']]?: z.input<D['options']>;
};

export type FormatOptions = FormatOptionsOf<typeof RENDERERS>;

/**
 * The output formats of a build, by name. Descriptors are light (options,
 * flags, what the output carries); a renderer's code loads on first use,
 * so a build that only writes JSON, or a warm rebuild with nothing to do,
 * never pays for loading pdfkit or SQLite.
 */
export class RendererRegistry<
  Descriptors extends readonly AnyDescriptor[] = readonly AnyDescriptor[],
> {
  readonly formats: string[];
  private readonly byFormat = new Map<string, AnyDescriptor>();
  private readonly loaded = new Map<string, Promise<Renderer<unknown>>>();

  constructor(readonly descriptors: Descriptors) {
    for (const descriptor of descriptors) {
      if (FORMAT_GROUPS.includes(descriptor.format))
        throw new Error(
          `renderer format \`${descriptor.format}\` is the name of a group of formats`,
        );
      if (!/^[a-z][a-z0-9-]*$/.test(descriptor.format))
        throw new Error(`renderer format \`${descriptor.format}\` is not a lower-case name`);
      if (this.byFormat.has(descriptor.format))
        throw new Error(`two renderers are both named \`${descriptor.format}\``);
      this.byFormat.set(descriptor.format, descriptor);
    }
    this.formats = [...this.byFormat.keys()];
  }

  /** The formats a group name stands for: `all` the study family, `lms` the LMS exports. */
  group(name: FormatGroup): string[] {
    const family = name === 'all' ? 'study' : 'lms';
    return this.descriptors
      .filter((descriptor) => (descriptor.family ?? 'study') === family)
      .map((descriptor) => descriptor.format);
  }

  get(format: string): AnyDescriptor {
    const descriptor = this.byFormat.get(format);
    if (!descriptor) throw new Error(`unknown format ${format}`);
    return descriptor;
  }

  load(format: string): Promise<Renderer<unknown>> {
    let renderer = this.loaded.get(format);
    if (!renderer) {
      renderer = this.get(format).load();
      this.loaded.set(format, renderer);
    }
    return renderer;
  }
}

/** The registry of the shipped outputs; worker threads render with it. */
export const DEFAULT_REGISTRY = new RendererRegistry(RENDERERS);
