import type { Schema } from 'hast-util-sanitize';

// What survives of Temml's MathML: the elements and attributes of MathML
// Core (what browsers draw natively), with values checked. Temml is ours,
// but the TeX it reads is the author's: the output is allowlisted, never
// trusted. Styles do not survive (the page's CSP forbids them); the classes
// that carry them instead are checked against the shipped stylesheet.

const LENGTH = /^-?(?:\d+\.?\d*|\.\d+)(?:em|ex|px|pt|pc|in|cm|mm|mu|%)?$/;
const BOOLEAN = /^(?:true|false)$/;
/** A hex colour or a colour keyword: nothing that could close the attribute's meaning. */
export const MATH_COLOR = /^(?:#[\da-f]{3,8}|[a-z]+)$/i;
const SCRIPT_LEVEL = /^[+-]?\d$/;

const MATHML_CORE_ELEMENTS = [
  'math',
  'semantics',
  'annotation',
  'merror',
  'mfrac',
  'mi',
  'mmultiscripts',
  'mn',
  'mo',
  'mover',
  'mpadded',
  'mphantom',
  'mprescripts',
  'mroot',
  'mrow',
  'ms',
  'mspace',
  'msqrt',
  'mstyle',
  'msub',
  'msubsup',
  'msup',
  'mtable',
  'mtd',
  'mtext',
  'mtr',
  'munder',
  'munderover',
];

/** The MathML allowlist, for a tree whose classes are limited to `classes`. */
export function mathmlSchema(classes: readonly string[]): Schema {
  return {
    tagNames: [
      ...MATHML_CORE_ELEMENTS,
      // Not MathML Core, but inert markup: Temml draws `\cancel`, `\boxed`
      // and friends with it and the classes inside it, styled by its CSS.
      'menclose',
      // Temml's equation number: an empty span its CSS counts (`\tag`, `equation`).
      'span',
    ],
    ancestors: { span: ['mtext'] },
    attributes: {
      '*': [
        ['className', ...classes],
        ['mathcolor', MATH_COLOR],
        ['mathbackground', MATH_COLOR],
        ['mathsize', LENGTH],
        ['displaystyle', BOOLEAN],
        ['scriptlevel', SCRIPT_LEVEL],
        ['dir', 'ltr', 'rtl'],
      ],
      math: [['display', 'block', 'inline']],
      annotation: [['encoding', 'application/x-tex']],
      mi: [['mathvariant', 'normal']],
      mfrac: [['linethickness', LENGTH]],
      mo: [
        ['form', 'prefix', 'infix', 'postfix'],
        ['fence', BOOLEAN],
        ['separator', BOOLEAN],
        ['stretchy', BOOLEAN],
        ['symmetric', BOOLEAN],
        ['largeop', BOOLEAN],
        ['movablelimits', BOOLEAN],
        ['lspace', LENGTH],
        ['rspace', LENGTH],
        ['minsize', LENGTH],
        ['maxsize', LENGTH],
      ],
      mover: [['accent', BOOLEAN]],
      munder: [['accentunder', BOOLEAN]],
      munderover: [
        ['accent', BOOLEAN],
        ['accentunder', BOOLEAN],
      ],
      mspace: [
        ['width', LENGTH],
        ['height', LENGTH],
        ['depth', LENGTH],
      ],
      mpadded: [
        ['width', LENGTH],
        ['height', LENGTH],
        ['depth', LENGTH],
        ['lspace', LENGTH],
        ['voffset', LENGTH],
      ],
      menclose: [['notation', /^[a-z ]+$/]],
    },
    // No ids or names come out of TeX, so nothing needs a prefix.
    clobber: [],
    protocols: {},
    required: {},
    strip: [],
  };
}
