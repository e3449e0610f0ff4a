import type { Asset } from '@quizmark/model';

/** An asset as a data URI, to inline images in a self-contained page. */
export function assetDataUri(asset: Asset): string {
  return `data:${asset.mediaType};base64,${Buffer.from(asset.bytes).toString('base64')}`;
}
