import type { Options } from 'temml';

/**
 * Options every Temml call shares. Author TeX is untrusted: `trust: false`
 * refuses `\href`, `\url` and `\html…`, and `maxExpand` stops macro loops
 * (`\def\a{\a}\a`) long before they cost memory.
 */
export function temmlOptions(display: boolean): Options {
  return {
    displayMode: display,
    throwOnError: true,
    trust: false,
    strict: false,
    maxExpand: 1000,
    maxSize: [50, 50],
    // The TeX rides along as an annotation: copy and paste and screen readers get the source.
    annotate: true,
  };
}
