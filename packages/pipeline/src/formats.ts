import { UsageError } from './discover.js';
import { FORMATS } from './renderers.js';

/** Expands `all` and checks every format name. */
export function resolveFormats(formats: readonly string[]): string[] {
  const list = formats
    .flatMap((format) => format.split(','))
    .map((format) => format.trim().toLowerCase());
  const expanded = list.includes('all') ? FORMATS : list.filter(Boolean);
  for (const format of expanded) {
    if (!FORMATS.includes(format)) {
      throw new UsageError(
        `unknown format \`${format}\`: expected one of ${FORMATS.join(', ')} or all`,
      );
    }
  }
  if (expanded.length === 0)
    throw new UsageError(`no format: expected one of ${FORMATS.join(', ')} or all`);
  return [...new Set(expanded)];
}
