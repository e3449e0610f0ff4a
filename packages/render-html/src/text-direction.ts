// Scripts written right to left (ISO 15924), which a page in such a language
// declares with `dir="rtl"`: the browser then lays out the whole page, not
// only each paragraph's text, from the right.
const RTL_SCRIPTS = new Set([
  'Adlm',
  'Arab',
  'Hebr',
  'Mand',
  'Nkoo',
  'Rohg',
  'Samr',
  'Syrc',
  'Thaa',
]);

/** `rtl` for a language written right to left (its likely script, by CLDR), else null. */
export function textDirection(language: string): 'rtl' | null {
  try {
    return RTL_SCRIPTS.has(new Intl.Locale(language).maximize().script ?? '') ? 'rtl' : null;
  } catch {
    // A tag Intl refuses (the model's pattern lets a few through): no direction is claimed.
    return null;
  }
}
