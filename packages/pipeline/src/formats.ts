import { UsageError } from './discover.js';
import type { RendererRegistry } from './renderers.js';

/** Expands `all` and checks every format name against the registry. */
export function resolveFormats(registry: RendererRegistry, formats: readonly string[]): string[] {
  const known = registry.formats;
  const list = formats
    .flatMap((format) => format.split(','))
    .map((format) => format.trim().toLowerCase());
  const expanded = list.includes('all') ? known : list.filter(Boolean);
  for (const format of expanded) {
    if (!known.includes(format)) {
      throw new UsageError(
        `unknown format \`${format}\`: expected one of ${known.join(', ')} or all`,
      );
    }
  }
  if (expanded.length === 0)
    throw new UsageError(`no format: expected one of ${known.join(', ')} or all`);
  return [...new Set(expanded)];
}
