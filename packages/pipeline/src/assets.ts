import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, relative, resolve } from 'node:path';
import { type Asset, type Diagnostic, IMAGE_MEDIA_TYPES } from '@quizmark/model';
import type { ImageReference } from '@quizmark/parser';
import type { DeckFile } from './discover.js';
import { toPosix } from './discover.js';
import { isExternalUrl } from './external-url.js';
import { checkImage, MAX_IMAGE_PIXELS } from './image-check.js';
import { isInside } from './path-containment.js';

// By extension, as every output names them.
const MEDIA_TYPES: Readonly<Record<string, string>> = IMAGE_MEDIA_TYPES;

/** Images larger than this are refused: a handout inlines them and Anki syncs them. */
export const MAX_ASSET_BYTES = 10 * 1024 * 1024;

export interface LoadedAssets {
  assets: Map<string, Asset>;
  diagnostics: Diagnostic[];
  /** Newest modification time among the files read, in seconds. */
  newestMtime: number;
  /** The files read, to tell later whether they changed. */
  files: FileStamp[];
}

/** A file's identity for change detection: real path, size and modification time. */
export interface FileStamp {
  path: string;
  size: number;
  mtimeMs: number;
}

/**
 * Reads the local images a deck refers to. A reference resolves against the
 * deck's folder and must stay inside the deck's content root, also after
 * following symlinks; anything else is refused with a positioned error and
 * never read.
 */
export function loadAssets(deck: DeckFile, images: readonly ImageReference[]): LoadedAssets {
  const assets = new Map<string, Asset>();
  const diagnostics: Diagnostic[] = [];
  const files: FileStamp[] = [];
  let newestMtime = 0;
  const problem = (image: ImageReference, ruleId: string, message: string) =>
    diagnostics.push({
      file: deck.display,
      line: image.line,
      column: image.column,
      endLine: null,
      endColumn: null,
      severity: 'error',
      ruleId,
      message,
      source: 'quizmark',
    });
  let realRoot: string;
  try {
    realRoot = realpathSync(deck.root);
  } catch {
    realRoot = deck.root;
  }
  for (const image of images) {
    if (assets.has(image.url) || isExternalUrl(image.url)) continue;
    let decoded: string;
    try {
      decoded = decodeURIComponent(image.url.split(/[?#]/)[0]!);
    } catch {
      decoded = image.url;
    }
    if (isAbsolute(decoded) || decoded.startsWith('/')) {
      problem(
        image,
        'image-outside-root',
        `image \`${image.url}\` is an absolute path: use a path relative to the deck`,
      );
      continue;
    }
    const target = resolve(dirname(deck.path), decoded);
    if (!isInside(deck.root, target)) {
      problem(
        image,
        'image-outside-root',
        `image \`${image.url}\` points outside the content folder (${contentFolderFromDeck(deck)})`,
      );
      continue;
    }
    let real: string;
    try {
      real = realpathSync(target);
    } catch {
      problem(
        image,
        'image-not-found',
        `image \`${image.url}\` not found (looked for \`${fromDeck(deck, target)}\`, relative to this deck)`,
      );
      continue;
    }
    if (!isInside(realRoot, real)) {
      problem(
        image,
        'image-outside-root',
        `image \`${image.url}\` is a link that leads outside the content folder`,
      );
      continue;
    }
    const mediaType = MEDIA_TYPES[extname(real).toLowerCase()];
    if (!mediaType) {
      problem(
        image,
        'image-unsupported',
        `image \`${image.url}\` is not a PNG, JPEG, GIF, WebP or SVG file`,
      );
      continue;
    }
    const stats = statSync(real);
    if (!stats.isFile() || stats.size > MAX_ASSET_BYTES) {
      problem(
        image,
        'image-unsupported',
        `image \`${image.url}\` is not a regular file of at most 10 MB`,
      );
      continue;
    }
    newestMtime = Math.max(newestMtime, Math.floor(stats.mtimeMs / 1000));
    files.push({ path: real, size: stats.size, mtimeMs: stats.mtimeMs });
    const bytes = readFileSync(real);
    // Checked here, in the load step, so that `check` reports what `build`
    // would trip on, and no output ever decodes a broken or huge image.
    const broken = checkImage(bytes, mediaType);
    if (broken?.ruleId === 'image-unreadable') {
      problem(
        image,
        broken.ruleId,
        `image \`${image.url}\` cannot be read: ${broken.reason}; export it again`,
      );
      continue;
    }
    if (broken?.ruleId === 'image-too-large') {
      const { width, height, counted } = broken;
      const size = `${thousands(width)} × ${thousands(height)} pixels (${megapixels(width * height)} megapixels${counted > width * height ? ` of 16-bit colour, which counts as ${megapixels(counted)}` : ''})`;
      problem(
        image,
        broken.ruleId,
        `image \`${image.url}\` is ${size}: expected at most ${megapixels(MAX_IMAGE_PIXELS)} megapixels; scale it down`,
      );
      continue;
    }
    assets.set(image.url, {
      url: image.url,
      path: toPosix(relative(realRoot, real)),
      mediaType,
      bytes,
    });
  }
  return { assets, diagnostics, newestMtime, files };
}

/** `20000` as `20,000`, the same in every locale. */
const thousands = (value: number) => String(value).replace(/\B(?=(\d{3})+$)/g, ',');
const megapixels = (pixels: number) => thousands(Math.ceil(pixels / 1_000_000));

const contentFolderFromDeck = (deck: DeckFile) => {
  const folder = fromDeck(deck, deck.root);
  return folder === '.' ? "the deck's own folder" : `\`${folder}\`, relative to this deck`;
};

/** A path as messages about a deck's images show it: relative to the deck, where the author wrote it. */
function fromDeck(deck: DeckFile, path: string): string {
  return toPosix(relative(dirname(deck.path), path)) || '.';
}
