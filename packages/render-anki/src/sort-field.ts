import { hash } from 'node:crypto';
import { htmlToPlainText } from '@quizmark/model';

/** Anki's `strip_html_preserving_media_filenames`: tags dropped, images replaced by their file names. */
export function stripFieldHtml(html: string): string {
  const withMedia = html.replace(
    /<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>/gi,
    (_, double?: string, single?: string, bare?: string) => ` ${double ?? single ?? bare ?? ''} `,
  );
  return htmlToPlainText(withMedia.replace(/<!--[\s\S]*?-->/g, ''));
}

/** Anki's field checksum (notes.csum): the first 32 bits of the SHA-1 of the stripped field. */
export function fieldChecksum(html: string): number {
  return strippedFieldChecksum(stripFieldHtml(html));
}

/** `fieldChecksum` of a field already stripped with `stripFieldHtml`. */
export function strippedFieldChecksum(stripped: string): number {
  return hash('sha1', stripped, 'buffer').readUInt32BE(0);
}
