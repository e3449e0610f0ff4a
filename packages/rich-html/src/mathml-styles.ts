import type { Element } from 'hast';
import { MATH_COLOR } from './mathml-schema.js';

// Temml writes some of its layout as `style` attributes, which a page whose
// CSP hashes its one stylesheet cannot keep. What carries meaning becomes a
// MathML attribute or one of the classes of `math-stylesheet.ts`; the rest
// is dropped on purpose: the cell padding of arrays (the browser's default
// spacing is close), negative kerns (`\!`), the positioning of `\cancelto`
// and `\llap`, the extra padding of `\raisebox` (its shift is an attribute),
// the font of upright Greek fallbacks, and the colour of `\fcolorbox`'s frame
// (it is drawn in the text colour).

type Mapped = { attribute: [name: string, value: string] } | { className: string } | null;

const RULE = /^[\d.]+em (solid|dashed|double)$/;

function mapDeclaration(property: string, value: string): Mapped {
  switch (property) {
    case 'color':
      return MATH_COLOR.test(value) && value !== 'undefined'
        ? { attribute: ['mathcolor', value] }
        : null;
    case 'math-depth':
      return /^\d$/.test(value) ? { attribute: ['scriptlevel', value] } : null;
    case 'font-weight':
      return value === 'bold' ? { className: 'qm-math-bold' } : null;
    case 'border-top':
    case 'border-bottom':
    case 'border-left':
    case 'border-right': {
      const kind = RULE.exec(value)?.[1];
      return kind ? { className: `qm-math-${property}-${kind}` } : null;
    }
    case 'border':
      // `\boxed`, `\fbox`, `\fcolorbox`: a frame, which always comes with its padding.
      return /^[\d.]+(?:px|em) solid\b/.test(value) ? { className: 'qm-math-frame' } : null;
    case 'padding':
      // `\colorbox`: the coloured box reaches past its text.
      return value === '0.3em' ? { className: 'qm-math-box' } : null;
    case 'width':
      // The two halves around an equation (`\tag`, `align`) and the table holding them.
      if (value === '100%') return { className: 'qm-math-full-width' };
      return value === '50%' ? { className: 'qm-math-half-width' } : null;
    case 'text-align':
      return value === 'left' ? { className: 'tml-left' } : null;
    case 'transform':
      return value === 'scaleX(-1)' ? { className: 'qm-math-mirror' } : null;
    default:
      return null;
  }
}

/**
 * Moves what an element's `style` means into attributes and classes, then
 * drops the style. `none` (MathML 3's empty script) becomes MathML Core's
 * empty `mrow`.
 */
export function restyleMathElement(element: Element): void {
  if (element.tagName === 'none') element.tagName = 'mrow';
  const style = element.properties.style;
  if (typeof style !== 'string') return;
  delete element.properties.style;
  const classes = Array.isArray(element.properties.className)
    ? element.properties.className.map(String)
    : [];
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const mapped = mapDeclaration(
      declaration.slice(0, colon).trim().toLowerCase(),
      declaration
        .slice(colon + 1)
        .trim()
        .replace(/\s+/g, ' '),
    );
    if (mapped === null) continue;
    if ('attribute' in mapped) element.properties[mapped.attribute[0]] = mapped.attribute[1];
    else if (!classes.includes(mapped.className)) classes.push(mapped.className);
  }
  if (classes.length > 0) element.properties.className = classes;
}
