import type { Asset, Image } from '@quizmark/model';
import { withItalic } from './fonts.js';
import { drawableImage } from './image-decode.js';
import type { RunStyle } from './inline-runs.js';
import type { DrawOp, LayoutRow } from './layout-model.js';
import { breakLines } from './line-break.js';
import { structNode } from './struct-tags.js';
import { baselineFor, type Frame, lineOps } from './text-rows.js';
import { COLOR } from './theme.js';

// Images the PDF draws: PNG and JPEG as they are, a GIF's first frame,
// SVG as vectors. They are sized at 96 dpi (CSS pixels), scaled down to the
// column and the page, never up. An image is a Figure with its alt text as
// /Alt for screen readers; the alt text is also written over it as invisible
// text, so search, copy and text extraction find it where the image is.

const PX_TO_PT = 0.75;
/** Alt text is set at this size before it is stretched to the image's width. */
const ALT_SIZE = 6;

export interface ImageBox {
  width: number;
  height: number;
}

/** Draw operations of an image placed at (x, y) `box.width` × `box.height`; null when it cannot be drawn. */
export function imageOps(
  image: Image,
  asset: Asset | undefined,
  x: number,
  y: number,
  box: ImageBox,
  color: string,
): DrawOp[] | null {
  const drawable = asset ? drawableImage(asset) : null;
  if (!drawable) return null;
  const alt = (image.alt || image.title || '').trim().replace(/\s+/g, ' ');
  const tag = structNode('Figure', null, alt || undefined);
  const ops: DrawOp[] = [
    drawable.kind === 'svg'
      ? { op: 'svg', x, y, ...box, svg: drawable.svg, color, tag }
      : { op: 'image', x, y, ...box, url: image.url, tag },
  ];
  if (alt)
    ops.push({
      op: 'hiddenText',
      x,
      y: y + Math.min(box.height, ALT_SIZE),
      width: box.width,
      text: alt,
      size: Math.min(ALT_SIZE, box.height),
      tag,
    });
  return ops;
}

/** The image's size in points, scaled down to fit `maxWidth` × `maxHeight`; null when it cannot be drawn. */
export function fittedSize(
  asset: Asset | undefined,
  maxWidth: number,
  maxHeight: number,
): ImageBox | null {
  const drawable = asset ? drawableImage(asset) : null;
  if (!drawable || !(drawable.width > 0) || !(drawable.height > 0)) return null;
  const scale = Math.min(PX_TO_PT, maxWidth / drawable.width, maxHeight / drawable.height);
  return { width: drawable.width * scale, height: drawable.height * scale };
}

/** Rows of a paragraph that holds only images: one image a row, each kept whole on a page. */
export function layoutImages(
  images: readonly Image[],
  assets: ReadonlyMap<string, Asset>,
  frame: Frame,
  style: { run: RunStyle; lineHeight: number },
  maxHeight: number,
): LayoutRow[] {
  return images.map((image, index): LayoutRow => {
    const asset = assets.get(image.url);
    const spaceBefore = index === 0 ? 0 : 6;
    const size = fittedSize(asset, frame.width, maxHeight);
    const ops = size ? imageOps(image, asset, frame.x, 0, size, style.run.color) : null;
    if (!size || !ops) return { ...altTextBox(image, frame, style), spaceBefore };
    // A marker beside the image (an option's letter, a number) stands by its top, as by a first line.
    const baseline = Math.min(size.height, baselineFor(style.lineHeight, style.run.size));
    return { spaceBefore, height: size.height, baseline, ops, breakAfter: 'block' };
  });
}

/** A dashed box with the image's alt text, for images that cannot be drawn (remote, WebP, missing). */
export function altTextBox(
  image: Image,
  frame: Frame,
  style: { run: RunStyle; lineHeight: number },
): LayoutRow {
  const pad = 6;
  const run = { ...style.run, font: withItalic(style.run.font), color: COLOR.muted };
  const label = `[image: ${image.alt || image.title || image.url}]`;
  const lines = breakLines([{ text: label, style: run }], frame.width - 2 * pad);
  const ops: DrawOp[] = [];
  lines.forEach((line, index) => {
    ops.push(
      ...lineOps(
        line,
        frame.x + pad,
        pad + index * style.lineHeight + baselineFor(style.lineHeight, run.size),
      ),
    );
  });
  const height = lines.length * style.lineHeight + 2 * pad;
  ops.unshift({
    op: 'rect',
    x: frame.x,
    y: 0,
    width: frame.width,
    height,
    fill: null,
    stroke: COLOR.rule,
    dash: 3,
  });
  return {
    spaceBefore: 0,
    height,
    baseline: pad + baselineFor(style.lineHeight, run.size),
    ops,
    breakAfter: 'block',
    tag: structNode('P'),
  };
}
