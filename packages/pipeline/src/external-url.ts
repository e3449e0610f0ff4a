/**
 * A reference with a scheme (`https:`, `data:`) or protocol-relative (`//`):
 * never read from disk and never fetched at build time.
 */
export const isExternalUrl = (url: string): boolean =>
  /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');
