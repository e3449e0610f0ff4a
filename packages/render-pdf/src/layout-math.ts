import { type MathSvg, texToSvg } from '@quizmark/math/svg';
import { readSvg, type SvgImage } from '@quizmark/pdf-svg';
import { BoundedCache } from './bounded-cache.js';
import { asMono } from './fonts.js';
import type { Fragment, RunStyle } from './inline-runs.js';
import type { DrawOp, LayoutRow } from './layout-model.js';
import { structNode } from './struct-tags.js';
import type { Frame } from './text-rows.js';
import { COLOR, TEXT } from './theme.js';

// Math is MathJax's SVG drawn as vectors, sized in ems of the text around
// it: inline math sits on the line's baseline, display math is centred in
// the column, whole on one page. Its TeX is written over it as invisible
// text, so search and copy find the formula. TeX that MathJax cannot read
// prints as its source, in monospace and the error colour (the parser has
// warned about it already).

interface RenderedMath extends MathSvg {
  image: SvgImage;
}

// Per process, as the fonts' shaping: a formula is typeset once however often it prints.
const cache = new BoundedCache<string, RenderedMath | null>(10_000);

function rendered(tex: string, display: boolean): RenderedMath | null {
  const key = `${display ? 'display' : 'inline'}:${tex}`;
  let math = cache.get(key);
  if (math === undefined) {
    const { math: svg } = texToSvg(tex, display);
    const image = svg ? readSvg(svg.svg).image : null;
    math = svg && image ? { ...svg, image } : null;
    cache.set(key, math);
  }
  return math;
}

/** The TeX as a source line, for math that cannot be drawn. */
export function texSource(tex: string, style: RunStyle): Fragment {
  return {
    text: tex,
    style: {
      ...style,
      font: asMono(style.font),
      size: style.size * TEXT.inlineCodeScale,
      color: COLOR.mathError,
    },
  };
}

/** Draw operations of math `width` wide with its top-left at (x, y), its TeX over it. */
function mathOps(
  math: RenderedMath,
  tex: string,
  x: number,
  y: number,
  width: number,
  size: number,
  color: string,
): DrawOp[] {
  const scale = width / math.width;
  const height = (math.height + math.depth) * scale;
  // Read out as its TeX, which is also what copying it gives.
  const tag = structNode('Formula', null, tex);
  return [
    { op: 'svg', x, y, width, height, svg: math.image, color, tag },
    { op: 'hiddenText', x, y: y + math.height * scale, width, text: tex, size, tag },
  ];
}

/** Inline math: a box on the baseline, its size that of the text around it. */
export function inlineMath(tex: string, style: RunStyle): Fragment {
  const math = rendered(tex, false);
  if (!math || !(math.width > 0)) return texSource(tex, style);
  const em = style.size;
  return {
    text: '',
    style,
    box: {
      width: math.width * em,
      ascent: math.height * em,
      descent: math.depth * em,
      draw: (x, baseline, width) => {
        const scale = Math.min(1, width / (math.width * em));
        return mathOps(
          math,
          tex,
          x,
          baseline - math.height * em * scale,
          math.width * em * scale,
          em,
          style.color,
        );
      },
    },
  };
}

/** Space above and below display math, inside its row. */
const DISPLAY_PAD = 4;

/** Display math: one row, centred in the frame, scaled down to the column and the page if need be. */
export function layoutDisplayMath(
  tex: string,
  frame: Frame,
  style: { run: RunStyle; lineHeight: number },
  maxHeight: number,
): LayoutRow | null {
  const math = rendered(tex, true);
  if (!math || !(math.width > 0)) return null;
  const em = style.run.size;
  const scale = Math.min(
    1,
    frame.width / (math.width * em),
    maxHeight / ((math.height + math.depth) * em),
  );
  const width = math.width * em * scale;
  const height = (math.height + math.depth) * em * scale;
  const x = frame.x + (frame.width - width) / 2;
  return {
    spaceBefore: 0,
    height: height + 2 * DISPLAY_PAD,
    baseline: DISPLAY_PAD + math.height * em * scale,
    ops: mathOps(math, tex, x, DISPLAY_PAD, width, em, style.run.color),
    breakAfter: 'block',
  };
}
