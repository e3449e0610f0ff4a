/**
 * The label of a position in spreadsheet style: 0 → A, 25 → Z, 26 → AA. The
 * one definition of option letters, shown to learners (A, B, …) and used as
 * option keys in author order (a, b, …).
 */
export function optionLetter(index: number): string {
  let letters = '';
  let rest = index;
  do {
    letters = String.fromCharCode(65 + (rest % 26)) + letters;
    rest = Math.floor(rest / 26) - 1;
  } while (rest >= 0);
  return letters;
}

/** The key of the option at `index` in author order: a, b, …, z, aa, ab… */
export const optionKey = (index: number): string => optionLetter(index).toLowerCase();
