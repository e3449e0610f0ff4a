import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { drawSvg, readSvg, type SvgImage } from '../src/index.js';
import { pdfOf, pdfText, popplerAvailable, rasterise } from './poppler.js';

const HELVETICA = { regular: 'Helvetica', bold: 'Helvetica-Bold' };

function read(svg: string): SvgImage {
  const result = readSvg(svg);
  if (!result.image) throw new Error(result.problem);
  return result.image;
}

/** The SVG drawn into a `width` × `height` point page, filling it. */
function page(svg: string, width = 200, height = 100) {
  const image = read(svg);
  return pdfOf(width, height, (doc) =>
    drawSvg(doc, image, { x: 0, y: 0, width, height, fonts: HELVETICA }),
  );
}

const red: [number, number, number] = [255, 0, 0];
const white: [number, number, number] = [255, 255, 255];
const near = (pixel: readonly number[], colour: readonly number[], within = 12) =>
  pixel.every((value, index) => Math.abs(value - colour[index]!) <= within);

describe('@quizmark/pdf-svg', () => {
  it('should expose the public api', () => {
    expect(Object.keys(api).sort()).toEqual(['DEFAULT_LIMITS', 'drawSvg', 'readSvg']);
  });

  it('should read the intrinsic size from width and height, else from the viewBox', () => {
    expect(
      read('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="3cm"/>'),
    ).toMatchObject({
      width: 120,
      height: expect.closeTo(113.386, 2),
    });
    expect(
      read('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 10" width="200"/>'),
    ).toMatchObject({
      width: 200,
      height: 50,
    });
    expect(readSvg('<svg xmlns="http://www.w3.org/2000/svg"/>').problem).toMatch(/without a size/);
    expect(readSvg('<html/>').problem).toMatch(/no <svg> root/);
  });
});

describe.skipIf(!popplerAvailable)('drawing', () => {
  it('should draw a labelled diagram: shapes in their colours and the labels as text', async () => {
    const pdf = await page(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100">
      <rect x="10" y="10" width="60" height="40" fill="red" stroke="#000" stroke-width="2"/>
      <circle cx="150" cy="50" r="30" style="fill: rgb(0, 0, 255); stroke: none"/>
      <line x1="70" y1="30" x2="120" y2="50" stroke="green" stroke-width="4" stroke-dasharray="6 3"/>
      <text x="40" y="80" text-anchor="middle" font-size="12">Force <tspan font-weight="bold">F</tspan></text>
      <text x="150" y="95" font-size="8" fill="#333">mass m</text>
    </svg>`);
    const pixels = rasterise(pdf);
    expect(pixels.width).toBe(200);
    expect(near(pixels.at(40, 30), red)).toBe(true);
    expect(near(pixels.at(150, 50), [0, 0, 255])).toBe(true);
    // The stroke is black on the rectangle's edge; outside every shape the page stays white.
    expect(near(pixels.at(10, 30), [0, 0, 0])).toBe(true);
    expect(near(pixels.at(100, 90), white)).toBe(true);
    expect(pdfText(pdf)).toMatch(/Force F[\s\S]*mass m/);
  });

  it('should apply transforms, viewBox scaling and preserveAspectRatio', async () => {
    // A 100 × 100 viewBox in a 200 × 100 box: "meet" centres it, 50 points of margin each side.
    const pdf = await page(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
      <g transform="translate(50 50)">
        <rect x="-10" y="-10" width="20" height="20" fill="#00ff00" transform="rotate(45)"/>
        <g transform="matrix(1 0 0 1 0 0) scale(2)"><rect x="10" y="10" width="10" height="10" fill="#f00"/></g>
      </g>
      <rect x="0" y="0" width="10" height="10" fill="#0000ff" transform="skewX(0)"/>
    </svg>`);
    const pixels = rasterise(pdf);
    expect(near(pixels.at(25, 50), white)).toBe(true);
    expect(near(pixels.at(55, 5), [0, 0, 255])).toBe(true);
    // The rotated square's corner reaches along the axis, past the unrotated half-width of 10.
    expect(near(pixels.at(100 + 12, 50), [0, 255, 0])).toBe(true);
    expect(near(pixels.at(100 + 30, 50 + 30), red)).toBe(true);
    expect(near(pixels.at(100 + 45, 50 + 45), white)).toBe(true);
  });

  it('should draw symbols through use, with currentColor, opacity and the even-odd rule', async () => {
    const image =
      read(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 200 100" color="#0000ff">
      <defs>
        <symbol id="dot" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5" fill="currentColor"/></symbol>
        <path id="ring" d="M0 0 H40 V40 H0 Z M10 10 H30 V30 H10 Z" fill-rule="evenodd"/>
      </defs>
      <use xlink:href="#dot" x="10" y="10" width="40" height="40"/>
      <use href="#ring" x="100" y="10" fill="red"/>
      <rect x="10" y="60" width="40" height="30" fill="red" opacity="0.5"/>
    </svg>`);
    expect(image.problems).toEqual([]);
    const pixels = rasterise(
      await pdfOf(200, 100, (doc) => drawSvg(doc, image, { x: 0, y: 0, width: 200, height: 100 })),
    );
    expect(near(pixels.at(30, 30), [0, 0, 255])).toBe(true);
    expect(near(pixels.at(105, 30), red)).toBe(true);
    expect(near(pixels.at(120, 30), white)).toBe(true);
    expect(near(pixels.at(30, 75), [255, 128, 128])).toBe(true);
  });
});

describe.skipIf(!popplerAvailable)('MathJax output', () => {
  // MathJax with fontCache 'local': glyphs once in <defs>, placed with <use>, the whole flipped by scale(1,-1).
  const source = readFileSync(new URL('fixtures/mathjax-local-cache.svg', import.meta.url), 'utf8');

  it('should draw its glyphs through use, upright, in currentColor', async () => {
    const image = read(source);
    expect(image.problems).toEqual([]);
    const height = (200 * 1814) / 3311.1;
    const pdf = await pdfOf(200, Math.ceil(height), (doc) =>
      drawSvg(doc, image, { x: 0, y: 0, width: 200, height, color: '#ff0000' }),
    );
    const pixels = rasterise(pdf);
    let inked = 0;
    let above = 0;
    let below = 0;
    // The baseline sits 1117 / 1814 of the way down; the fraction bar is on the maths axis above it.
    const baseline = (height * 1117) / 1814;
    for (let y = 0; y < pixels.height; y++)
      for (let x = 0; x < pixels.width; x++) {
        const [r, g, b] = pixels.at(x, y);
        if (r > 200 && g < 80 && b < 80) {
          inked++;
          if (y < baseline) above++;
          else below++;
        }
      }
    expect(inked).toBeGreaterThan(500);
    // a over b: ink on both sides of the baseline, most of it above (a, =, x²).
    expect(above).toBeGreaterThan(below);
    expect(below).toBeGreaterThan(50);
  });
});

describe.skipIf(!popplerAvailable)('gradients', () => {
  it('should shade linear and radial gradients, in the bounding box or in user space', async () => {
    const image =
      read(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 200 100">
      <defs>
        <linearGradient id="across"><stop offset="0" stop-color="#ff0000"/><stop offset="100%" style="stop-color: #0000ff"/></linearGradient>
        <linearGradient id="down" xlink:href="#across" x1="0" y1="0" x2="0" y2="1"/>
        <radialGradient id="spot" gradientUnits="userSpaceOnUse" cx="170" cy="50" r="25">
          <stop offset="0" stop-color="#ffffff"/><stop offset="1" stop-color="#000000"/>
        </radialGradient>
      </defs>
      <rect x="0" y="0" width="100" height="40" fill="url(#across)"/>
      <rect x="0" y="50" width="100" height="50" fill="url(#down)"/>
      <circle cx="170" cy="50" r="25" fill="url(#spot)"/>
    </svg>`);
    expect(image.problems).toEqual([]);
    const pixels = rasterise(
      await pdfOf(200, 100, (doc) => drawSvg(doc, image, { x: 0, y: 0, width: 200, height: 100 })),
    );
    // A pixel is the colour at its place along the gradient, a few percent in from each end.
    expect(near(pixels.at(2, 20), red, 20)).toBe(true);
    expect(near(pixels.at(97, 20), [0, 0, 255], 20)).toBe(true);
    expect(near(pixels.at(50, 20), [128, 0, 128], 20)).toBe(true);
    expect(near(pixels.at(50, 52), red, 20)).toBe(true);
    expect(near(pixels.at(50, 97), [0, 0, 255], 20)).toBe(true);
    expect(pixels.at(170, 50)[0]).toBeGreaterThan(220);
    expect(pixels.at(170, 72)[0]).toBeLessThan(40);
  });
});

describe.skipIf(!popplerAvailable)('stylesheets', () => {
  it('should apply <style> rules by type, class and id, in CSS order, under the style attribute', async () => {
    const image = read(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100">
      <style>
        /* what diagram tools write */
        rect { fill: #00ff00 }
        .box { fill: red; stroke: none }
        .box.blue, #last { fill: #0000ff }
        .label { font: 600 14px sans-serif; fill: #000 }
        g > rect { fill: yellow }
        @media print { rect { fill: black } }
      </style>
      <rect x="0" y="0" width="40" height="40"/>
      <rect class="box" x="50" y="0" width="40" height="40" fill="#00ff00"/>
      <rect class="box blue" x="100" y="0" width="40" height="40"/>
      <rect id="last" class="box" x="150" y="0" width="40" height="40" style="fill: red"/>
      <text class="label" x="10" y="80">Bold label</text>
    </svg>`);
    expect(image.problems).toEqual([
      'feature not drawn: CSS @media',
      'feature not drawn: CSS selector "g > rect"',
    ]);
    const pdf = await pdfOf(200, 100, (doc) =>
      drawSvg(doc, image, { x: 0, y: 0, width: 200, height: 100, fonts: HELVETICA }),
    );
    const pixels = rasterise(pdf);
    expect(near(pixels.at(20, 20), [0, 255, 0])).toBe(true);
    expect(near(pixels.at(70, 20), red)).toBe(true);
    expect(near(pixels.at(120, 20), [0, 0, 255])).toBe(true);
    expect(near(pixels.at(170, 20), red)).toBe(true);
    expect(pdfText(pdf)).toContain('Bold label');
  });
});

describe.skipIf(!popplerAvailable)('path data', () => {
  it('should reflect smooth quadratic control points once, as MathJax glyphs need', async () => {
    // A wave: down through (70, 70), up through (110, 30). A control point reflected twice puts both on one side.
    const pixels = rasterise(
      await page(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100">
        <path d="M10 50Q30 10 50 50T90 50T130 50" fill="none" stroke="#000" stroke-width="3"/>
      </svg>`),
    );
    expect(near(pixels.at(30, 30), [0, 0, 0])).toBe(true);
    expect(near(pixels.at(70, 70), [0, 0, 0])).toBe(true);
    expect(near(pixels.at(110, 30), [0, 0, 0])).toBe(true);
    expect(near(pixels.at(70, 30), white)).toBe(true);
  });

  it('should draw arcs, relative commands and flags written without separators', async () => {
    const pixels = rasterise(
      await page(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100">
        <path d="M20 50A30 30 0 0 1 80 50Z" fill="red"/>
        <path d="m120 50a30 30 0 0060 0z" fill="#0000ff"/>
      </svg>`),
    );
    expect(near(pixels.at(50, 30), red)).toBe(true);
    expect(near(pixels.at(50, 70), white)).toBe(true);
    // Sweep 0 from left to right goes under the centre.
    expect(near(pixels.at(150, 70), [0, 0, 255])).toBe(true);
    expect(near(pixels.at(150, 30), white)).toBe(true);
  });
});

describe('hostile SVG', () => {
  it('should never run scripts, fetch references or draw foreign content, and say so', () => {
    const image =
      read(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">
      <script>throw new Error('ran')</script>
      <foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>
      <image href="https://example.org/x.png" width="10" height="10"/>
      <use xlink:href="other.svg#shape"/>
      <rect width="10" height="10" filter="url(#blur)"/>
      <style>@import url(https://example.org/evil.css); rect { fill: red }</style>
    </svg>`);
    expect(image.problems).toEqual([
      'feature not drawn: <foreignObject>',
      'feature not drawn: <image> that is not a PNG or JPEG data: URL',
      'feature not drawn: <script>',
      'feature not drawn: CSS @import',
      'feature not drawn: external reference in <use>',
      'feature not drawn: filter',
    ]);
  });

  it('should refuse entity declarations, so entity bombs never expand', () => {
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE svg [
  <!ENTITY a "aaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
]>
<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&d;&d;&d;&d;</text></svg>`;
    const started = performance.now();
    expect(readSvg(bomb).problem).toMatch(/document type declaration/);
    expect(performance.now() - started).toBeLessThan(500);
    expect(
      readSvg('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1">&foo;</svg>').problem,
    ).toMatch(/well-formed/);
  });

  it('should refuse documents past the limits: elements, depth, size and use expansion', () => {
    const many = `<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1">${'<g/>'.repeat(60_000)}</svg>`;
    expect(readSvg(many).problem).toMatch(/more than 50000 elements/);
    const deep = `<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1">${'<g>'.repeat(100)}${'</g>'.repeat(100)}</svg>`;
    expect(readSvg(deep).problem).toMatch(/nested deeper than 64/);
    expect(readSvg(`<svg width="1" height="1">${' '.repeat(5_000_000)}</svg>`).problem).toMatch(
      /longer than/,
    );
    // Ten levels of ten uses each draw 10^10 shapes: refused before drawing.
    const levels = Array.from(
      { length: 10 },
      (_, level) => `<g id="l${level + 1}">${`<use href="#l${level}"/>`.repeat(10)}</g>`,
    ).join('');
    const laughs = `<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><defs><rect id="l0" width="1" height="1"/>${levels}</defs><use href="#l10"/></svg>`;
    const started = performance.now();
    expect(readSvg(laughs).problem).toMatch(/more than 200000 shapes/);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('should draw numbers far out of range without stopping the document', async () => {
    const image = read(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">
      <rect width="1e400" height="1e30" stroke="#000" stroke-width="1e300" stroke-dasharray="1e99 1e99" stroke-dashoffset="1e40" stroke-miterlimit="1e50"/>
      <g transform="scale(1e300) scale(1e300)"><circle r="1e200" cx="-1e308"/></g>
      <path d="M1e400 0 L-1e400 1e400 A1e-300 1e-300 0 0 1 5 5 Q1e30 1e30 0 0Z" fill="red"/>
      <text x="1e500" y="5" font-size="1e40">far</text>
    </svg>`);
    const pdf = await pdfOf(10, 10, (doc) =>
      drawSvg(doc, image, { x: 0, y: 0, width: 10, height: 10, fonts: HELVETICA }),
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('should draw a huge path in bounded time, and stop a use that refers to itself', async () => {
    const d = `M0 0${' L1 1 L2 0'.repeat(100_000)}`;
    const image = read(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">
      <path id="p" d="${d}" stroke="#000"/><g id="loop"><use href="#loop"/></g>
    </svg>`);
    const started = performance.now();
    await pdfOf(10, 10, (doc) => drawSvg(doc, image, { x: 0, y: 0, width: 10, height: 10 }));
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
