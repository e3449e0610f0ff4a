import { renderCardTemplate } from './card-template.js';

/** One entry of a note type's `req` list: [template ord, 'any' | 'all' | 'none', field ords]. */
export type CardRequirement = [number, 'any' | 'all' | 'none', number[]];

const FLAG = 'ankiflag';

/**
 * The `req` entry Anki 2.1 computes for a template (legacy `_reqForTemplate`):
 * the fields that must all be filled for the front to show content, or else
 * the fields any one of which is enough. Older Anki versions use it to
 * decide which cards a note has.
 */
export function cardRequirement(
  ord: number,
  qfmt: string,
  fieldNames: readonly string[],
): CardRequirement {
  const render = (values: string[]) =>
    renderCardTemplate(qfmt, Object.fromEntries(fieldNames.map((name, i) => [name, values[i]!])));
  const full = render(fieldNames.map(() => FLAG));
  const empty = render(fieldNames.map(() => ''));
  if (full === empty) return [ord, 'none', []];

  const all = fieldNames
    .map((_, index) => index)
    .filter((index) => !render(fieldNames.map((_, i) => (i === index ? '' : FLAG))).includes(FLAG));
  if (all.length > 0) return [ord, 'all', all];

  const any = fieldNames
    .map((_, index) => index)
    .filter((index) => render(fieldNames.map((_, i) => (i === index ? '1' : ''))) !== empty);
  return [ord, 'any', any];
}
