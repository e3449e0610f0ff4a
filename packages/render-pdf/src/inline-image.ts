import type { Asset, Image } from '@quizmark/model';
import { withItalic } from './fonts.js';
import type { Fragment, RunStyle } from './inline-runs.js';
import { fittedSize, imageOps } from './layout-image.js';
import { COLOR } from './theme.js';

// An image inside a sentence (an icon, a symbol) sits on the baseline like a
// letter, at most twice the text's size high, so the line opens up only a
// little; one that cannot be drawn keeps its alt text in the line.

const MAX_HEIGHT_EMS = 2;
const MAX_WIDTH_EMS = 30;

/** The fragment of an inline image: a box in the line, or its alt text. */
export function inlineImage(image: Image, asset: Asset | undefined, style: RunStyle): Fragment {
  const size = fittedSize(asset, MAX_WIDTH_EMS * style.size, MAX_HEIGHT_EMS * style.size);
  if (size)
    return {
      text: '',
      style,
      box: {
        width: size.width,
        ascent: size.height,
        descent: 0,
        draw: (x, baseline, width) => {
          const scale = Math.min(1, width / size.width);
          const box = { width: size.width * scale, height: size.height * scale };
          return imageOps(image, asset, x, baseline - box.height, box, style.color) ?? [];
        },
      },
    };
  return {
    text: `[image: ${image.alt || image.url}]`,
    style: { ...style, font: withItalic(style.font), color: COLOR.muted },
  };
}
