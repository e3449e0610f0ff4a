import type { Asset } from '@quizmark/model';

/** A deck's local images by the reference written in the Markdown: their paths in the package. */
export type PackageImages = ReadonlyMap<string, { path: string; asset: Asset }>;

const safeSegment = (segment: string) =>
  segment
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[.-]+/, '') || 'image';

/**
 * `media/<path>` for each asset: its path below the content root with each
 * segment made safe for a URL and a zip reader (no `..`, no spaces or
 * reserved characters). Two paths that become one name get `-2`, `-3`… in
 * the order of their original paths, so names stay the same build to build.
 */
export function packageImages(assets: ReadonlyMap<string, Asset>): PackageImages {
  const byPath = new Map<string, Asset>();
  for (const asset of assets.values()) byPath.set(asset.path, asset);
  const taken = new Set<string>();
  const named = new Map<string, string>();
  for (const path of [...byPath.keys()].sort()) {
    const safe = `media/${path.split('/').map(safeSegment).join('/')}`;
    let name = safe;
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const dot = safe.lastIndexOf('.');
      name =
        dot > safe.lastIndexOf('/')
          ? `${safe.slice(0, dot)}-${n}${safe.slice(dot)}`
          : `${safe}-${n}`;
    }
    taken.add(name.toLowerCase());
    named.set(path, name);
  }
  const images = new Map<string, { path: string; asset: Asset }>();
  for (const [url, asset] of assets) images.set(url, { path: named.get(asset.path)!, asset });
  return images;
}
