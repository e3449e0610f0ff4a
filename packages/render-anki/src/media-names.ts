import { createHash } from 'node:crypto';
import type { Asset } from '@quizmark/model';

/**
 * The name of an asset in Anki's media folder: the file's own name plus 8
 * hex digits of a hash of its bytes (`diagram-3fa2c1d0.png`). Anki keeps one
 * media folder for all decks, so two different images called `diagram.png`
 * get two names, the same image shared by two decks gets one, and an edited
 * image gets a new name instead of being shadowed by the old file.
 */
export function mediaFileName(asset: Asset): string {
  const base = asset.path.split('/').pop() ?? 'image';
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  const ext = dot > 0 ? base.slice(dot).toLowerCase() : '';
  const safeStem =
    stem
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}_-]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'image';
  const safeExt = /^\.[a-z0-9]{1,8}$/.test(ext) ? ext : '';
  const hash = createHash('sha256').update(asset.bytes).digest('hex').slice(0, 8);
  return `${safeStem}-${hash}${safeExt}`;
}
