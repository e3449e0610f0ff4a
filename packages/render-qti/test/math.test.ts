import type { Block, Inline } from '@quizmark/model';
import {
  deck,
  deckInput,
  flashcard,
  para,
  QTI_ITEM_SCHEMA,
  rich,
  section,
  systemTool,
  xmlSchemaErrors,
} from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { qtiDescriptor } from '../src/index.js';
import { findAll, parseXml, renderPackage } from './qti-support.js';

// Temml writes MathML Core; QTI 2.1 validates MathML 2. A spread of TeX
// constructs must come out as MathML the IMS schema accepts, with the TeX
// kept as an annotation; what cannot is printed as TeX and reported.

const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';
const FORMULAS = [
  'F = ma',
  '\\frac{a}{b} + x^2',
  '\\vec F_\\text{net} = \\sum_{i=1}^{n} F_i',
  '\\sqrt[3]{x} \\cdot \\sqrt{y}',
  '\\begin{pmatrix}a & b\\\\ c & d\\end{pmatrix}',
  '\\mathbb{R} \\ni \\mathrm{N} \\neq \\not=',
  '\\cancel{x} \\overbrace{a+b}^{n} \\underbrace{c}_{m}',
  '\\xrightarrow{heat} \\color{red} x',
  '\\ce{2H2 + O2 -> 2H2O}',
  '\\int_0^\\infty e^{-x}\\,dx = 1',
  '\\left( \\frac{1}{2} \\right) \\quad \\text{m/s}^2',
];
const ALIGN = '\\begin{align}a &= b\\\\ c &= d\\end{align}';

const inline = (tex: string): Inline => ({ type: 'inlineMath', value: tex });
const display = (tex: string): Block => ({ type: 'math', value: tex });

function mathDeck() {
  const items = FORMULAS.map((tex, index) =>
    flashcard(`math-${index + 1}`, {
      front: rich(para('Inline ', inline(tex), '.'), display(tex)),
      back: 'ok',
    }),
  );
  items.push(flashcard('align', { front: rich(display(ALIGN)), back: 'ok' }));
  return deckInput(deck({ sections: [section('s', 'S', items)] }), 'math');
}

const xmllint = systemTool('xmllint', 'libxml2-utils');

describe('math', () => {
  it('should write each formula as namespaced MathML with its TeX as an annotation', async () => {
    const { text } = await renderPackage(mathDeck());
    FORMULAS.forEach((tex, index) => {
      const maths = findAll(parseXml(text(`items/math-${index + 1}.xml`)), 'math');
      expect(maths).toHaveLength(2);
      for (const math of maths) {
        expect(math.uri).toBe(MATHML_NS);
        const annotation = findAll(math, 'annotation')[0]!;
        expect(annotation.attributes.encoding).toBe('application/x-tex');
        expect(annotation.text).toBe(tex);
      }
      expect(maths.map((m) => m.attributes.display)).toEqual([undefined, 'block']);
    });
  });

  it.runIf(xmllint.available)(
    'should validate every formula against the MathML 2 schema QTI imports',
    async () => {
      const { entries } = await renderPackage(mathDeck());
      const items = entries
        .filter((e) => e.name.startsWith('items/'))
        .map((e) => ({ name: e.name, text: e.bytes }));
      expect(items).toHaveLength(FORMULAS.length + 1);
      expect(xmlSchemaErrors(items, QTI_ITEM_SCHEMA)).toBeNull();
    },
  );

  it('should print a formula MathML 2 cannot hold as its TeX, and report it', async () => {
    const { text } = await renderPackage(mathDeck());
    const item = parseXml(text('items/align.xml'));
    expect(findAll(item, 'math')).toHaveLength(0);
    expect(findAll(item, 'code')[0]!.text).toBe(`$$${ALIGN}$$`);
    const problems = await qtiDescriptor.check!(
      mathDeck(),
      {},
      { sourceDateEpoch: 0, lastChange: 0 },
    );
    expect(problems).toEqual([
      expect.objectContaining({ ruleId: 'qti-math-as-text', item: 'align' }),
    ]);
  });
});
