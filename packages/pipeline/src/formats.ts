import { UsageError } from './discover.js';
import { FORMAT_GROUPS, type FormatGroup, type RendererRegistry } from './renderers.js';

/**
 * Expands the groups (`all`: the study outputs; `lms`: the LMS exports) and
 * checks every format name against the registry, in the order asked.
 */
export function resolveFormats(registry: RendererRegistry, formats: readonly string[]): string[] {
  const known = registry.formats;
  const list = formats
    .flatMap((format) => format.split(','))
    .map((format) => format.trim().toLowerCase());
  const expected = `expected one of ${known.join(', ')}, all (${registry.group('all').join(', ')}) or lms (${registry.group('lms').join(', ')})`;
  const asked = new Set<string>();
  for (const name of list.filter(Boolean)) {
    if (FORMAT_GROUPS.includes(name)) {
      for (const format of registry.group(name as FormatGroup)) asked.add(format);
    } else if (known.includes(name)) asked.add(name);
    else throw new UsageError(`unknown format \`${name}\`: ${expected}`);
  }
  if (asked.size === 0) throw new UsageError(`no format: ${expected}`);
  return [...asked];
}
