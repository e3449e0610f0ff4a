import { createHash } from 'node:crypto';

/**
 * The page's Content-Security-Policy: nothing may load from anywhere except
 * data: images (and data: fonts, on pages with math: the math stylesheet
 * inlines one), and only the page's own style and script (by hash) may run.
 * The sanitiser already removes author script; this is the second wall, and
 * it also guarantees that no request leaves the file.
 */
export function contentSecurityPolicy(css: string, script: string | null, fonts: boolean): string {
  return [
    "default-src 'none'",
    'img-src data:',
    ...(fonts ? ['font-src data:'] : []),
    `style-src '${sha256(css)}'`,
    script === null ? "script-src 'none'" : `script-src '${sha256(script)}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
