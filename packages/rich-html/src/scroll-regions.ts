/**
 * What a code block's `<pre>` carries besides its language: it scrolls
 * sideways on a narrow screen, so it takes keyboard focus (`tabindex="0"`)
 * and a name a screen reader announces when it does (axe
 * `scrollable-region-focusable`).
 */
export function codeRegionLabel(language: string | null): string {
  return language ? `Code (${language})` : 'Code';
}

/** Markdown column alignment as a class (`align=""` is obsolete HTML); the stylesheets set it. */
export function alignClass(align: string): string | null {
  return align === 'left' || align === 'center' || align === 'right' ? `qm-align-${align}` : null;
}
