import { texToMathml } from '@quizmark/math';
import { htmlToPlainText } from '@quizmark/model';
import { attributesXml, escapeXml } from './xml-text.js';

// Temml writes MathML Core; QTI 2.1 imports the MathML 2 schema. Temml's
// output is regular (its own escaping, no comments), so a small tokenizer
// reads it; elements MathML 2 lacks make the formula fail (its TeX is then
// printed as text, and `check` reports `qti-math-as-text`), attributes it
// lacks are dropped: they only tune spacing and classes for Temml's CSS.

const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';

const ELEMENTS = new Set([
  'math',
  'semantics',
  'annotation',
  'mrow',
  'mi',
  'mn',
  'mo',
  'mtext',
  'mspace',
  'ms',
  'mfrac',
  'msqrt',
  'mroot',
  'mstyle',
  'merror',
  'mpadded',
  'mphantom',
  'mfenced',
  'menclose',
  'msub',
  'msup',
  'msubsup',
  'munder',
  'mover',
  'munderover',
  'mmultiscripts',
  'mprescripts',
  'none',
  'mtable',
  'mtr',
  'mlabeledtr',
  'mtd',
  'maligngroup',
  'malignmark',
  'maction',
]);

/** Attributes MathML 2 allows, by element; `*` applies to every element. */
const ATTRIBUTES: Record<string, readonly string[]> = {
  '*': [],
  math: ['display'],
  annotation: ['encoding'],
  mi: ['mathvariant'],
  mn: ['mathvariant'],
  mtext: ['mathvariant'],
  mo: [
    'mathvariant',
    'form',
    'fence',
    'separator',
    'lspace',
    'rspace',
    'stretchy',
    'symmetric',
    'maxsize',
    'minsize',
    'largeop',
    'movablelimits',
    'accent',
  ],
  mspace: ['width', 'height', 'depth'],
  mfrac: ['linethickness'],
  mstyle: ['displaystyle', 'scriptlevel', 'mathvariant'],
  mpadded: ['width', 'height', 'depth', 'lspace', 'voffset'],
  menclose: ['notation'],
  munder: ['accentunder'],
  mover: ['accent'],
  munderover: ['accent', 'accentunder'],
  mtable: [
    'columnalign',
    'rowalign',
    'columnspacing',
    'rowspacing',
    'columnlines',
    'rowlines',
    'frame',
    'displaystyle',
  ],
  mtr: ['columnalign', 'rowalign'],
  mtd: ['columnalign', 'rowalign', 'columnspan', 'rowspan'],
};

/** Values MathML 2 would refuse for an attribute it knows (MathML Core spellings). */
const VALID_VALUE: Record<string, RegExp> = {
  display: /^(block|inline)$/,
  mathvariant:
    /^(normal|bold|italic|bold-italic|double-struck|bold-fraktur|script|bold-script|fraktur|sans-serif|bold-sans-serif|sans-serif-italic|sans-serif-bold-italic|monospace)$/,
  displaystyle: /^(true|false)$/,
  scriptlevel: /^[+-]?\d+$/,
};

const TOKEN = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>|([^<]+)/gy;
const ATTRIBUTE = /([\w:-]+)="([^"]*)"/g;

export type QtiMath = { xml: string; problem: null } | { xml: null; problem: string };

const cache = new Map<string, QtiMath>();

/** TeX as a MathML 2 `math` element QTI 2.1 validates, or why it cannot be one. */
export function qtiMath(tex: string, display: boolean): QtiMath {
  const key = `${display ? 'D' : 'I'}${tex}`;
  let result = cache.get(key);
  if (!result) {
    result = convert(tex, display);
    cache.set(key, result);
  }
  return result;
}

function convert(tex: string, display: boolean): QtiMath {
  const rendered = texToMathml(tex, display);
  if (rendered.mathml === null) return { xml: null, problem: rendered.problem.message };
  let out = '';
  TOKEN.lastIndex = 0;
  const source = rendered.mathml;
  while (TOKEN.lastIndex < source.length) {
    const match = TOKEN.exec(source);
    if (!match) return { xml: null, problem: 'Temml wrote markup this output cannot read' };
    const [, closing, name, attributeText, selfClosing, text] = match;
    if (text !== undefined) {
      out += escapeXml(htmlToPlainText(text));
      continue;
    }
    if (!ELEMENTS.has(name!)) return { xml: null, problem: `MathML 2 has no \`${name}\` element` };
    if (closing) {
      out += `</${name}>`;
      continue;
    }
    const kept: Record<string, string> = name === 'math' ? { xmlns: MATHML_NS } : {};
    const allowed = [...ATTRIBUTES['*']!, ...(ATTRIBUTES[name!] ?? [])];
    for (const [, attribute, value] of attributeText!.matchAll(ATTRIBUTE)) {
      const decoded = htmlToPlainText(value!);
      if (!allowed.includes(attribute!)) continue;
      if (VALID_VALUE[attribute!] && !VALID_VALUE[attribute!]!.test(decoded)) continue;
      kept[attribute!] = decoded;
    }
    out += `<${name}${attributesXml(kept)}${selfClosing ? '/' : ''}>`;
  }
  return { xml: out, problem: null };
}
